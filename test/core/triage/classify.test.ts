import { describe, expect, it } from "vitest";
import { firstlineConfigSchema } from "../../../src/core/config/firstline-config.js";
import {
  classifyTicket,
  isTicketRepository,
  priorityFromRules,
  waitingLabel,
  type IssueFacts,
} from "../../../src/core/triage/classify.js";
import { IMPACT_OPTIONS } from "../../../src/core/triage/form-fields.js";
import { COMPLETE_BUG_TEXT, formBody, ticketConfig, WAITING } from "../../helpers/ticket-fixtures.js";

const HELPDESK = "agency/helpdesk";

function classify(issue: Partial<IssueFacts>) {
  return classifyTicket({
    config: ticketConfig,
    issue: { repo: HELPDESK, title: "Help", body: "", isPullRequest: false, ...issue },
  });
}

describe("which issues are tickets", () => {
  it.each([
    { what: "an issue in a client's repository", repo: "acme/website", isPullRequest: false, ticket: true },
    { what: "the repository name in another case", repo: "Acme/Website", isPullRequest: false, ticket: true },
    { what: "an issue in the shared helpdesk", repo: HELPDESK, isPullRequest: false, ticket: true },
    {
      what: "a pull request in a client's repository",
      repo: "acme/website",
      isPullRequest: true,
      ticket: false,
    },
    { what: "a pull request in the helpdesk", repo: HELPDESK, isPullRequest: true, ticket: false },
    {
      what: "an issue in a repository config does not name",
      repo: "agency/firstline",
      isPullRequest: false,
      ticket: false,
    },
  ])("$what: ticket $ticket", ({ repo, isPullRequest, ticket }) => {
    const decision = classify({
      repo,
      isPullRequest,
      title: "We would like a new feature: the site is down",
      body: "The form is broken",
    });
    expect(decision.ticket).toBe(ticket);
    if (!ticket) {
      // Nothing to label, ask or suggest on something that is not a ticket.
      expect(decision.labels).toEqual([]);
      expect(decision.needsInfo).toEqual([]);
      expect(decision.chargeableSuggested).toBe(false);
    }
  });

  it("isTicketRepository agrees, ignoring case", () => {
    expect(isTicketRepository(ticketConfig, "RIVERSIDE/portal")).toBe(true);
    expect(isTicketRepository(ticketConfig, "agency/HELPDESK")).toBe(true);
    expect(isTicketRepository(ticketConfig, "riverside/other")).toBe(false);
  });
});

describe("client: repository, then the form's Organisation, then keywords, else unknown", () => {
  it.each([
    {
      what: "the repository decides, whatever the text says",
      repo: "acme/website",
      title: "Riverside tenant portal",
      body: "glenmore",
      client: "acme",
      source: "repository",
    },
    {
      what: "the repository decides in any case",
      repo: "GLENMORE/Shop",
      title: "Broken basket",
      body: "",
      client: "glenmore",
      source: "repository",
    },
    {
      what: "form: the client's name",
      repo: HELPDESK,
      title: "[Support] Contact form",
      body: formBody({ organisation: "Acme Borough Council" }),
      client: "acme",
      source: "form",
    },
    {
      what: "form: the client's id",
      repo: HELPDESK,
      title: "[Support] Contact form",
      body: formBody({ organisation: "glenmore" }),
      client: "glenmore",
      source: "form",
    },
    {
      what: "form: a keyword in the answer",
      repo: HELPDESK,
      title: "[Support] Shop",
      body: formBody({ organisation: "The Glenmore Distillery" }),
      client: "glenmore",
      source: "form",
    },
    {
      what: "form before keywords in the text",
      repo: HELPDESK,
      title: "[Support] Like Acme's site",
      body: formBody({ organisation: "Riverside Housing", summary: "Make it look like acme" }),
      client: "riverside",
      source: "form",
    },
    {
      what: "an unknown form answer falls back to keywords",
      repo: HELPDESK,
      title: "[Support] Login",
      body: formBody({ organisation: "Someone Else Ltd", summary: "Our tenant portal login fails" }),
      client: "riverside",
      source: "keywords",
    },
    {
      what: "an empty form answer falls back to keywords",
      repo: HELPDESK,
      title: "[Support] Acme homepage",
      body: formBody({}),
      client: "acme",
      source: "keywords",
    },
    {
      what: "keywords: a client keyword in the title",
      repo: HELPDESK,
      title: "ACME homepage is slow",
      body: null,
      client: "acme",
      source: "keywords",
    },
    {
      what: "keywords: the client's name in the body",
      repo: HELPDESK,
      title: "Homepage",
      body: "This is Riverside Housing, our homepage is slow",
      client: "riverside",
      source: "keywords",
    },
    {
      what: "keywords: a phrase keyword",
      repo: HELPDESK,
      title: "Login",
      body: "The Tenant Portal will not let me in",
      client: "riverside",
      source: "keywords",
    },
    {
      what: "keywords match whole words only",
      repo: HELPDESK,
      title: "Acmeville shop",
      body: "riversides",
      client: "unknown",
      source: "default",
    },
    {
      what: "two clients' keywords: ambiguous, so unknown",
      repo: HELPDESK,
      title: "Acme and Glenmore",
      body: "Both sites are slow",
      client: "unknown",
      source: "default",
    },
    {
      what: "no clue at all",
      repo: HELPDESK,
      title: "Homepage is slow",
      body: "Since this morning",
      client: "unknown",
      source: "default",
    },
  ])("$what → $client ($source)", ({ repo, title, body, client, source }) => {
    const decision = classify({ repo, title, body });
    expect({ client: decision.client, source: decision.clientSource }).toEqual({ client, source });
    expect(decision.labels).toContain(`client: ${client}`);
  });
});

