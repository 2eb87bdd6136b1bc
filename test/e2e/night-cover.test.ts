import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startStack, type Stack } from "./harness.js";
import { comment, openIssue } from "./helpers.js";
import { BOT, botComments, OUTAGE, sweepAt } from "./pager-helpers.js";

const OVERRIDES =
  "overrides:\n  - { date: 2026-12-02, covers: alice-okafor, by: mei-chen, reason: Alice was woken twice the night before }\n";

describe("cover for a night, and the person who was woken", () => {
  let stack: Stack;
  const wokenIssues = () =>
    stack.emulator
      .dump()
      .repos.find((r) => r.fullName === "northgate/support")
      ?.issues.filter((i) => i.author === BOT && (i.body ?? "").includes("<!-- firstline:woken:")) ?? [];

  beforeAll(async () => {
    stack = await startStack({
      seed: agencySeed({ supportFiles: { "rota/overrides.yml": OVERRIDES } }),
      now: new Date("2026-12-02T20:00:00Z"),
    });
  });
  afterAll(async () => stack.close());

  it("on an override night the page goes to the cover, not to the week's primary", async () => {
    const number = await openIssue(stack, {
      as: "pat",
      repo: "acme/website",
      at: "2026-12-03T02:00:00Z",
      title: "Website down",
      body: OUTAGE,
    });
    const page = botComments(stack, "acme/website", number, "<!-- firstline:alert-page -->");
    expect(page).toHaveLength(1);
    expect(page[0]?.body).toContain("Paging @mei-chen, on call");
    expect(page[0]?.body).not.toContain("alice-okafor");
    await comment(stack, {
      as: "mei-chen",
      repo: "acme/website",
      number,
      at: "2026-12-03T02:03:00Z",
      body: "On it: restarting the web server.",
    });
  });

  it("woken at 02:03, the cover's delivery lead is told at 09:00 on the support repository, once", async () => {
    await sweepAt(stack, "2026-12-03T08:55:00Z");
    expect(wokenIssues()).toHaveLength(0);
    await sweepAt(stack, "2026-12-03T09:00:30Z");
    const [notice, ...more] = wokenIssues();
    expect(more).toHaveLength(0);
    expect(notice?.title).toBe("Woken in the night: Mei Chen will start late (Thu 3 Dec)");
    expect(notice?.assignees).toEqual(["lee-harrington"]);
    expect(notice?.body).toContain(
      "@lee-harrington: Mei Chen (mei-chen) was on call and acknowledged a page in the night, so they will start late today",
    );
    expect(notice?.body).toContain("Thu 3 Dec 02:03 GMT: Acme Borough Council, acme/website#");
    await sweepAt(stack, "2026-12-03T09:30:00Z");
    await stack.service.memory.forgetRun("woken:northgate/support"); // as after a restart
    await sweepAt(stack, "2026-12-03T09:35:00Z");
    expect(wokenIssues()).toHaveLength(1);
  });

  it("a rota admin sets tonight's cover with /cover on the support repository; anyone else is refused; it survives a restart and pages the cover", async () => {
    stack.emulator.clock.set(new Date("2026-12-03T19:00:00Z"));
    const { data: issue } = await stack.as("grace-kowalski").rest.issues.create({
      owner: "northgate",
      repo: "support",
      title: "Cover for Thursday night",
      body: "Alice had a rough night.",
    });
    await stack.settle();
    await comment(stack, {
      as: "alice-okafor",
      repo: "northgate/support",
      number: issue.number,
      at: "2026-12-03T19:05:00Z",
      body: "/cover @hamza-iqbal for @alice-okafor: swap",
    });
    const supportComments = () =>
      stack.emulator
        .dump()
        .repos.find((r) => r.fullName === "northgate/support")
        ?.issues.find((i) => i.number === issue.number)?.comments ?? [];
    expect(supportComments().at(-1)?.body).toContain("no cover was set: only a rota admin");
    await comment(stack, {
      as: "grace-kowalski",
      repo: "northgate/support",
      number: issue.number,
      at: "2026-12-03T19:10:00Z",
      body: "/cover @hamza-iqbal for @alice-okafor: Alice was woken last night",
    });
    expect(supportComments().at(-1)?.body).toContain(
      "**Cover for tonight**: @hamza-iqbal covers alice-okafor (on call) until 10:00 on Fri 4 Dec, set by grace-kowalski.",
    );
    await stack.service.memory.setCovers("northgate/support", []); // as after a restart
    await sweepAt(stack, "2026-12-03T21:00:00Z");
    const number = await openIssue(stack, {
      as: "pat",
      repo: "acme/website",
      at: "2026-12-04T02:00:00Z",
      title: "Website down again",
      body: OUTAGE,
    });
    expect(botComments(stack, "acme/website", number, "<!-- firstline:alert-page -->")[0]?.body).toContain(
      "Paging @hamza-iqbal, on call",
    );
  });
});
