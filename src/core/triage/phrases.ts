import {
  MIN_SLIP_LENGTH,
  sameWord,
  sentencesOf,
  slipPossible,
  toWord,
  withinOneSlip,
  wordsOf,
  type Sentence,
  type Word,
} from "./words.js";

/**
 * Phrases as the triage rules write them, matched against ticket text word by word:
 *
 * - words follow one another: `site down`;
 * - `a|b` is either word: `site|website|shop down`;
 * - `...` stands for up to four other words: `site|website ... down` reads "our website is down";
 * - each word also matches its other forms ("payments", "loading", "hacked"), British or American
 *   spelling, and a slip of the keyboard in a word of five letters or more ("webiste", "laoding").
 *
 * Matching walks the words once per phrase step (a set of positions, never backtracking), so it
 * takes time linear in the length of the text whatever the text holds.
 */

/** How many words `...` may skip. */
export const GAP_WORDS = 4;

type Step = { readonly kind: "word"; readonly alternatives: readonly Word[] } | { readonly kind: "gap" };

/** A phrase ready to match. */
export interface Phrase {
  readonly source: string;
  readonly steps: readonly Step[];
  /** Whether typing slips count ("wroking" for "working"). */
  readonly slips: boolean;
}

/** One part of a phrase (`a|b`) as words: every alternative must spell out to the same number of words. */
function partSteps(part: string): Step[] | string {
  if (part === "...") return [{ kind: "gap" }];
  const alternatives = part.split("|").map(wordsOf);
  if (alternatives.some((words) => words.length === 0)) return `"${part}" has an empty alternative`;
  const length = alternatives[0]?.length ?? 0;
  if (alternatives.some((words) => words.length !== length))
    return `the alternatives of "${part}" must each be one word ("can't" counts as "can not")`;
  return Array.from({ length }, (_, index) => ({
    kind: "word" as const,
    alternatives: alternatives.map((words) => words[index] ?? toWord("")),
  }));
}

/** Why a phrase cannot be used, or null when it can. */
export function phraseProblem(source: string): string | null {
  const parts = source
    .trim()
    .split(/\s+/)
    .filter((part) => part.length > 0);
  if (parts.every((part) => part === "...")) return "has no words";
  if (parts[0] === "..." || parts[parts.length - 1] === "...") return '"..." must stand between two words';
  for (const part of parts) {
    const steps = partSteps(part);
    if (typeof steps === "string") return steps;
  }
  return null;
}

/** Compiles a phrase (see the module's notes). Throws on a phrase `phraseProblem` rejects. */
export function compilePhrase(source: string, options: { readonly slips?: boolean } = {}): Phrase {
  const problem = phraseProblem(source);
  if (problem) throw new Error(`the phrase "${source}" ${problem}`);
  const steps = source
    .trim()
    .split(/\s+/)
    .flatMap((part) => {
      const partial = partSteps(part);
      return typeof partial === "string" ? [] : partial;
    });
  return { source, steps, slips: options.slips ?? true };
}

/**
 * `sameWord`, remembered per rule word: a long text repeats its words, so each distinct word is
 * compared with each rule word once. Bounded, so a text of all-different words cannot grow it.
 */
const COMPARED = new WeakMap<Word, Map<string, boolean>>();
function sameWordRemembered(text: Word, rule: Word, slips: boolean): boolean {
  // Most pairs are settled without the memory: building its key costs more than these checks.
  if (text.word === rule.word || text.stem === rule.stem) return true;
  if (!slips || !slipPossible(text, rule)) return false;
  let known = COMPARED.get(rule);
  if (!known) COMPARED.set(rule, (known = new Map()));
  const key = `${slips ? 1 : 0}${text.word}\u0000${text.stem}`;
  const hit = known.get(key);
  if (hit !== undefined) return hit;
  const same = sameWord(text, rule, slips);
  if (known.size > 4_096) known.clear();
  known.set(key, same);
  return same;
}

