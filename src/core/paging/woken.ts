import { DateTime } from "luxon";
import type { FirstlineConfig } from "../config/firstline-config.js";
import { marker, markerKeysIn, PAGE_KEY, pageKindOfKey, parsePageAckKey, wokenKey } from "../markers.js";
import { clientOfLabel } from "../labels.js";
import { mention } from "../markdown/safe-text.js";
import type { Person } from "../rota/types.js";
import { formatLocal } from "../time/format.js";
import type { TicketSnapshot } from "../ticket/snapshot.js";

/** Someone who acknowledged a page, when, on which issue. */
export interface PageAck {
  readonly login: string;
  readonly at: number;
  readonly repo: string;
  readonly number: number;
  readonly client: string | null;
}

/** A note to a delivery lead that someone was woken and will start late. */
export interface WokenNotice {
  /** The marker key: one notice per person and morning. */
  readonly key: string;
  readonly lead: string;
  readonly login: string;
  readonly title: string;
  readonly body: string;
}

type WokenSettings = FirstlineConfig["alerts"]["woken"];

function at(date: string, time: string, zone: string): number {
  const [hour = 0, minute = 0] = time.split(":").map(Number);
  return DateTime.fromISO(date, { zone }).set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

/** The night before a local morning: from `from` the evening before (or that morning) to `to`. */
export function wokenWindow(params: {
  readonly morning: string;
  readonly woken: WokenSettings;
  readonly zone: string;
}): { readonly start: number; readonly end: number } {
  const { morning, woken, zone } = params;
  const previous = DateTime.fromISO(morning, { zone }).minus({ days: 1 }).toISODate() ?? morning;
  const start = woken.from > woken.to ? at(previous, woken.from, zone) : at(morning, woken.from, zone);
  return { start, end: at(morning, woken.to, zone) };
}

/** When this morning's notices are due (`tellAt` local). */
export function wokenNoticeDue(params: {
  readonly morning: string;
  readonly woken: WokenSettings;
  readonly zone: string;
}): number {
  return at(params.morning, params.woken.tellAt, params.zone);
}

/**
 * Who acknowledged a page on an issue, and when, as the issue records it: Firstline's own note of
 * an acknowledgement at a pager or with `/ack`, or the first comment after a page by someone the
 * page or an escalation step mentioned. Only Firstline's own texts count as pages and notes.
 */
export function pageAcks(params: {
  readonly snapshot: TicketSnapshot;
  readonly botLogin: string;
}): PageAck[] {
  const { snapshot } = params;
  const bot = params.botLogin.toLowerCase();
  const client = snapshot.labels.map(clientOfLabel).find((c) => c !== undefined) ?? null;
  const own = [
    { at: snapshot.createdAt, body: snapshot.author.toLowerCase() === bot ? (snapshot.body ?? "") : "" },
    ...snapshot.comments
      .filter((c) => c.author.toLowerCase() === bot)
      .map((c) => ({ at: c.createdAt, body: c.body })),
  ];
  const pages = own
    .filter((t) => t.body.includes(marker(PAGE_KEY)))
    .map((t) => t.at)
    .sort((a, b) => a - b);
  const acks: PageAck[] = [];
  pages.forEach((pagedAt, index) => {
    const until = pages[index + 1] ?? Infinity;
    const inPage = (t: number) => t >= pagedAt && t < until;
    const called = new Set(
      own
        .filter((t) => inPage(t.at) && markerKeysIn(t.body).some((key) => pageKindOfKey(key) !== null))
        .flatMap((t) =>
          [...t.body.matchAll(/@([A-Za-z0-9][A-Za-z0-9-]{0,38})/g)].map((m) => (m[1] ?? "").toLowerCase()),
        ),
    );
    const found: { login: string; at: number }[] = [];
    for (const t of own) {
      if (!inPage(t.at)) continue;
      for (const key of markerKeysIn(t.body)) {
        const note = parsePageAckKey(key);
        if (note && note.login !== "unknown") found.push({ login: note.login, at: t.at });
      }
    }
    for (const c of snapshot.comments)
      if (inPage(c.createdAt) && c.author.toLowerCase() !== bot && called.has(c.author.toLowerCase()))
        found.push({ login: c.author, at: c.createdAt });
    found.sort((a, b) => a.at - b.at);
    const first = found[0];
    if (first)
      acks.push({ login: first.login, at: first.at, repo: snapshot.repo, number: snapshot.number, client });
  });
  return acks;
}

/**
 * The notices due this morning: each person who acknowledged a page during the night's woken
 * window, once, to their delivery lead, saying who was woken, when, for which client, and that
 * they will start late. Someone not in the rota's people, or without a lead, is left out.
 */
export function planWokenNotices(params: {
  readonly acks: readonly PageAck[];
  readonly morning: string;
  readonly woken: WokenSettings;
  readonly people: readonly Person[];
  readonly clientName: (id: string) => string;
  readonly zone: string;
}): WokenNotice[] {
  const { morning, zone } = params;
  const window = wokenWindow(params);
  const byPerson = new Map<string, PageAck[]>();
  for (const ack of params.acks) {
    if (ack.at < window.start || ack.at >= window.end) continue;
    const key = ack.login.toLowerCase();
    byPerson.set(key, [...(byPerson.get(key) ?? []), ack]);
  }
  const notices: WokenNotice[] = [];
  for (const acks of byPerson.values()) {
    const first = acks[0];
    if (!first) continue;
    const person = params.people.find((p) => p.login.toLowerCase() === first.login.toLowerCase());
    if (!person) continue;
    const lines = [...acks]
      .sort((a, b) => a.at - b.at)
      .map(
        (a) =>
          `- ${formatLocal(a.at, zone)}: ${a.client ? params.clientName(a.client) : "no known client"}, ${a.repo}#${a.number}`,
      );
    const day = DateTime.fromISO(morning, { zone }).setLocale("en-GB").toFormat("ccc d LLL");
    const key = wokenKey({ login: person.login, morning });
    notices.push({
      key,
      lead: person.deliveryLead,
      login: person.login,
      title: `Woken in the night: ${person.name} will start late (${day})`,
      body: [
        marker(key),
        `${mention(person.deliveryLead)}: ${person.name} (${person.login}) was on call and acknowledged ${acks.length === 1 ? "a page" : `${acks.length} pages`} in the night, so they will start late today, as the playbook allows after being woken.`,
        "",
        ...lines,
        "",
        "If they need a rest from on call after a disrupted night, the Head of Technical Operations can arrange cover for tonight in `rota/overrides.yml`.",
      ].join("\n"),
    });
  }
  return notices;
}
