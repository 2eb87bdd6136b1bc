import { FORM_FIELDS } from "./form-fields.js";
import { formField } from "./issue-form.js";

/** What a bug report needs before anyone can reproduce it. */
export type MissingInfo = "steps to reproduce" | "the page or URL affected" | "expected and actual behaviour";

const URL_OR_PATH = /(https?:\/\/\S+|www\.\S+|(^|\s)\/[a-z0-9][\w\-/.]*)/i;
const STEP_WORDS = /steps to reproduce|\bsteps?[ \t]*:/i;
const FIRST_STEP = /(^|\s)1[.)][ \t]+\S/;
const SECOND_STEP = /(^|\s)2[.)][ \t]+\S/;
const BULLET = /^[ \t]*[-*][ \t]+\S/;
const SEQUENCE = /\b(first|then|after that|when i)\b/i;
const ACTION = /\b(click|go to|open|visit|press|submit|log in|select)\b/i;

/** The longest text read for details (GitHub's own limit for an issue body or a comment is 65,536 characters). */
const MAX_TEXT = 4 * 65_536;

/**
 * Whether the text describes steps: "steps to reproduce" or "Steps:", a numbered list with a 1 and
 * then a 2, two bullet lines in a row, or a line that says what was done in order ("then I click").
 * Written as a few linear scans: ticket text is the reporter's, and no pattern here may take more
 * than linear time on any text.
 */
function hasSteps(text: string): boolean {
  if (STEP_WORDS.test(text)) return true;
  const first = FIRST_STEP.exec(text);
  if (first && SECOND_STEP.test(text.slice(first.index + first[0].length))) return true;
  let previousBullet = false;
  for (const line of text.split("\n")) {
    const bullet = BULLET.test(line);
    if (bullet && previousBullet) return true;
    previousBullet = bullet;
    const sequence = SEQUENCE.exec(line);
    if (sequence && ACTION.test(line.slice(sequence.index + sequence[0].length))) return true;
  }
  return false;
}
const EXPECTED = /\b(expected|expect|should)\b/i;
const ACTUAL = /\b(actual(ly)?|instead|but it|but the|however|shows|gives|returns|error)\b/i;

/**
 * What a bug report still lacks: steps to reproduce, the page or URL, and expected against actual
 * behaviour. Form answers count, and so does free text in the body and the reporter's replies.
 */
export function missingInfo(params: {
  readonly fields: ReadonlyMap<string, string>;
  readonly text: string;
}): MissingInfo[] {
  const { fields } = params;
  // An issue form's own headings ("### Steps to reproduce") and empty answers say nothing.
  const text = params.text
    .slice(0, MAX_TEXT)
    .replace(/^#{1,6} .*$/gm, "")
    .replace(/^_?no response_?$/gim, "");
  const missing: MissingInfo[] = [];
  if (!formField(fields, FORM_FIELDS.steps) && !hasSteps(text)) missing.push("steps to reproduce");
  if (!formField(fields, FORM_FIELDS.page) && !URL_OR_PATH.test(text))
    missing.push("the page or URL affected");
  const formHasBoth = formField(fields, FORM_FIELDS.expected) && formField(fields, FORM_FIELDS.actual);
  if (!formHasBoth && !(EXPECTED.test(text) && ACTUAL.test(text)))
    missing.push("expected and actual behaviour");
  return missing;
}
