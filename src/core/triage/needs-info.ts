import { FORM_FIELDS } from "./form-fields.js";
import { formField } from "./issue-form.js";

/** What a bug report needs before anyone can reproduce it. */
export type MissingInfo = "steps to reproduce" | "the page or URL affected" | "expected and actual behaviour";

const URL_OR_PATH = /(https?:\/\/\S+|www\.\S+|(^|\s)\/[a-z0-9][\w\-/.]*)/i;
const STEPS = /(steps to reproduce|\bsteps?\s*:|(^|\s)1[.)]\s+\S[\s\S]*?(^|\s)2[.)]\s+\S|^\s*[-*]\s+\S.*\n\s*[-*]\s+\S|\b(first|then|after that|when i)\b.*\b(click|go to|open|visit|press|submit|log in|select)\b)/im;
const EXPECTED = /\b(expected|expect|should)\b/i;
const ACTUAL = /\b(actual(ly)?|instead|but it|but the|however|shows|gives|returns|error)\b/i;

/**
 * What a bug report still lacks: steps to reproduce, the page or URL, and expected against actual
 * behaviour. Form answers count, and so does free text in the body and the reporter's replies.
 */
export function missingInfo(params: { readonly fields: ReadonlyMap<string, string>; readonly text: string }): MissingInfo[] {
  const { fields } = params;
  // An issue form's own headings ("### Steps to reproduce") and empty answers say nothing.
  const text = params.text.replace(/^#{1,6} .*$/gm, "").replace(/^_?no response_?$/gim, "");
  const missing: MissingInfo[] = [];
  if (!formField(fields, FORM_FIELDS.steps) && !STEPS.test(text)) missing.push("steps to reproduce");
  if (!formField(fields, FORM_FIELDS.page) && !URL_OR_PATH.test(text)) missing.push("the page or URL affected");
  const formHasBoth = formField(fields, FORM_FIELDS.expected) && formField(fields, FORM_FIELDS.actual);
  if (!formHasBoth && !(EXPECTED.test(text) && ACTUAL.test(text))) missing.push("expected and actual behaviour");
  return missing;
}