describe("priority: the form's Impact, then keyword rules (most urgent wins), else P3", () => {
  it.each(IMPACT_OPTIONS.map((option) => ({ answer: option.answer, priority: option.priority })))(
    "Impact “$answer” → $priority",
    ({ answer, priority }) => {
      const decision = classify({
        title: "[Support] Homepage",
        body: formBody({ organisation: "acme", impact: answer }),
      });
      expect({ priority: decision.priority, source: decision.prioritySource }).toEqual({
        priority,
        source: "form",
      });
      expect(decision.labels).toContain(`priority: ${priority}`);
    },
  );

  it.each([
    {
      what: "the form's answer beats the words",
      title: "[Support] Site down",
      body: formBody({ summary: "The site is down", impact: "No rush: a background request or a question" }),
      priority: "P4",
      source: "form",
    },
    {
      what: "an Impact left empty falls back to the words",
      title: "[Support] Hacked",
      body: formBody({ summary: "We think we have been hacked" }),
      priority: "P1",
      source: "keywords",
    },
    {
      what: "an Impact answer that is not an option falls back to the words",
      title: "[Support] Slow",
      body: formBody({ summary: "very slow", impact: "Bad" }),
      priority: "P2",
      source: "keywords",
    },
    { what: "P1 words", title: "Site is down", body: "Nothing loads", priority: "P1", source: "keywords" },
    {
      what: "P2 words",
      title: "Checkout",
      body: "Payments failing since 9am",
      priority: "P2",
      source: "keywords",
    },
    {
      what: "P4 words",
      title: "Footer colour",
      body: "No rush, just wondering",
      priority: "P4",
      source: "keywords",
    },
    {
      what: "P4 and P1 words: the most urgent wins",
      title: "No rush but",
      body: "there is an outage on the news page",
      priority: "P1",
      source: "keywords",
    },
    {
      what: "P4 and P2 words: the most urgent wins",
      title: "When you have time",
      body: "the search is extremely slow",
      priority: "P2",
      source: "keywords",
    },
    {
      what: "keywords match whole phrases only",
      title: "Outages page",
      body: "Please add an outages page",
      priority: "P3",
      source: "default",
    },
    {
      what: "no words: every ticket is Normal on receipt",
      title: "Typo on the about page",
      body: "“recieve” should be “receive”",
      priority: "P3",
      source: "default",
    },
  ])("$what → $priority ($source)", ({ title, body, priority, source }) => {
    const decision = classify({ title, body });
    expect({ priority: decision.priority, source: decision.prioritySource }).toEqual({ priority, source });
  });

  it("priorityFromRules reads the configured rules, most urgent first", () => {
    const config = firstlineConfigSchema.parse({
      priorityRules: [
        { priority: "P4", keywords: ["newsletter"] },
        { priority: "P2", keywords: ["newsletter broken"] },
      ],
    });
    expect(priorityFromRules(config, { title: "the newsletter broken again", body: null })).toBe("P2");
    expect(priorityFromRules(config, { title: "the newsletter", body: null })).toBe("P4");
    expect(priorityFromRules(config, { title: "the site is down", body: null })).toBeUndefined();
  });
});

