/** Control characters, line and paragraph separators: what could break a line or a header. */
// eslint-disable-next-line no-control-regex
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Hostile text as one trimmed line of at most `limit` characters (an ellipsis marks a cut). */
export function flatLine(text: string, limit: number): string {
  const flat = text.replace(BREAKS, " ").replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}
