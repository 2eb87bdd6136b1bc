import { describe, expect, it } from "vitest";
import { classifyTicket } from "../../../src/core/triage/classify.js";
import { FORM_FIELDS } from "../../../src/core/triage/form-fields.js";
import { formField, readIssueForm } from "../../../src/core/triage/issue-form.js";
import { missingInfo, type MissingInfo } from "../../../src/core/triage/needs-info.js";
import {
  COMPLETE_BUG_TEXT,
  formBody,
  ticketConfig,
  type FormAnswers,
} from "../../helpers/ticket-fixtures.js";

const STEPS: MissingInfo = "steps to reproduce";
const PAGE: MissingInfo = "the page or URL affected";
const BEHAVIOUR: MissingInfo = "expected and actual behaviour";

function needsInfo(title: string, body: string) {
  return classifyTicket({
    config: ticketConfig,
    issue: { repo: "acme/website", title, body, isPullRequest: false },
  });
}

describe("reading an issue form as GitHub renders it", () => {
  it("reads each `### Label` answer, keyed by label in lower case, and leaves out `_No response_`", () => {
    const fields = readIssueForm(
      formBody({ organisation: "Acme", type: "Something is broken", page: "https://acme.example/contact" }),
    );
    expect([...fields.keys()]).toEqual(["organisation", "type of request", "page or url"]);
    expect(formField(fields, FORM_FIELDS.page)).toBe("https://acme.example/contact");
    expect(formField(fields, FORM_FIELDS.steps)).toBeUndefined();
  });

  it("keeps a multi-line answer whole, and reads Windows line endings", () => {
    const body = formBody({ steps: "1. Open the page\n2. Press send", impact: "A question" }).replace(
      /\n/g,
      "\r\n",
    );
    const fields = readIssueForm(body);
    expect(formField(fields, FORM_FIELDS.steps)).toBe("1. Open the page\n2. Press send");
    expect(formField(fields, FORM_FIELDS.impact)).toBe("A question");
  });

  it.each([null, "", "Just some text\nwith no headings"])(
    "a body without a form (%j) has no answers",
    (body) => {
      expect(readIssueForm(body).size).toBe(0);
    },
  );

  it("formField takes the first label that has an answer", () => {
    const fields = readIssueForm("### Company\n\nAcme\n\n### Organisation\n\n_No response_");
    expect(formField(fields, "Organisation", "Company")).toBe("Acme");
  });
});

describe("needs info: a bug report in free text", () => {
  it.each([
    { what: "everything given", body: COMPLETE_BUG_TEXT, missing: [] },
    {
      what: "no steps",
      body: "The form at https://www.example.org/contact is broken. It should send, but it shows an error.",
      missing: [STEPS],
    },
    {
      what: "steps told as a story",
      body: "When I open /contact and click Send it is broken. It should send, but instead nothing happens.",
      missing: [],
    },
    {
      what: "no page or URL",
      body: "The form is broken.\n1. Fill in the form\n2. Press send\nIt should send, but it shows an error.",
      missing: [PAGE],
    },
    {
      what: "a site path counts as the page",
      body: "The form on /contact-us is broken.\n1. Fill in the form\n2. Press send\nIt should send, but it shows an error.",
      missing: [],
    },
    {
      what: "no expected or actual behaviour",
      body: "The form is broken.\n1. Go to https://www.example.org/contact\n2. Press send",
      missing: [BEHAVIOUR],
    },
    {
      what: "only what was expected",
      body: "The form is broken.\n1. Go to https://www.example.org/contact\n2. Press send\nI expected a thank-you page.",
      missing: [BEHAVIOUR],
    },
    {
      what: "nothing at all",
      body: "The contact form is broken, please fix it.",
      missing: [STEPS, PAGE, BEHAVIOUR],
    },
  ])("$what → $missing", ({ body, missing }) => {
    const decision = needsInfo("Contact form broken", body);
    expect(decision.type).toBe("bug");
    expect(decision.needsInfo).toEqual(missing);
    expect(decision.labels.includes("needs: info")).toBe(missing.length > 0);
  });

  it.each([
    { what: "a change request", title: "Opening hours", body: "Please update the opening hours" },
    { what: "a question", title: "How do I add a user?", body: "" },
  ])("$what is not a bug, so nothing is asked", ({ title, body }) => {
    const decision = needsInfo(title, body);
    expect(decision.type).not.toBe("bug");
    expect(decision.needsInfo).toEqual([]);
    expect(decision.labels).not.toContain("needs: info");
  });

  it("missingInfo counts the reporter's later replies as text too", () => {
    const fields = readIssueForm(null);
    expect(missingInfo({ fields, text: "Contact form broken" })).toEqual([STEPS, PAGE, BEHAVIOUR]);
    expect(missingInfo({ fields, text: `Contact form broken\n${COMPLETE_BUG_TEXT}` })).toEqual([]);
  });
});

const FULL_FORM: FormAnswers = {
  organisation: "Acme Borough Council",
  type: "Something is broken",
  summary: "The contact form does not send",
  page: "https://acme.example/contact",
  steps: "1. Fill in the form\n2. Press Send",
  expected: "A thank-you page",
  actual: "The page reloads and the message is lost",
  impact: "Something is not working as it should, or we need a change",
};

describe("needs info: a bug report through the issue form", () => {
  it.each([
    { what: "every field answered", answers: FULL_FORM, missing: [] },
    {
      what: "no page, but a URL in the summary",
      answers: { ...FULL_FORM, page: undefined, summary: "https://acme.example/contact does not send" },
      missing: [],
    },
    { what: "no page", answers: { ...FULL_FORM, page: undefined }, missing: [PAGE] },
  ])("$what → $missing", ({ answers, missing }) => {
    const decision = needsInfo("[Support] Contact form", formBody(answers));
    expect(decision.typeSource).toBe("form");
    expect(decision.needsInfo).toEqual(missing);
  });

  // Regression (fixed): the free-text checks run over the whole body, and GitHub's rendering of the form always
  // contains the headings "### Steps to reproduce", "### Expected behaviour" and "### Actual
  // behaviour" (even when the answer is `_No response_`). Those headings satisfy the STEPS,
  // EXPECTED and ACTUAL patterns, so a form bug report is never asked for steps or behaviour.
  it.each([
    { what: "no steps", answers: { ...FULL_FORM, steps: undefined }, missing: [STEPS] },
    { what: "no actual behaviour", answers: { ...FULL_FORM, actual: undefined }, missing: [BEHAVIOUR] },
    { what: "no expected behaviour", answers: { ...FULL_FORM, expected: undefined }, missing: [BEHAVIOUR] },
    {
      what: "only the summary",
      answers: {
        type: "Something is broken",
        summary: "The contact form does not send",
        impact: FULL_FORM.impact,
      },
      missing: [STEPS, PAGE, BEHAVIOUR],
    },
  ])("$what → $missing", ({ answers, missing }) => {
    const decision = needsInfo("[Support] Contact form", formBody(answers));
    expect(decision.needsInfo).toEqual(missing);
  });
});