/** Where a phrase stands in a sentence: the words from `start` up to (not including) `end`. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The first place the phrase stands in a sentence, or null. */
export function findPhrase(phrase: Phrase, sentence: Sentence): Span | null {
  // A sentence shorter than the phrase's words cannot hold it (most sentences of a long text).
  if (sentence.length < wordSteps(phrase)) return null;
  // Most phrases' first word is nowhere in the sentence: seen without building the tables below.
  const first = phrase.steps[0];
  if (
    first?.kind === "word" &&
    !sentence.some((word) =>
      first.alternatives.some((alternative) => sameWordRemembered(word, alternative, phrase.slips)),
    )
  )
    return null;
  return spanOf(phrase, sentence);
}

/** `findPhrase` once the phrase's first word is known to be in the sentence. */
function spanOf(phrase: Phrase, sentence: Sentence): Span | null {
  // starts[i] is where a match began that can go on at word i (-1: none).
  let starts: number[] = sentence.map((_, index) => index).concat([-1]);
  for (const step of phrase.steps) {
    const next: number[] = new Array<number>(sentence.length + 1).fill(-1);
    let any = false;
    if (step.kind === "gap") {
      let reach = -1;
      let from = -1;
      for (let i = 0; i <= sentence.length; i += 1) {
        const start = starts[i] ?? -1;
        // The latest start reaches furthest and keeps the shown match short.
        if (start >= 0) {
          reach = i + GAP_WORDS;
          from = start;
        }
        if (reach >= i && from >= 0) {
          next[i] = from;
          any = true;
        }
      }
    } else {
      for (let i = 0; i < sentence.length; i += 1) {
        const word = sentence[i];
        const start = starts[i] ?? -1;
        if (
          start >= 0 &&
          word &&
          step.alternatives.some((alternative) => sameWordRemembered(word, alternative, phrase.slips))
        ) {
          next[i + 1] = start;
          any = true;
        }
      }
    }
    if (!any) return null;
    starts = next;
  }
  const end = starts.findIndex((start) => start >= 0);
  return end < 0 ? null : { start: starts[end] ?? 0, end };
}

const WORD_STEPS = new WeakMap<Phrase, number>();

/** How many words a phrase needs at least. */
function wordSteps(phrase: Phrase): number {
  let count = WORD_STEPS.get(phrase);
  if (count === undefined) {
    count = phrase.steps.filter((step) => step.kind === "word").length;
    WORD_STEPS.set(phrase, count);
  }
  return count;
}

/** Whether the phrase stands anywhere in a sentence. */
export function phraseInSentence(phrase: Phrase, sentence: Sentence): boolean {
  return findPhrase(phrase, sentence) !== null;
}

/** A rule's phrases, and the phrases that, in the same sentence, say the text only mentions it. */
export interface PhraseRule {
  readonly phrases: readonly Phrase[];
  readonly unless: readonly Phrase[];
}

/**
 * Compiles a rule's keywords and its `unless` phrases. Slips count in keywords but not in `unless`
 * phrases: two real words are often a slip apart ("working" and "wording"), and a ticket wrongly
 * raised costs less than an outage missed.
 */
export function compileRule(params: {
  readonly keywords: readonly string[];
  readonly unless?: readonly string[];
}): PhraseRule {
  return {
    phrases: params.keywords.map((source) => compilePhrase(source)),
    unless: (params.unless ?? []).map((source) => compilePhrase(source, { slips: false })),
  };
}

/**
 * The words of the text that match the rule's phrases (as written, in lower case: "customise the
 * plugin"), each in a sentence that holds none of the rule's `unless` phrases ("the page about our
 * site down procedure", "last week's outage report"). One entry per phrase, in the rule's order.
 */
