import { compileRule, ruleMatches, type PhraseRule } from "./phrases.js";
import type { Sentence } from "./words.js";
import type { TicketType } from "./form-fields.js";
import { DEFAULT_MENTION_ONLY } from "../config/triage-defaults.js";

/**
 * A rule compiled the first time it is used, not when this module loads: a run that never reads
 * a ticket's type (most of the Action's commands, and every run before its first request) never
 * pays for it.
 */
function compiledOnFirstUse(params: Parameters<typeof compileRule>[0]): () => PhraseRule {
  let rule: PhraseRule | undefined;
  return () => (rule ??= compileRule(params));
}

/** A title that asks something ("How do I add a user", "Can staff edit the menu?"). */
const QUESTION_TITLE = compiledOnFirstUse({
  keywords: [
    "how do|can|does|should|would i|we|you",
    "is it possible",
    "can we",
    "question",
    "where can|do|is",
    "what is|does|font",
    "who gets|can|is",
    "do you have",
  ],
});

/** A title that names a change ("Update board members", "Replace logo"). */
const CHANGE_TITLE = compiledOnFirstUse({
  keywords: [
    "update|replace|change|add|remove|redirect|redesign|move|swap|resize|edit|modify|customise|integrate",
  ],
});

/** Words that report a fault. */
const FAULT = compiledOnFirstUse({
  unless: DEFAULT_MENTION_ONLY,
  keywords: [
    "error|errors",
    "broken",
    "bug",
    "crash|crashes|crashing",
    "fails|failing|failed",
    "500|502|503|504|404",
    "down|offline|unavailable|unreachable",
    "wrong",
    "missing",
    "slow|sluggish",
    "blank",
    "hacked|compromised|defaced|malware",
    "disappeared|vanished",
    "timing|times out",
    "no longer",
    "not ... working|work|loading|load|showing|show|sending|submitting|playing|play|fitting|saving|save|applying|arriving|appearing|syncing|opening|download|downloading|return|going",
    "stopped ... working|showing|syncing|sending",
    "does nothing",
    "nothing happens",
    "can't ... log|login|access|get|pay|upload|book|take",
    "upside down",
    "gone|replaced|blurry|mistake|duplicate|twice|indexed|stuck|spam",
    "not|never ... saved|indexed|arrive|arrived|completes|complete",
    "typo in",
    "shows twice",
    "still has|have|says|shows|showing",
    "locked out",
    "access denied",
  ],
});

/** Words that ask for a change. */
const CHANGE = compiledOnFirstUse({
  keywords: [
    "please|pls ... change|update|add|remove|replace|correct|delete|upload|create|put",
    "can|could|would you ... change|update|add|remove|replace|correct|delete|upload|create|put|move|swap|set|resize|customise|modify|edit|send",
    "could|can the ... be|have|show",
    "update the",
    "replace the",
    "change the",
    "we'd like",
    "we would like",
    "we want",
    "should be",
    "can be deleted",
  ],
});

/** "I expected X but it shows Y" describes a fault even without a fault word: one pass over the words. */
function expectedButGot(sentences: readonly Sentence[]): boolean {
  let expected = false;
  for (const sentence of sentences) {
    for (const { word } of sentence) {
      if (word === "expected" || word === "should") expected = true;
      else if (expected && (word === "but" || word === "instead" || word === "got")) return true;
    }
  }
  return false;
}

/** The type the words of a ticket suggest, if any: a question in the title, then fault words, then change words. */
export function typeFromWords(params: {
  readonly title: string;
  readonly titleSentences: readonly Sentence[];
  readonly all: readonly Sentence[];
}): TicketType | undefined {
  if (hits(QUESTION_TITLE(), params.titleSentences) || params.title.trim().endsWith("?")) return "question";
  if (hits(CHANGE_TITLE(), params.titleSentences)) return "change";
  if (hits(FAULT(), params.all) || expectedButGot(params.all)) return "bug";
  if (hits(CHANGE(), params.all)) return "change";
  return undefined;
}

function hits(rule: PhraseRule, sentences: readonly Sentence[]): boolean {
  return ruleMatches(rule, sentences).length > 0;
}
