import { createHash } from "node:crypto";
import { DateTime } from "luxon";

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Part = Html | string | number | readonly Html[] | null | undefined | false;

/** Builds HTML from a template, escaping strings and numbers, joining arrays, dropping null and false. */
export function html(strings: TemplateStringsArray, ...parts: readonly Part[]): Html {
  let out = strings[0] ?? "";
  parts.forEach((part, index) => {
    out += render(part) + (strings[index + 1] ?? "");
  });
  return new Html(out);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map((item: Html) => item.text).join("");
  return escapeHtml(String(part));
}

/** Trusted markup, such as the safe renderer's output. */
export function raw(text: string): Html {
  return new Html(text);
}

/** JSON to embed in a `<script type="application/json">` block: nothing in it can close the tag. */
export function embeddedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** The Content-Security-Policy source for an inline block: `'sha256-...'`. */
export function cspHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** A local date as people read it: `Wed 25 Nov 2026`. */
export function formatDate(date: string): string {
  return DateTime.fromISO(date, { zone: "utc", locale: "en-GB" }).toFormat("ccc d LLL yyyy");
}
