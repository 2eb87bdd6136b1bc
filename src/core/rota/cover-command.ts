import { DateTime } from "luxon";
import { mention, neutralise } from "../markdown/safe-text.js";
import type { TicketAction } from "../ticket/actions.js";
import { coverKey, marker, markerKeysIn, parseCoverKey } from "../markers.js";
import { onCallDay, withOverrides } from "./overrides.js";
import type { NightOverride, Rota } from "./types.js";
import { HANDOVER_CLOCK, weekOfDate } from "./week.js";

const COVER_LINE =
  /^\/cover\s+@?([A-Za-z0-9][A-Za-z0-9-]{0,38})\s+for\s+@?([A-Za-z0-9][A-Za-z0-9-]{0,38})(\s+second[ -]line)?\s*:?\s*(.*)$/i;

/** The `/cover` lines of a comment: on their own line, outside code blocks and quotes. */
function coverLines(body: string): string[] {
  const lines: string[] = [];
  let inFence = false;
  for (const raw of body.replace(/\r\n/g, "\n").split("\n")) {
    const line = raw.trim();
    if (line.startsWith("```") || line.startsWith("~~~")) inFence = !inFence;
    if (!inFence && !line.startsWith(">") && /^\/cover(\s|$)/i.test(line)) lines.push(line);
  }
  return lines;
}

/** Whether a comment holds a `/cover` command at all. */
export function hasCoverCommand(body: string): boolean {
  return coverLines(body).length > 0;
}

/** The covers recorded by Firstline's own comments on the support repository. */
export function coversFromComments(params: {
  readonly comments: readonly { readonly author: string; readonly body: string }[];
  readonly botLogin: string;
}): NightOverride[] {
  const covers: NightOverride[] = [];
  for (const c of params.comments) {
    if (c.author.toLowerCase() !== params.botLogin.toLowerCase()) continue;
    for (const key of markerKeysIn(c.body)) {
      const cover = parseCoverKey(key);
      if (cover) covers.push({ ...cover, reason: "set with /cover" });
    }
  }
  return covers;
}

/**
 * A rota admin's `/cover @by for @covers [second line]: reason` on the support repository: cover
 * for tonight (the on-call day running now), without a pull request. Only `rota.admins` may; the
 * person covered must hold that slot tonight and the cover must be opted in to it and not away.
 * The answer is one comment, which carries the record (and is the audit trail).
 */
export function planCoverCommand(params: {
  readonly body: string;
  readonly author: string;
  readonly admins: readonly string[];
  readonly rota: Rota;
  readonly now: number;
  readonly zone: string;
}): { readonly action: TicketAction; readonly cover: NightOverride | null } | null {
  const line = coverLines(params.body)[0];
  if (line === undefined) return null;
  const refuse = (why: string) => ({
    action: {
      kind: "create-comment" as const,
      body: `${mention(params.author)}, no cover was set: ${why}.`,
      why: "/cover refused",
    },
    cover: null,
  });
  if (!params.admins.some((a) => a.toLowerCase() === params.author.toLowerCase()))
    return refuse("only a rota admin (`rota.admins`) may set tonight's cover");
  const match = COVER_LINE.exec(line);
  if (!match?.[1] || !match[2])
    return refuse(
      "write `/cover @who for @whom: why` (add `second line` before the colon to cover the second line)",
    );
  const [by, covers] = [match[1], match[2]];
  const slot = match[3] ? "secondLine" : "primary";
  const reason = neutralise((match[4] ?? "").trim()).slice(0, 300) || "not given";
  const date = onCallDay({ at: DateTime.fromMillis(params.now, { zone: params.zone }), zone: params.zone });
  const week = params.rota.onCall[weekOfDate(date)];
  const tonight = withOverrides({
    onCall: { primary: week?.primary ?? null, secondLine: week?.secondLine ?? [] },
    overrides: params.rota.overrides ?? [],
    day: date,
  });
  const holders = slot === "primary" ? (tonight.primary ? [tonight.primary] : []) : tonight.secondLine;
  if (!holders.some((h) => h.toLowerCase() === covers.toLowerCase()))
    return refuse(
      `${covers} is not ${slot === "primary" ? "the on-call primary" : "on the second line"} tonight (${holders.join(", ") || "nobody"} is)`,
    );
  const person = params.rota.people.find((p) => p.login.toLowerCase() === by.toLowerCase());
  if (!person) return refuse(`${by} is not in rota/people.yml`);
  if (slot === "primary" ? !person.onCall : !person.secondLine)
    return refuse(`${person.login} is not opted in to ${slot === "primary" ? "on call" : "the second line"}`);
  if (person.login.toLowerCase() === covers.toLowerCase()) return refuse("nobody can cover for themselves");
  if (person.away.some((r) => r.from <= date && date <= r.to))
    return refuse(`${person.login} is away tonight`);
  const cover: NightOverride = { date, slot, covers, by: person.login, reason };
  const until = DateTime.fromISO(date, { zone: params.zone })
    .plus({ days: 1 })
    .setLocale("en-GB")
    .toFormat("ccc d LLL");
  return {
    action: {
      kind: "create-comment",
      body: `${marker(coverKey(cover))}\n**Cover for tonight**: ${mention(person.login)} covers ${covers} (${slot === "primary" ? "on call" : "second line"}) until ${HANDOVER_CLOCK} on ${until}, set by ${params.author}. Why: ${reason}. Pages go to ${person.login} from now; add it to \`rota/overrides.yml\` to keep it in the rota's history.`,
      why: "/cover",
    },
    cover,
  };
}
