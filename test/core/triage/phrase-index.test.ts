import { describe, expect, it } from "vitest";
import {
  compileRule,
  findPhrase,
  ruleMatches,
  type PhraseRule,
  type Span,
} from "../../../src/core/triage/phrases.js";
import { sentencesOf, type Sentence } from "../../../src/core/triage/words.js";
import { seededRandom } from "../../../bench/seeded-random.js";

/** ruleMatches as it was written before its first-word index: every phrase looked for in every sentence. */
function everyPhraseEverySentence(rule: PhraseRule, sentences: readonly Sentence[]): string[] {
  const found = new Map<object, string>();
  for (const sentence of sentences) {
    const taken: Span[] = [];
    const hits: { phrase: object; text: string }[] = [];
    for (const phrase of rule.phrases) {
      if (found.has(phrase)) continue;
      const span = findPhrase(phrase, sentence);
      if (!span || taken.some((other) => span.start < other.end && other.start < span.end)) continue;
      taken.push(span);
      const words = sentence.slice(span.start, span.end).map((w) => w.written);
      hits.push({ phrase, text: words.filter((w) => w !== "").join(" ") });
    }
    if (hits.length === 0 || rule.unless.some((phrase) => findPhrase(phrase, sentence) !== null)) continue;
    for (const hit of hits) found.set(hit.phrase, hit.text);
  }
  return [...new Set(rule.phrases.flatMap((phrase) => found.get(phrase) ?? []))];
}

describe("the phrase rules' first-word index", () => {
  const rule = compileRule({
    keywords: [
      "site|website|shop down",
      "website ... down",
      "payment|checkout failing|failed|broken",
      "customise the plugin",
      "can't log in",
      "hacked",
      "loading",
      "new feature",
      "urgent",
    ],
    unless: ["last week", "report about"],
  });
  const vocabulary = [
    "the",
    "our",
    "website",
    "webiste",
    "websites",
    "site",
    "shop",
    "is",
    "down",
    "payment",
    "paymnet",
    "payments",
    "checkout",
    "failing",
    "faild",
    "broken",
    "customize",
    "customise",
    "plugin",
    "plugins",
    "can't",
    "cannot",
    "log",
    "in",
    "hacked",
    "hackde",
    "loading",
    "laoding",
    "new",
    "features",
    "urgent",
    "urgently",
    "last",
    "week",
    "report",
    "about",
    "please",
    "thanks",
    "release",
    "page",
    ".",
    "\n",
  ];

  it("finds what looking for every phrase in every sentence finds, on 2,000 seeded texts", () => {
    const random = seededRandom(22);
    for (let n = 0; n < 2_000; n++) {
      const length = 1 + Math.floor(random() * 25);
      const text = Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(
        " ",
      );
      const sentences = sentencesOf(text);
      expect(ruleMatches(rule, sentences), text).toEqual(everyPhraseEverySentence(rule, sentences));
    }
  });

  it("still forgives a slip in the first word, and only there where slips count", () => {
    expect(ruleMatches(rule, sentencesOf("Our webiste is down"))).toEqual(["webiste is down"]);
    expect(ruleMatches(rule, sentencesOf("It keeps laoding"))).toEqual(["laoding"]);
    expect(ruleMatches(rule, sentencesOf("the site is down, see the report about it"))).toEqual([]);
  });
});
