// What the Action's bundle gives Octokit for `json-with-bigint` (scripts/action-bundle-options.mjs).
// Octokit parses every answer with that library so integers past 2^53 keep their digits; on Node 20
// it does so by rewriting the whole text with regular expressions and reviving every value, about
// a tenth of a quiet sweep's own time. An answer with no run of 16 digits holds no such integer,
// and the engine's own JSON.parse reads it to the same value; any other answer goes to the library.
import { JSONParse as parseKeepingBigIntegers, JSONStringify } from "json-with-bigint";

const SIXTEEN_DIGITS = /\d{16}/;

/** JSON.parse where no integer can be too big for a number, else the library's parse. */
export function JSONParse(text, reviver) {
  if (reviver === undefined && typeof text === "string" && !SIXTEEN_DIGITS.test(text))
    return JSON.parse(text);
  return parseKeepingBigIntegers(text, reviver);
}

export { JSONStringify };
