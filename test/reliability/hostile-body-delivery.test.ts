import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startStack, type Stack } from "../e2e/harness.js";
import { cardOf, issueOf } from "../e2e/helpers.js";

const PORTAL = "riverside/tenant-portal";
const ACME = "acme/website";

/** 64 KiB of newlines: the steps-to-reproduce check once took over 9 s on it (a pattern that backtracked). */
const HOSTILE = `The login page is broken and shows an error\n${"\n".repeat(65_000)}`;

/** A delivery takes well under a second here; five is far from both that and the 9 s of the old fault. */
const LIMIT_MS = 5_000;

describe("a 64 KiB pathological body beside an ordinary ticket, through the app", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ seed: agencySeed(), now: new Date("2026-12-02T11:00:00Z") });
  });
  afterAll(async () => stack.close());

  it("both are triaged and carded, and neither delivery does runaway work", async () => {
    const [riverside = "", portal = ""] = PORTAL.split("/");
    const [acme = "", site = ""] = ACME.split("/");
    const [hostile, ordinary] = await Promise.all([
      stack
        .as("rosa")
        .rest.issues.create({ owner: riverside, repo: portal, title: "Everything is broken", body: HOSTILE }),
      stack.as("pat").rest.issues.create({
        owner: acme,
        repo: site,
        title: "Please update the footer",
        body: "Please change the phone number in the footer.",
      }),
    ]);
    await stack.settle();
    expect(cardOf(issueOf(stack, PORTAL, hostile.data.number))).toContain("Riverside Housing Trust");
    expect(cardOf(issueOf(stack, ACME, ordinary.data.number))).toContain("Acme Borough Council");
    const opened = stack.emulator.deliveries().filter((d) => d.event === "issues" && d.action === "opened");
    expect(opened.length).toBeGreaterThanOrEqual(2);
    for (const delivery of opened) {
      expect(delivery.status).toBe(200);
      expect(delivery.durationMs).toBeLessThan(LIMIT_MS);
    }
  });
});
