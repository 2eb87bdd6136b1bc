import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startStack, type Stack } from "./harness.js";
import { cardOf, comment, issueOf, openIssue } from "./helpers.js";

const CONFIG = readFileSync(".github/firstline.yml", "utf8");
const PORTAL = "riverside/tenant-portal";
/** Pat administers Acme's organisation, so she can label issues in its repository. */
const ACME = "acme/website";
const STAFF = "alice-okafor";
const DETAILED =
  "Steps: 1. open https://portal.riverside.example/news 2. read the list. Expected the list of news; actual: the list is empty.";

/** What a repository holds, to show nothing was written there. */
function footprint(stack: Stack, repo: string): string {
  const found = stack.emulator.dump().repos.find((r) => r.fullName === repo);
  return JSON.stringify(
    found?.issues.map((i) => ({ n: i.number, labels: i.labels, comments: i.comments.length })) ?? [],
  );
}

/** Pushes a new support configuration as a rota admin would, and waits for the app. */
async function pushSupportConfig(stack: Stack, text: string): Promise<void> {
  stack.emulator.push("northgate/support", {
    files: { ".github/firstline.yml": text },
    sender: "dana-whitfield",
    message: "Configuration change",
  });
  await stack.settle();
}

describe("trust at the boundary, end to end", () => {
  let stack: Stack;
  beforeAll(async () => {
    const seed = agencySeed();
    stack = await startStack({
      seed: {
        ...seed,
        orgs: (seed.orgs ?? []).map((org) =>
          org.login === "acme" ? { ...org, members: [{ login: "pat", role: "admin" as const }] } : org,
        ),
      },
      now: new Date("2026-12-02T09:00:00Z"),
    });
  });
  afterAll(async () => stack.close());

  it("a configuration a client pushes to its own repository changes nothing and writes nowhere else", async () => {
    const hostile =
      `${CONFIG.replace("staff:\n  logins: [", "staff:\n  logins: [pat, ")}\nsupportRepo: riverside/tenant-portal\n`.replace(
        "maintenance:\n",
        "maintenance:\n  - { client: acme, task: Take over, rrule: FREQ=DAILY, priority: P1, repo: riverside/tenant-portal }\n",
      );
    stack.emulator.push("acme/website", {
      files: { ".github/firstline.yml": hostile },
      sender: "pat",
      message: "Make me staff",
    });
    await stack.settle();
    const before = footprint(stack, PORTAL);
    const number = await openIssue(stack, {
      as: "pat",
      repo: "acme/website",
      at: "2026-12-02T11:00:00Z",
      title: "Please update the footer",
      body: "Please change the phone number in the footer to 0161 000 0000.",
    });
    await comment(stack, {
      as: "pat",
      repo: "acme/website",
      number,
      at: "2026-12-02T11:05:00Z",
      body: "/priority P1",
    });
    const issue = issueOf(stack, "acme/website", number);
    expect(issue.labels).toContain("priority: P3");
    expect(issue.labels).not.toContain("priority: P1");
    expect(issue.comments.filter((c) => c.body.includes("are for the support team"))).toHaveLength(1);
    stack.emulator.clock.set(new Date("2026-12-03T10:30:00Z"));
    await stack.sweep();
    expect(footprint(stack, PORTAL)).toBe(before);
    const dashboard = stack.emulator
      .dump()
      .repos.find((r) => r.fullName === "northgate/support")
      ?.issues.find((i) => i.body?.includes("<!-- firstline:dashboard -->"));
    expect(dashboard?.body).toContain(
      "`acme/website` has a `.github/firstline.yml` of its own, which Firstline ignores",
    );
  });

  it("a priority label a client admin adds is put back, with one polite note, and the card keeps its priority", async () => {
    const number = await openIssue(stack, {
      as: "pat",
      repo: ACME,
      at: "2026-12-03T11:00:00Z",
      title: "News list is empty",
      body: DETAILED,
    });
    const [owner = "", repo = ""] = ACME.split("/");
    for (const at of ["2026-12-03T11:05:00Z", "2026-12-03T11:10:00Z"]) {
      stack.emulator.clock.set(new Date(at));
      await stack
        .as("pat")
        .rest.issues.addLabels({ owner, repo, issue_number: number, labels: ["priority: P1"] });
      await stack.settle();
    }
    const issue = issueOf(stack, ACME, number);
    expect(issue.labels).toContain("priority: P3");
    expect(issue.labels).not.toContain("priority: P1");
    expect(cardOf(issue)).toContain("| Priority | P3");
    expect(issue.comments.filter((c) => c.body.includes("<!-- firstline:labels-refused -->"))).toHaveLength(
      1,
    );
  });

  it("a client admin who removes the waiting label does not restart the clock", async () => {
    const number = await openIssue(stack, {
      as: "pat",
      repo: ACME,
      at: "2026-12-03T12:00:00Z",
      title: "Login is broken",
      body: "I can't get in.",
    });
    const [owner = "", repo = ""] = ACME.split("/");
    stack.emulator.clock.set(new Date("2026-12-03T12:05:00Z"));
    await stack
      .as("pat")
      .rest.issues.removeLabel({ owner, repo, issue_number: number, name: "status: waiting on client" });
    await stack.settle();
    const issue = issueOf(stack, ACME, number);
    expect(issue.labels).toContain("status: waiting on client");
    expect(cardOf(issue)).toContain("⏸️ paused");
  });

  it("commands hidden in an HTML comment or an indented block do nothing, and the reply still counts", async () => {
    const number = await openIssue(stack, {
      as: "rosa",
      repo: PORTAL,
      at: "2026-12-03T13:00:00Z",
      title: "News page typo",
      body: DETAILED,
    });
    await comment(stack, {
      as: STAFF,
      repo: PORTAL,
      number,
      at: "2026-12-03T13:10:00Z",
      body: "<!--\n/priority P1\n-->\nThanks, looking now.",
    });
    await comment(stack, {
      as: STAFF,
      repo: PORTAL,
      number,
      at: "2026-12-03T13:20:00Z",
      body: "For the record, the command is:\n\n    /priority P1\n",
    });
    const issue = issueOf(stack, PORTAL, number);
    expect(issue.labels).toContain("priority: P3");
    expect(issue.labels).not.toContain("priority: P1");
    expect(cardOf(issue)).toMatch(/\| First response \| 8 working hours \| [^|]+ \| ✅ met \|/);
  });

  it("a staff reply that starts with a path is a response, not a command", async () => {
    const number = await openIssue(stack, {
      as: "rosa",
      repo: PORTAL,
      at: "2026-12-03T14:00:00Z",
      title: "Checkout page error",
      body: DETAILED,
    });
    await comment(stack, {
      as: STAFF,
      repo: PORTAL,
      number,
      at: "2026-12-03T14:10:00Z",
      body: "/checkout is fixed now",
    });
    const issue = issueOf(stack, PORTAL, number);
    expect(cardOf(issue)).toMatch(/\| First response \| 8 working hours \| [^|]+ \| ✅ met \|/);
  });

  it("an existing `Priority: P1` label is that priority", async () => {
    const [owner = "", repo = ""] = PORTAL.split("/");
    // The agency spells the label its own way (Firstline creates only the labels tickets get, so it is not there yet).
    await stack.as(STAFF).rest.issues.createLabel({ owner, repo, name: "Priority: P1", color: "b60205" });
    const number = await openIssue(stack, {
      as: "rosa",
      repo: PORTAL,
      at: "2026-12-03T15:00:00Z",
      title: "Portal slow",
      body: DETAILED,
    });
    stack.emulator.clock.set(new Date("2026-12-03T15:05:00Z"));
    await stack
      .as(STAFF)
      .rest.issues.addLabels({ owner, repo, issue_number: number, labels: ["Priority: P1"] });
    await stack.settle();
    const issue = issueOf(stack, PORTAL, number);
    expect(cardOf(issue)).toContain("| Priority | P1");
    const before = stack.emulator.log.summary().requests.length;
    await stack.sweep();
    // A quiet ticket with the differently spelt label costs no label writes.
    const writes = stack.emulator.log
      .summary()
      .requests.slice(before)
      .filter((r) => r.write && r.path.includes(`/repos/${PORTAL}/issues/${number}/labels`));
    expect(writes).toEqual([]);
  });

  it("a command edited into a reply counts from the edit, not from the post", async () => {
    // P2 for Riverside (standard): first response within 1 working hour.
    const number = await openIssue(stack, {
      as: "rosa",
      repo: PORTAL,
      at: "2026-12-04T10:00:00Z",
      title: "Search broken",
      body: DETAILED,
    });
    await comment(stack, {
      as: STAFF,
      repo: PORTAL,
      number,
      at: "2026-12-04T10:05:00Z",
      body: "/priority P2",
    });
    const [owner = "", repo = ""] = PORTAL.split("/");
    const posted = issueOf(stack, PORTAL, number).comments.find((c) => c.body === "/priority P2");
    stack.emulator.clock.set(new Date("2026-12-04T11:30:00Z"));
    await stack.as(STAFF).rest.issues.updateComment({
      owner,
      repo,
      comment_id: posted?.id ?? 0,
      body: "/priority P2\n\nWe are looking at the search index now.",
    });
    await stack.settle();
    const issue = issueOf(stack, PORTAL, number);
    expect(cardOf(issue)).toMatch(/\| First response \| 1 working hour \| [^|]+ \| 🔴 breached/);
  });

  it("a colleague removed from staff after answering leaves the response met", async () => {
    const number = await openIssue(stack, {
      as: "rosa",
      repo: PORTAL,
      at: "2026-12-07T10:00:00Z",
      title: "Footer link",
      body: DETAILED,
    });
    await comment(stack, {
      as: "erin-walsh",
      repo: PORTAL,
      number,
      at: "2026-12-07T10:30:00Z",
      body: "Thanks Rosa, I have fixed the link.",
    });
    expect(cardOf(issueOf(stack, PORTAL, number))).toMatch(
      /\| First response \| 8 working hours \| [^|]+ \| ✅ met \|/,
    );
    stack.emulator.clock.set(new Date("2026-12-07T11:00:00Z"));
    await pushSupportConfig(stack, CONFIG.replace("alice-okafor, erin-walsh, ", "alice-okafor, "));
    stack.emulator.clock.set(new Date("2026-12-09T12:00:00Z"));
    await stack.sweep();
    const issue = issueOf(stack, PORTAL, number);
    expect(cardOf(issue)).toMatch(/\| First response \| 8 working hours \| [^|]+ \| ✅ met \|/);
    expect(issue.comments.some((c) => c.body.includes("SLA breached"))).toBe(false);
    await pushSupportConfig(stack, CONFIG);
  });

  it("a client moved to another plan after a breach keeps the breach, and no notice is posted for the past", async () => {
    const number = await openIssue(stack, {
      as: "rosa",
      repo: PORTAL,
      at: "2026-12-09T10:00:00Z",
      title: "Events page",
      body: DETAILED,
    });
    stack.emulator.clock.set(new Date("2026-12-10T10:30:00Z"));
    await stack.sweep();
    let issue = issueOf(stack, PORTAL, number);
    expect(cardOf(issue)).toContain("🔴 breached");
    const notices = issue.comments.filter((c) => c.body.includes("firstline:notice")).length;
    const relaxed = CONFIG.replace(
      "clients:\n",
      "plans:\n  relaxed:\n    P1: { firstResponse: 1 hour }\n    P2: { firstResponse: 1 working day }\n    P3: { firstResponse: 10 working days }\n    P4: { firstResponse: 20 working days }\nclients:\n",
    ).replace(
      "    plan: standard\n    outOfHours: false\n    repos: [riverside/tenant-portal]",
      "    plan: relaxed\n    outOfHours: false\n    repos: [riverside/tenant-portal]",
    );
    await pushSupportConfig(stack, relaxed);
    stack.emulator.clock.set(new Date("2026-12-10T11:00:00Z"));
    await stack.sweep();
    issue = issueOf(stack, PORTAL, number);
    expect(cardOf(issue)).toContain("🔴 breached");
    expect(issue.comments.filter((c) => c.body.includes("firstline:notice")).length).toBe(notices);
    await pushSupportConfig(stack, CONFIG);
  });
});