export function ruleMatches(rule: PhraseRule, sentences: readonly Sentence[]): string[] {
  const found = new Map<Phrase, string>();
  const starts = firstWords(rule);
  for (const sentence of sentences) {
    // Only the phrases whose first word is in the sentence are looked for (most are not).
    const candidates = starts.phrasesStartingIn(sentence);
    if (candidates.size === 0) continue;
    // Phrases that overlap in the text name the same words once: the first phrase keeps them.
    const taken: Span[] = [];
    const hits = rule.phrases.flatMap((phrase) => {
      if (found.has(phrase) || !candidates.has(phrase)) return [];
      const span = sentence.length < wordSteps(phrase) ? null : spanOf(phrase, sentence);
      if (!span || taken.some((other) => span.start < other.end && other.start < span.end)) return [];
      taken.push(span);
      return [
        {
          phrase,
          text: sentence
            .slice(span.start, span.end)
            .map((word) => word.written)
            .filter((written) => written !== "")
            .join(" "),
        },
      ];
    });
    if (hits.length === 0 || rule.unless.some((phrase) => phraseInSentence(phrase, sentence))) continue;
    for (const hit of hits) found.set(hit.phrase, hit.text);
  }
  return [...new Set(rule.phrases.flatMap((phrase) => found.get(phrase) ?? []))];
}

/** The phrases of a rule by their first word, to tell at once which could start in a sentence. */
interface FirstWords {
  readonly phrasesStartingIn: (sentence: Sentence) => ReadonlySet<Phrase>;
}

const FIRST_WORDS = new WeakMap<PhraseRule, FirstWords>();

/**
 * Indexes a rule's phrases by the spelling and the stem of each alternative of their first word,
 * and (for phrases where slips count) by its length: a sentence's words then find the phrases they
 * may start in a few look-ups, with the same answer as `sameWord` for every pair of words.
 */
function firstWords(rule: PhraseRule): FirstWords {
  const known = FIRST_WORDS.get(rule);
  if (known) return known;
  const exact = new Map<string, Phrase[]>();
  const slipsByLength = new Map<number, { readonly word: string; readonly phrase: Phrase }[]>();
  const always: Phrase[] = [];
  const add = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const phrase of rule.phrases) {
    const first = phrase.steps[0];
    if (first?.kind !== "word") {
      always.push(phrase);
      continue;
    }
    for (const alternative of first.alternatives) {
      add(exact, `w${alternative.word}`, phrase);
      add(exact, `s${alternative.stem}`, phrase);
      if (phrase.slips && alternative.word.length >= MIN_SLIP_LENGTH)
        add(slipsByLength, alternative.word.length, { word: alternative.word, phrase });
    }
  }
  const index: FirstWords = {
    phrasesStartingIn: (sentence) => {
      const found = new Set<Phrase>(always);
      for (const word of sentence) {
        for (const phrase of exact.get(`w${word.word}`) ?? []) found.add(phrase);
        for (const phrase of exact.get(`s${word.stem}`) ?? []) found.add(phrase);
        const length = word.word.length;
        if (length < MIN_SLIP_LENGTH) continue;
        for (const near of [length - 1, length, length + 1])
          for (const entry of slipsByLength.get(near) ?? [])
            if (!found.has(entry.phrase) && withinOneSlip(word.word, entry.word)) found.add(entry.phrase);
      }
      return found;
    },
  };
  FIRST_WORDS.set(rule, index);
  return index;
}

/**
 * How much of a body the phrase rules read: what a ticket is about stands at its start, and a
 * pasted 64 KiB log must not hold up every other delivery.
 */
export const TRIAGE_BODY_CHARS = 12_000;

/** The text of a ticket as sentences: the title is a sentence of its own; the body's first part. */
export function ticketSentences(params: {
  readonly title: string;
  readonly body: string | null;
}): Sentence[] {
  return [...sentencesOf(params.title), ...sentencesOf((params.body ?? "").slice(0, TRIAGE_BODY_CHARS))];
}
