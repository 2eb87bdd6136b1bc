import { stemmer } from "stemmer";

/**
 * Ticket text as words, the way the phrase rules read it: lower case, apostrophes dropped,
 * contractions spelt out ("can't" → "can not", "isn't" → "is not"), British and American
 * spellings made one ("customise" and "customize" read the same), split into sentences so a rule
 * can look at the sentence a phrase stands in. Everything here runs in time linear in the text.
 */

/** GitHub caps an issue body at 65,536 characters; nothing past that is read. */
export const MAX_TEXT = 70_000;

/** One word of ticket text: as written (normalised) and its stem, for matching plurals and tenses. */
export interface Word {
  readonly word: string;
  readonly stem: string;
  /** The word as the ticket spells it, in lower case (for showing what matched). */
  readonly written: string;
}

/** A sentence as words. */
export type Sentence = readonly Word[];

// A Map, not an object: ticket words such as "constructor" must never reach Object.prototype.
const CONTRACTIONS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    cant: ["can", "not"],
    cannot: ["can", "not"],
    couldnt: ["could", "not"],
    wont: ["will", "not"],
    isnt: ["is", "not"],
    arent: ["are", "not"],
    wasnt: ["was", "not"],
    werent: ["were", "not"],
    doesnt: ["does", "not"],
    dont: ["do", "not"],
    didnt: ["did", "not"],
    havent: ["have", "not"],
    hasnt: ["has", "not"],
    aint: ["is", "not"],
    unable: ["can", "not"],
    wouldnt: ["would", "not"],
    shouldnt: ["should", "not"],
  }),
);

/** "customise", "organisation", "colour" → the American spelling, so both read the same. */
function americanSpelling(word: string): string {
  if (word.length >= 6) {
    const british = /(is)(e|ed|es|er|ers|ing|ation|ations)$/.exec(word);
    if (british) return `${word.slice(0, british.index)}iz${british[2] ?? ""}`;
  }
  if (word.length >= 5 && word.endsWith("our") && !word.endsWith("hour")) return `${word.slice(0, -3)}or`;
  return word;
}

/** No English word a rule needs is longer; longer strings are compared as they are. */
const MAX_WORD = 30;

/**
 * Words already spelt and stemmed: texts repeat their words, and a sweep reads the same few
 * thousand words in every ticket. Bounded, so a text of all-different words cannot grow it.
 */
const KNOWN_WORDS = new Map<string, Word>();
const MAX_KNOWN_WORDS = 20_000;

/** A word as rules compare it: its normal spelling and its stem. */
export function toWord(raw: string): Word {
  if (raw.length > MAX_WORD) return { word: raw, stem: raw, written: raw };
  let known = KNOWN_WORDS.get(raw);
  if (!known) {
    const word = americanSpelling(raw);
    known = { word, stem: stemmer(word), written: raw };
    if (KNOWN_WORDS.size >= MAX_KNOWN_WORDS) KNOWN_WORDS.clear();
    KNOWN_WORDS.set(raw, known);
  }
  return known;
}

// Letters and digits, with an apostrophe inside a word ("we've"); one pass, no backtracking.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const SENTENCE_END = /[.!?;\n\r]+/u;

/** The words of one piece of text, contractions spelt out. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let afterUnable = false;
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const raw = match[0].replace(/['’]/g, "");
    // "unable to accept" reads as "can not accept".
    if (afterUnable && raw === "to") {
      afterUnable = false;
      continue;
    }
    afterUnable = raw === "unable";
    const parts = CONTRACTIONS.get(raw) ?? [raw];
    // A contraction shows as written ("can't"), once, however many words it reads as.
    parts.forEach((part, index) => words.push({ ...toWord(part), written: index === 0 ? match[0] : "" }));
  }
  return words;
}

/** The text as sentences of words: each line and each sentence on its own. */
export function sentencesOf(text: string): Sentence[] {
  return text
    .slice(0, MAX_TEXT)
    .split(SENTENCE_END)
    .map(wordsOf)
    .filter((sentence) => sentence.length > 0);
}

/**
 * Whether two words are at most one typing slip apart (a letter missed, added, changed, or two
 * neighbours swapped: "webiste", "laoding"). Linear in the words' length.
 */
export function withinOneSlip(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // two swapped
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

/** Typing slips are only forgiven in longer words: "site" and "sit" are different words. */
export const MIN_SLIP_LENGTH = 5;

/**
 * Whether a word of the text is the rule's word: same word, same stem, or (when `slips` is on) a
 * slip of a long word.
 */
export function sameWord(text: Word, rule: Word, slips = true): boolean {
  if (text.word === rule.word || text.stem === rule.stem) return true;
  return slips && slipPossible(text, rule) && withinOneSlip(text.word, rule.word);
}

/**
 * Whether two words that differ could still be a slip apart: both long enough, lengths at most one
 * apart. Cheap, so most pairs are told apart without comparing letters.
 */
export function slipPossible(text: Word, rule: Word): boolean {
  return (
    text.word.length >= MIN_SLIP_LENGTH &&
    rule.word.length >= MIN_SLIP_LENGTH &&
    Math.abs(text.word.length - rule.word.length) <= 1
  );
}
