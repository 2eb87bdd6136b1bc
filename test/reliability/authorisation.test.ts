import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_MARKER, DASHBOARD_TITLE } from "../../src/core/sweep/dashboard.js";
import { BOT, botComments, cardCount, markerKeys, issueDump } from "./helpers/invariants.js";
import { clientRepos, reliabilityRota, reliabilitySeed, SUPPORT_REPO } from "./helpers/seed.js";
import { createComment, createIssue, startReliabilityStack, type Stack } from "./helpers/stack.js";

const [SITE1 = "", SITE2 = ""] = clientRepos(2);
const STAFF = "alice-okafor";
const QUESTION = {
  title: "Please update the opening hours",
  body: "Please change the opening hours on the contact page.",
};

async function at(stack: Stack, instant: string, action: () => Promise<unknown>): Promise<void> {
  stack.emulator.clock.set(new Date(instant));
  await action();
  await stack.settle();
}

describe("who may do what", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startReliabilityStack({
      seed: reliabilitySeed({ count: 2, labels: true }),
      now: new Date("2026-12-02T10:00:00Z"),
    });
  });
  afterAll(async () => stack.close());

  it("slash commands from a client, a client's colleague and a stranger are refused once each and change nothing", async () => {
    let number = 0;
    await at(
      stack,
      "2026-12-02T10:00:00Z",
      async () => (number = await createIssue(stack, { as: "pat", repo: SITE1, ...QUESTION })),
    );
    const labelsBefore = [...issueDump(stack, SITE1, number).labels].sort();
    const attempts = [
      { as: "pat", body: "/priority P1\n/client acme\n/type change" },
      { as: "pat", body: "/chargeable 5d none of your business\n/waiting" },
      { as: "pat", body: "/resume\n/not-chargeable\n/sla" },
      { as: "carol-hughes", body: "/priority P1" },
      { as: "mallory", body: "/chargeable 1d\n/priority P4" },
    ];
    for (const attempt of attempts)
      await at(stack, "2026-12-02T10:05:00Z", () =>
        createComment(stack, { ...attempt, repo: SITE1, number }),
      );
    const issue = issueDump(stack, SITE1, number);
    expect([...issue.labels].sort()).toEqual(labelsBefore);
    expect(issue.assignees).toEqual([]);
    const refusals = botComments(issue).filter((c) => c.body.includes("are for the support team"));
    expect(refusals.map((c) => /<!-- firstline:refused:([a-z-]+) -->/.exec(c.body)?.[1]).sort()).toEqual([
      "carol-hughes",
      "mallory",
      "pat",
    ]);
    expect(botComments(issue).some((c) => c.body.includes("SLA timeline"))).toBe(false);
  });

  it("a client cannot choose their own priority with labels when opening a ticket", async () => {
    let number = 0;
    await at(
      stack,
      "2026-12-02T10:10:00Z",
      async () =>
        (number = await createIssue(stack, {
          as: "pat",
          repo: SITE1,
          ...QUESTION,
          labels: ["priority: P1", "sla: breached"],
        })),
    );
    const issue = issueDump(stack, SITE1, number);
    expect(issue.labels).toContain("priority: P3");
    expect(issue.labels).not.toContain("priority: P1");
    expect(cardCount(issue)).toBe(1);
  });

  it("a client cannot close a breach: their /priority and /resume do nothing; staff removing the label is respected", async () => {
    let number = 0;
    await at(
      stack,
      "2026-12-03T10:00:00Z",
      async () => (number = await createIssue(stack, { as: "pat", repo: SITE2, ...QUESTION })),
    );
    await at(stack, "2026-12-04T10:30:00Z", () => stack.sweep()); // 8 working hours gone: breached
    expect(issueDump(stack, SITE2, number).labels).toContain("sla: breached");
    await at(stack, "2026-12-04T10:35:00Z", () =>
      createComment(stack, { as: "pat", repo: SITE2, number, body: "/priority P4\n/resume" }),
    );
    const [owner = "", repo = ""] = SITE2.split("/");
    // GitHub refuses label changes from someone who may only read: the label stays.
    await at(stack, "2026-12-04T10:36:00Z", () =>
      stack
        .as("pat")
        .rest.issues.removeLabel({ owner, repo, issue_number: number, name: "sla: breached" })
        .catch(() => undefined),
    );
    await at(stack, "2026-12-04T10:40:00Z", () => stack.sweep());
    let issue = issueDump(stack, SITE2, number);
    expect(issue.labels).toEqual(expect.arrayContaining(["sla: breached", "priority: P3"]));
    expect(issue.labels).not.toContain("priority: P4");
    expect(issue.comments.filter((c) => c.body.includes("**SLA breached**"))).toHaveLength(1);
    // A staff member closing the breach is a person's choice: no sweep puts the label back.
    await at(stack, "2026-12-04T11:00:00Z", () =>
      stack.as(STAFF).rest.issues.removeLabel({ owner, repo, issue_number: number, name: "sla: breached" }),
    );
    await at(stack, "2026-12-04T11:10:00Z", () => stack.sweep());
    await at(stack, "2026-12-07T11:10:00Z", () => stack.sweep());
    issue = issueDump(stack, SITE2, number);
    expect(issue.labels).not.toContain("sla: breached");
    expect(issue.comments.filter((c) => c.body.includes("**SLA breached**"))).toHaveLength(1);
  });

  it("ticket text never makes the bot mention anyone: @-names from titles, bodies and command arguments arrive broken", async () => {
    let number = 0;
    const title = "Login broken for @victim-user and @bigco/everyone (cc @Victim-User)";
    const body =
      "@victim-user cannot log in. Steps: 1. open https://example.test/login?u=@victim-user 2. sign in. Expected the dashboard but it shows an error. Ping (@victim-user) or victim-user@example.test";
    await at(
      stack,
      "2026-12-08T10:00:00Z",
      async () => (number = await createIssue(stack, { as: "pat", repo: SITE1, title, body })),
    );
    await at(stack, "2026-12-08T10:05:00Z", () =>
      createComment(stack, {
        as: STAFF,
        repo: SITE1,
        number,
        body: "/chargeable 2d @victim-user wants a new @bigco/everyone portal\n/sla\n/client @victim-user",
      }),
    );
    await at(stack, "2026-12-08T10:06:00Z", () =>
      createComment(stack, { as: STAFF, repo: SITE1, number, body: "/not-chargeable" }),
    );
    await at(stack, "2026-12-08T16:10:00Z", () => stack.sweep()); // at risk: a notice, and the dashboard lists the title
    const dump = stack.emulator.dump();
    // (Someone the bot answers, such as a person it refuses, is mentioned on purpose: this name never commented.)
    const written = [
      ...dump.repos.flatMap((r) =>
        r.issues.flatMap((i) => i.comments.filter((c) => c.author === BOT).map((c) => c.body)),
      ),
      ...dump.repos.flatMap((r) =>
        r.issues.filter((i) => i.author === BOT).map((i) => `${i.title}\n${i.body ?? ""}`),
      ),
    ];
    expect(written.some((text) => text.includes("victim-user"))).toBe(true); // the words are there, quoted
    const unbroken = written.filter((text) => /(^|[^\w@])@(victim-user|bigco\/everyone)\b/i.test(text));
    expect(unbroken).toEqual([]);
  });

  it("a client's text cannot forge the bot's markers: the card and the notices still come", async () => {
    const forged = [
      "<!-- firstline:card -->",
      "<!-- firstline:notice:c1:firstResponse:1:at-risk -->",
      "<!-- firstline:notice:c1:firstResponse:1:breached -->",
      "<!-- firstline:refused:pat -->",
    ].join("\n");
    let number = 0;
    await at(
      stack,
      "2026-12-09T10:00:00Z",
      async () =>
        (number = await createIssue(stack, {
          as: "pat",
          repo: SITE2,
          title: `Please update the footer ${forged.split("\n")[1] ?? ""}`,
          body: `Please change the footer.\n${forged}`,
        })),
    );
    expect(cardCount(issueDump(stack, SITE2, number))).toBe(1);
    await at(stack, "2026-12-09T11:00:00Z", () =>
      createComment(stack, { as: "pat", repo: SITE2, number, body: `Any news?\n${forged}` }),
    );
    await at(stack, "2026-12-09T11:05:00Z", () =>
      createComment(stack, { as: "pat", repo: SITE2, number, body: "/priority P1" }),
    );
    await at(stack, "2026-12-09T16:10:00Z", () => stack.sweep());
    await at(stack, "2026-12-10T10:30:00Z", () => stack.sweep());
    const issue = issueDump(stack, SITE2, number);
    expect(cardCount(issue)).toBe(1);
    expect(issue.comments.filter((c) => c.author === BOT && c.body.includes("**SLA at risk**"))).toHaveLength(
      1,
    );
    expect(
      issue.comments.filter((c) => c.author === BOT && c.body.includes("**SLA breached**")),
    ).toHaveLength(1);
    expect(
      issue.comments.filter((c) => c.author === BOT && c.body.includes("are for the support team")),
    ).toHaveLength(1);
    // The bot never echoes a marker it did not mean: each key it wrote is its own.
    expect(markerKeys(issue).filter((k) => k === "card")).toHaveLength(1);
  });

  it("a client's fake dashboard in the support repository is left alone; the real one is kept", async () => {
    let fake = 0;
    await at(
      stack,
      "2026-12-10T10:40:00Z",
      async () =>
        (fake = await createIssue(stack, {
          as: "pat",
          repo: SUPPORT_REPO,
          title: DASHBOARD_TITLE,
          body: `All fine here.\n${DASHBOARD_MARKER}`,
        })),
    );
    await stack.service.memory.forgetDashboard(SUPPORT_REPO); // as after a restart: the sweep must find its dashboard by search
    await at(stack, "2026-12-10T10:45:00Z", () => stack.sweep());
    const support = stack.emulator.dump().repos.find((r) => r.fullName === SUPPORT_REPO);
    expect(support?.issues.find((i) => i.number === fake)?.body).toBe(`All fine here.\n${DASHBOARD_MARKER}`);
    expect(support?.issues.filter((i) => i.author === BOT && i.title === DASHBOARD_TITLE)).toHaveLength(1);
  });

  it("rota approvals count only from the people the change needs, on the head commit, as approving reviews", async () => {
    const support = reliabilityRota()["rota/support.yml"] ?? "";
    const swapped = support
      .replace("2027-01-06: { developer: alice-okafor", "2027-01-06: { developer: SWAP")
      .replace("2027-01-13: { developer: erin-walsh", "2027-01-13: { developer: alice-okafor")
      .replace("developer: SWAP", "developer: erin-walsh");
    expect(swapped).not.toBe(support);
    const [owner = "", repo = ""] = SUPPORT_REPO.split("/");
    stack.emulator.clock.set(new Date("2026-12-10T11:00:00Z"));
    // A stranger opens the swap: being its author makes them approve nothing that matters.
    stack.emulator.push(SUPPORT_REPO, {
      branch: "swap-january",
      files: { "rota/support.yml": swapped },
      sender: "mallory",
    });
    const { data: pull } = await stack
      .as("mallory")
      .rest.pulls.create({ owner, repo, head: "swap-january", base: "main", title: "Swap January weeks" });
    await stack.settle();
    const review = async (login: string, event: "APPROVE" | "COMMENT", body?: string) => {
      await stack
        .as(login)
        .rest.pulls.createReview({ owner, repo, pull_number: pull.number, event, ...(body ? { body } : {}) });
      await stack.settle();
    };
    const state = () => {
      const dump = stack.emulator.dump().repos.find((r) => r.fullName === SUPPORT_REPO);
      const comment =
        dump?.issues
          .find((i) => i.number === pull.number)
          ?.comments.find((c) => c.author === BOT && c.body.includes("<!-- firstline:rota-change -->"))
          ?.body ?? "";
      const ticked = [...comment.matchAll(/- \[x\] ([a-z-]+)/g)].map((m) => m[1] ?? "");
      const awaited = [...comment.matchAll(/- \[ \] ([a-z-]+)/g)].map((m) => m[1] ?? "");
      return {
        conclusion: dump?.checkRuns.filter((c) => c.name === "Firstline rota").at(-1)?.conclusion,
        ticked,
        awaited,
      };
    };
    await review("alice-okafor", "APPROVE"); // then a new commit: this approval is for an old head
    stack.emulator.push(SUPPORT_REPO, {
      branch: "swap-january",
      files: { "rota/support.yml": `${swapped}# swapped by agreement\n` },
      sender: "mallory",
    });
    await stack.settle();
    await review("bob-adeyemi", "APPROVE"); // staff, but not in this change
    await review("rosa", "APPROVE"); // a client
    await review("erin-walsh", "COMMENT", "Approved, fine by me"); // words are not an approving review
    await review("grace-kowalski", "APPROVE"); // the delivery lead of both: counts
    let now = state();
    expect(now.conclusion).toBe("failure");
    expect(now.awaited).toEqual(expect.arrayContaining(["alice-okafor", "erin-walsh"]));
    expect(now.ticked).toEqual(["grace-kowalski"]);
    // The people the change moves approve the head commit: now it passes.
    await review("alice-okafor", "APPROVE");
    await review("erin-walsh", "APPROVE");
    now = state();
    expect(now.awaited).toEqual([]);
    expect(now.conclusion).toBe("success");
  });
});
