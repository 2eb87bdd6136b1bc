import { describe, expect, it } from "vitest";
import { firstlineConfigSchema } from "../../../src/core/config/firstline-config.js";
import { classifyTicket } from "../../../src/core/triage/classify.js";
import { formatScore, readCorpus, scoreCorpus } from "./corpus.js";

const config = firstlineConfigSchema.parse({ ticketRepos: ["agency/helpdesk"] });
const tuned = readCorpus("test/fixtures/triage-corpus/tickets.yml");
const heldOut = readCorpus("test/fixtures/triage-corpus/held-out.yml");

const classify = (title: string, body: string) =>
  classifyTicket({ config, issue: { repo: "agency/helpdesk", title, body, isPullRequest: false } });

describe("the default triage rules on tickets as clients write them", () => {
  it("find every P1 and get at least 85% of priorities right on the labelled corpus", () => {
    const tickets = [...tuned, ...heldOut];
    expect(tickets.length).toBeGreaterThanOrEqual(150);
    const score = scoreCorpus({ config, tickets });
    console.info(`triage corpus (npx vitest run test/core/triage/corpus.test.ts):\n${formatScore(score)}`);
    const missedP1 = score.misses.filter((miss) => miss.what === "priority" && miss.expected === "P1");
    expect(missedP1).toEqual([]);
    expect(score.p1.recall).toBe(1);
    expect(score.p1.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.priorityAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(score.typeAccuracy).toBeGreaterThanOrEqual(0.75);
    expect(score.chargeable.recall).toBeGreaterThanOrEqual(0.85);
    expect(score.chargeable.precision).toBeGreaterThanOrEqual(0.85);
  });

  it.each([
    ["Our website is down", ""],
    ["Help", "Site not loading for anyone since 8am"],
    ["Errors", "502 Bad Gateway on every page"],
    ["Urgent", "We've been hacked, there are pages we didn't make"],
    ["Checkout", "We can't take payments on the shop"],
    ["Broken", "Database error on every page"],
    ["webiste donw", "our webiste is down and nobody can get on it"],
    ["Shop offline", "The shop isn't loading at all, tried it on my phone too"],
    ["Payments", "Unable to accept card payments since this morning"],
  ])("raise “%s / %s” to P1", (title, body) => {
    expect(classify(title, body).priority).toBe("P1");
  });

  it.each([
    ["Typo", "The page about our 'site down' procedure has a typo"],
    ["Report", "Can you send last week's incident report?"],
    ["Yesterday", "A customer said the site was down yesterday, it's fine now"],
    [
      "Maintenance notice",
      "Please add a banner: the website will be unavailable on Saturday morning for maintenance",
    ],
    ["Advice page", "Please update our advice page on what to do if your account is hacked"],
  ])("leave “%s / %s” alone (it only mentions an outage)", (title, body) => {
    expect(classify(title, body).priority).toBe("P3");
  });

  it.each([
    ["Plugin", "Could you change the plugin code so it books two slots?", true],
    ["Events plugin", "Can you edit the Events Manager plugin files?", true],
    ["Self-service", "Could you upload these 12 news articles for us? I know we can do it in the CMS", true],
    ["Stripe", "Could you contact Stripe on our behalf about verification?", true],
    ["Registrar", "Please get in touch with our domain registrar to move the domain", true],
    ["Typo", "There is a typo on the about page", false],
  ])("suggest chargeable work: %s", (title, body, chargeable) => {
    expect(classify(title, body).chargeableSuggested).toBe(chargeable);
  });

  it("reads hostile text in time linear in its length (no pattern backtracks)", () => {
    // Long runs of the characters the phrase rules care about, and a text at GitHub's size limit.
    const hostile = [
      "a".repeat(65_000),
      "site ".repeat(13_000),
      "not ".repeat(16_000),
      `${"expected ".repeat(7_000)}x`,
      "'".repeat(65_000),
      "ab'".repeat(20_000),
      "webiste laoding ".repeat(4_000),
      "constructor __proto__ toString hasOwnProperty prototype valueOf",
    ];
    for (const body of hostile) {
      const decision = classify("x", body);
      expect(["P1", "P2", "P3", "P4"]).toContain(decision.priority);
    }
  });
});