describe("type: the form, then words, else question", () => {
  it.each([
    {
      what: "form: broken",
      title: "[Support] x",
      body: formBody({ type: "Something is broken", summary: "How do I?" }),
      type: "bug",
      source: "form",
    },
    {
      what: "form: change",
      title: "[Support] x",
      body: formBody({ type: "A change to the site", summary: "The page is broken" }),
      type: "change",
      source: "form",
    },
    {
      what: "form: question",
      title: "[Support] x",
      body: formBody({ type: "A question", summary: "Error" }),
      type: "question",
      source: "form",
    },
    {
      what: "a question in the title",
      title: "How do I add a user",
      body: "The button is missing",
      type: "question",
      source: "keywords",
    },
    {
      what: "a title ending with a question mark",
      title: "Can staff edit the menu?",
      body: "",
      type: "question",
      source: "keywords",
    },
    {
      what: "bug words",
      title: "Contact form",
      body: "It gives a 500 when I press send",
      type: "bug",
      source: "keywords",
    },
    {
      what: "change words",
      title: "Opening hours",
      body: "Please update the opening hours for Christmas",
      type: "change",
      source: "keywords",
    },
    { what: "no words", title: "Opening hours", body: "Hello", type: "question", source: "default" },
  ])("$what → $type ($source)", ({ title, body, type, source }) => {
    const decision = classify({ title, body });
    expect({ type: decision.type, source: decision.typeSource }).toEqual({ type, source });
    expect(decision.labels).toContain(`type: ${type}`);
  });
});

describe("labels of a new ticket", () => {
  it("a complete bug report: client, priority and type only", () => {
    const decision = classify({
      repo: "riverside/portal",
      title: "Contact form broken",
      body: COMPLETE_BUG_TEXT,
    });
    expect(decision.labels).toEqual(["client: riverside", "priority: P3", "type: bug"]);
    expect(decision.needsInfo).toEqual([]);
  });

  it("a bug report that lacks details also gets needs: info and the waiting-on-client pause", () => {
    const decision = classify({
      repo: "riverside/portal",
      title: "Contact form broken",
      body: "Please help",
    });
    expect(decision.labels).toEqual([
      "client: riverside",
      "priority: P3",
      "type: bug",
      "needs: info",
      WAITING,
    ]);
  });

  it("the waiting label is the first configured pause label", () => {
    expect(
      waitingLabel(firstlineConfigSchema.parse({ pauseLabels: ["on hold: client", "on hold: us"] })),
    ).toBe("on hold: client");
    expect(waitingLabel(firstlineConfigSchema.parse({ pauseLabels: [] }))).toBe(WAITING);
  });
});

describe("chargeable suggestions", () => {
  it.each([
    {
      what: "new functionality",
      title: "Events",
      body: "We would like a new feature: an events calendar",
      matches: ["new feature"],
    },
    {
      what: "third-party plugin changes",
      title: "Forms plugin",
      body: "Could you customise the plugin so it sends two emails?",
      matches: ["customise the plugin"],
    },
    {
      what: "several phrases",
      title: "Redesign",
      body: "A redesign, and integrate with Mailchimp",
      matches: ["integrate with", "redesign"],
    },
    { what: "ordinary support", title: "Typo", body: "There is a typo on the about page", matches: [] },
  ])("$what → $matches", ({ title, body, matches }) => {
    const decision = classify({ repo: "acme/website", title, body });
    expect([...decision.chargeableMatches].sort()).toEqual([...matches].sort());
    expect(decision.chargeableSuggested).toBe(matches.length > 0);
    // A suggestion only: triage never labels a ticket chargeable by itself.
    expect(decision.labels).not.toContain("chargeable");
  });
});
