import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startStack, type Stack } from "./harness.js";
import { comment, issueOf, openIssue } from "./helpers.js";
import { botComments, OUTAGE, sweepAt } from "./pager-helpers.js";

describe("emergency tickets page out of hours", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: agencySeed(), now: new Date("2026-12-05T01:00:00Z") });
  });
  afterAll(async () => stack.close());

  it("a P1 at 02:00 for a covered client pages the on-call primary within the opening's delivery, escalates to the second line at 5 minutes and then the configured step", async () => {
    const number = await openIssue(stack, {
      as: "pat",
      repo: "acme/website",
      at: "2026-12-05T02:00:00Z",
      title: "Website down",
      body: OUTAGE,
    });
    const pages = botComments(stack, "acme/website", number, "<!-- firstline:alert-page -->");
    expect(pages).toHaveLength(1);
    expect(pages[0]?.body).toContain("Paging @alice-okafor, on call");
    await sweepAt(stack, "2026-12-05T02:04:30Z");
    expect(botComments(stack, "acme/website", number, "firstline:escalation:")).toHaveLength(0);
    await sweepAt(stack, "2026-12-05T02:05:10Z");
    const first = botComments(stack, "acme/website", number, "firstline:escalation:1");
    expect(first).toHaveLength(1);
    expect(first[0]?.body).toMatch(
      /^<!-- firstline:escalation:1 -->\n@sam-oduya: nobody has acknowledged this ticket 5 minutes after alice-okafor \(on call\) was paged/,
    );
    await sweepAt(stack, "2026-12-05T02:15:30Z");
    expect(botComments(stack, "acme/website", number, "firstline:escalation:2")[0]?.body).toContain(
      "@dana-whitfield",
    );
    await sweepAt(stack, "2026-12-05T02:40:00Z");
    expect(botComments(stack, "acme/website", number, "<!-- firstline:alert-page -->")).toHaveLength(1);
    expect(botComments(stack, "acme/website", number, "firstline:escalation:")).toHaveLength(2);
  });

  it("acknowledged by the on-call person's comment at 3 minutes: no escalation", async () => {
    const number = await openIssue(stack, {
      as: "pat",
      repo: "glenmore/shop",
      at: "2026-12-05T03:00:00Z",
      title: "Shop down",
      body: OUTAGE,
    });
    expect(botComments(stack, "glenmore/shop", number, "<!-- firstline:alert-page -->")).toHaveLength(1);
    await comment(stack, {
      as: "alice-okafor",
      repo: "glenmore/shop",
      number,
      at: "2026-12-05T03:03:00Z",
      body: "Looking now.",
    });
    await sweepAt(stack, "2026-12-05T03:06:00Z");
    await sweepAt(stack, "2026-12-05T03:30:00Z");
    expect(botComments(stack, "glenmore/shop", number, "firstline:escalation:")).toHaveLength(0);
  });

  it("a client without out-of-hours cover never pages", async () => {
    const number = await openIssue(stack, {
      as: "rosa",
      repo: "riverside/tenant-portal",
      at: "2026-12-05T04:00:00Z",
      title: "Portal down",
      body: OUTAGE,
    });
    expect(issueOf(stack, "riverside/tenant-portal", number).labels).toContain("priority: P1");
    await sweepAt(stack, "2026-12-05T04:10:00Z");
    expect(
      botComments(stack, "riverside/tenant-portal", number, "<!-- firstline:alert-page -->"),
    ).toHaveLength(0);
    expect(
      issueOf(stack, "riverside/tenant-portal", number).comments.some((c) =>
        c.body.includes("@alice-okafor"),
      ),
    ).toBe(false);
  });

  it("a priority raised to P1 out of hours pages at that moment, once", async () => {
    const number = await openIssue(stack, {
      as: "pat",
      repo: "acme/website",
      at: "2026-12-05T05:00:00Z",
      title: "Search results look odd",
      body: "The search page shows old results.",
    });
    expect(botComments(stack, "acme/website", number, "<!-- firstline:alert-page -->")).toHaveLength(0);
    await comment(stack, {
      as: "grace-kowalski",
      repo: "acme/website",
      number,
      at: "2026-12-05T05:20:00Z",
      body: "/priority P1",
    });
    const pages = botComments(stack, "acme/website", number, "<!-- firstline:alert-page -->");
    expect(pages).toHaveLength(1);
    expect(pages[0]?.createdAt).toBe("2026-12-05T05:20:00Z");
    await sweepAt(stack, "2026-12-05T05:22:00Z");
    expect(botComments(stack, "acme/website", number, "<!-- firstline:alert-page -->")).toHaveLength(1);
  });

  it("a P1 opened in working hours is the support pair's: no page", async () => {
    const number = await openIssue(stack, {
      as: "pat",
      repo: "acme/website",
      at: "2026-12-07T11:00:00Z",
      title: "Website down again",
      body: OUTAGE,
    });
    await sweepAt(stack, "2026-12-07T18:30:00Z");
    expect(botComments(stack, "acme/website", number, "<!-- firstline:alert-page -->")).toHaveLength(0);
  });
});
