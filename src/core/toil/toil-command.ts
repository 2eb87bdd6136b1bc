import { neutralise } from "../markdown/safe-text.js";

/** What a `/toil` comment claims for one alert. */
export interface ToilClaim {
  readonly woke: boolean;
  readonly workedMinutes: number;
}

/** A parsed `/toil` command, or why it could not be read (to answer the person with). */
export type ToilCommand =
  { readonly ok: true; readonly value: ToilClaim } | { readonly ok: false; readonly reason: string };

/** Nobody works a single alert for more than a day: a bigger number is a typing slip. */
const MAX_WORKED_MINUTES = 24 * 60;

const USAGE = "write /toil woke 90m or /toil awake 30m (time worked as 45m, 2h or 1h30m)";

/**
 * Reads the `/toil` command in a comment: `/toil woke 90m`, `/toil awake 30m`, `/toil woke 1h30m`
 * (also `2h`, `1h 30m`). Null when the comment holds no `/toil` line; when it holds several, the
 * last one counts, so a person can correct themselves in the same comment.
 */
export function parseToilCommand(body: string): ToilCommand | null {
  const lines = body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => /^\/toil(\s|$)/i.test(line));
  const line = lines[lines.length - 1];
  if (line === undefined) return null;
  const words = line.replace(/^\/toil/i, "").trim();
  const match = /^(woke|awake)\s+(.+)$/i.exec(words);
  if (!match) return { ok: false, reason: `"${clip(line)}" is not a TOIL claim: ${USAGE}` };
  const woke = (match[1] ?? "").toLowerCase() === "woke";
  const minutes = parseWorkedTime(match[2] ?? "");
  if (minutes === null)
    return { ok: false, reason: `"${clip(match[2] ?? "")}" is not a time worked: ${USAGE}` };
  if (minutes > MAX_WORKED_MINUTES)
    return { ok: false, reason: `${minutes} minutes is more than a day: ${USAGE}` };
  return { ok: true, value: { woke, workedMinutes: minutes } };
}

/** `90m`, `2h`, `1h30m`, `1h 30m` in minutes; null when the text is none of these. */
export function parseWorkedTime(text: string): number | null {
  const match = /^(?:(\d{1,4})\s*h)?\s*(?:(\d{1,5})\s*m)?$/i.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
}

/** Short, and safe to quote back in a comment: no mention fires, no marker is forged. */
function clip(text: string): string {
  return neutralise(text.length > 40 ? `${text.slice(0, 39)}…` : text);
}
