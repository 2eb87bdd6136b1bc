import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startStack, type Stack } from "./harness.js";
import { cardOf, comment, formBody, issueOf, openIssue } from "./helpers.js";

const STAFF = "alice-okafor";

describe("tickets end to end", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: agencySeed(), now: new Date("2026-12-02T09:00:00Z") });
  });
  afterAll(async () => stack.close());

  it("a bug without steps asks for them and pauses the clock; the reporter's reply lifts both", async () => {
    const number = await openIssue(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      at: "2026-12-02T11:00:00Z",
      title: "Login is broken",
      body: "I can't get in.",
    });
    let issue = issueOf(stack, "riverside/tenant-portal", number);
    expect(issue.labels).toEqual(
      expect.arrayContaining(["needs: info", "status: waiting on client", "type: bug"]),
    );
    expect(cardOf(issue)).toContain("@rosa, please reply with:");
    expect(cardOf(issue)).toContain("⏸️ paused");
    await comment(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      number,
      at: "2026-12-02T13:00:00Z",
      body: "Steps: 1. go to https://portal.riverside.example/login 2. enter my details and press Sign in. I expected my dashboard but it shows an error.",
    });
    issue = issueOf(stack, "riverside/tenant-portal", number);
    expect(issue.labels).not.toContain("needs: info");
    expect(issue.labels).not.toContain("status: waiting on client");
    expect(cardOf(issue)).toContain("⏳ running");
    expect(cardOf(issue)).not.toContain("please reply with");
  });

  it("an outage at 02:00 for a client with out-of-hours cover is P1, due 30 minutes later on the 24/7 clock", async () => {
    const number = await openIssue(stack, {
      as: "pat",
      repo: "acme/website",
      at: "2026-12-05T02:00:00Z",
      title: "Website down",
      body: formBody({
        "What is wrong, or what do you need?": "Every page shows a 502 error.",
        Impact: "The live site is down or unusable, or we think it has been hacked",
        "Type of request": "Something is broken",
        "Page or URL": "https://acme.example",
        "Steps to reproduce": "Open any page",
        "Expected behaviour": "The site",
        "Actual behaviour": "502",
      }),
    });
    const issue = issueOf(stack, "acme/website", number);
    expect(issue.labels).toEqual(expect.arrayContaining(["priority: P1", "client: acme", "type: bug"]));
    expect(cardOf(issue)).toContain(
      "| First response | 30 minutes (24/7) | Sat 5 Dec 02:30 GMT | ⏳ running |",
    );
  });

  it("a question on a Saturday waits for Monday's working hours", async () => {
    const number = await openIssue(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      at: "2026-12-05T10:00:00Z",
      title: "How do I add a news item?",
      body: "Is there a guide?",
    });
    const issue = issueOf(stack, "riverside/tenant-portal", number);
    expect(issue.labels).toEqual(expect.arrayContaining(["type: question", "priority: P3"]));
    expect(cardOf(issue)).toContain(
      "| First response | 8 working hours | Mon 7 Dec 18:00 GMT | ⏳ running |",
    );
  });

  it("a staff /priority P2 after 3 working hours records a reclassified breach and tells the support pair", async () => {
    const number = await openIssue(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      at: "2026-12-09T10:00:00Z",
      title: "Please update the opening hours text",
      body: "Please change the opening hours on the contact page.",
    });
    await comment(stack, {
      as: STAFF,
      repo: "riverside/tenant-portal",
      number,
      at: "2026-12-09T13:00:00Z",
      body: "/priority P2",
    });
    const issue = issueOf(stack, "riverside/tenant-portal", number);
    expect(issue.labels).toEqual(expect.arrayContaining(["priority: P2", "sla: breached"]));
    expect(issue.labels).not.toContain("priority: P3");
    expect(cardOf(issue)).toContain("🔴 breached (reclassified)");
    const notice = issue.comments.find((c) => c.body.includes("**SLA breached**"));
    expect(notice?.body).toContain("already exceeded when the priority changed (reclassified)");
    expect(notice?.body).toMatch(/^@[a-z-]+ @[a-z-]+: /);
  });

  it("a client's /priority is refused politely once, then only with a reaction", async () => {
    const number = await openIssue(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      at: "2026-12-09T14:00:00Z",
      title: "Typo on the about page",
      body: "On /about it says 'teh'. It should say 'the' but it shows 'teh'. Steps: 1. open /about 2. read.",
    });
    await comment(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      number,
      at: "2026-12-09T14:05:00Z",
      body: "/priority P1",
    });
    await comment(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      number,
      at: "2026-12-09T14:06:00Z",
      body: "/priority P1",
    });
    const issue = issueOf(stack, "riverside/tenant-portal", number);
    expect(issue.labels).toContain("priority: P3");
    expect(issue.comments.filter((c) => c.body.includes("are for the support team"))).toHaveLength(1);
  });

  it("/chargeable routes the ticket to the account manager and stops the clock", async () => {
    const number = await openIssue(stack, {
      as: "pat",
      repo: "acme/website",
      at: "2026-12-09T15:00:00Z",
      title: "New events calendar",
      body: "Could you build a new events calendar with online booking? A new feature for our residents.",
    });
    let issue = issueOf(stack, "acme/website", number);
    expect(cardOf(issue)).toContain("This may be work outside support");
    await comment(stack, {
      as: STAFF,
      repo: "acme/website",
      number,
      at: "2026-12-09T15:10:00Z",
      body: "/chargeable 5d new booking functionality, not a support change",
    });
    issue = issueOf(stack, "acme/website", number);
    expect(issue.labels).toContain("chargeable");
    expect(issue.assignees).toEqual(["carol-hughes"]);
    expect(
      issue.comments.some(
        (c) =>
          c.body.includes("@carol-hughes, this is yours now as a lead") && c.body.includes("Rough size: 5d"),
      ),
    ).toBe(true);
    expect(cardOf(issue)).toContain("chargeable: with the account manager");
    expect(cardOf(issue)).toContain("⏸️ paused");
  });

  it("the same webhook delivered again posts nothing twice", async () => {
    const number = await openIssue(stack, {
      as: "pat",
      repo: "acme/website",
      at: "2026-12-09T16:00:00Z",
      title: "Footer link broken",
      body: "The footer link to /privacy gives a 404. Expected the privacy page but it shows not found. Steps: 1. scroll 2. click Privacy",
    });
    const delivery = stack.emulator
      .deliveries()
      .find(
        (d) =>
          d.event === "issues" &&
          d.action === "opened" &&
          (d.payload["issue"] as { number: number }).number === number &&
          (d.payload["repository"] as { full_name: string }).full_name === "acme/website",
      );
    expect(delivery).toBeDefined();
    stack.emulator.redeliver(delivery?.id ?? "");
    stack.emulator.redeliver(delivery?.id ?? "");
    await stack.settle();
    const issue = issueOf(stack, "acme/website", number);
    expect(issue.comments.filter((c) => c.body.includes("<!-- firstline:card -->"))).toHaveLength(1);
  });
});
