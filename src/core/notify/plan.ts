import type { NotifyConfig, NotifyEventKind, PersonalChannel } from "../config/notify-schema.js";
import type { Person } from "../rota/types.js";
import type { WorkingCalendar } from "../time/calendar.js";
import type { NotifyEvent } from "./events.js";

/** Who receives one message: a Slack channel (threaded per ticket), a person's Slack DM, an email. */
export type Recipient =
  | { readonly kind: "slack-channel"; readonly channel: string }
  | { readonly kind: "slack-person"; readonly login: string; readonly member: string }
  | { readonly kind: "email"; readonly login: string; readonly address: string };

/** One message to send: `key` is the event and the recipient, what "already sent" remembers. */
export interface PlannedMessage {
  readonly key: string;
  readonly event: NotifyEvent;
  readonly to: Recipient;
  /** Sent now, or held for the digest at the start of working hours (quiet hours). */
  readonly when: "now" | "held";
}

/** How a person is reached, from `rota/people.yml` or `notify.contacts`. */
export interface Reachable {
  readonly login: string;
  readonly slack?: string | undefined;
  readonly email?: string | undefined;
  readonly channels?: readonly PersonalChannel[] | undefined;
  readonly nightEvents?: readonly string[] | undefined;
}

/** Kinds that reach a person at night: a page (or its escalation) wakes someone on purpose. */
const ALWAYS_NOW: ReadonlySet<NotifyEventKind> = new Set(["page", "escalation"]);

/** The address of a recipient, for keys and grouping. */
export function recipientKey(to: Recipient): string {
  switch (to.kind) {
    case "slack-channel":
      return `slack:${to.channel}`;
    case "slack-person":
      return `slack:${to.member}`;
    case "email":
      return `email:${to.address.toLowerCase()}`;
  }
}

/** Whether `at` is inside working hours by the agency's calendar (quiet hours are the rest). */
export function inWorkingHours(calendar: WorkingCalendar, at: number): boolean {
  return calendar.dayOf(at).intervals.some(([open, close]) => at >= open && at < close);
}

/**
 * Decides who is told what: each event goes to the targets `notify.routes` gives it (the support
 * channel, the client's channel, the people it concerns, each by the channels they chose). Out of
 * working hours only pages, escalations and what a person asked for (`nightEvents`) go now; the
 * rest is held for one digest at the start of working hours. One message per event and recipient.
 */
export function planNotifications(params: {
  readonly events: readonly NotifyEvent[];
  readonly notify: Pick<NotifyConfig, "supportChannel" | "clientChannels" | "routes" | "contacts">;
  readonly people: readonly Pick<Person, "login" | "slack" | "email" | "channels" | "nightEvents">[];
  readonly calendar: WorkingCalendar;
  readonly now: number;
  /** Slack (a bot token) and email (an SMTP URL) as configured; a missing one is skipped. */
  readonly can: { readonly slack: boolean; readonly email: boolean };
}): PlannedMessage[] {
  const { notify, can } = params;
  const inHours = inWorkingHours(params.calendar, params.now);
  const directory = reachableDirectory(params);
  const planned = new Map<string, PlannedMessage>();
  for (const event of params.events) {
    const add = (to: Recipient, forPerson: Reachable | null) => {
      const key = `${event.id}>${recipientKey(to)}`;
      if (planned.has(key)) return;
      // At night a channel waits; a person is woken only by a page or what they asked for.
      const wanted =
        forPerson !== null &&
        (ALWAYS_NOW.has(event.kind) || (forPerson.nightEvents ?? []).includes(event.kind));
      planned.set(key, { key, event, to, when: inHours || wanted ? "now" : "held" });
    };
    for (const target of notify.routes[event.kind]) {
      if (target === "support" && notify.supportChannel && can.slack)
        add({ kind: "slack-channel", channel: notify.supportChannel }, null);
      if (target === "client" && can.slack) {
        const channel = event.ticket?.client ? notify.clientChannels[event.ticket.client] : undefined;
        if (channel) add({ kind: "slack-channel", channel }, null);
      }
      if (target === "people") {
        for (const login of event.people) {
          const person = directory.get(login.toLowerCase());
          if (!person) continue;
          for (const to of personalRecipients(person, can)) add(to, person);
        }
      }
    }
  }
  return [...planned.values()];
}

function reachableDirectory(params: {
  readonly notify: Pick<NotifyConfig, "contacts">;
  readonly people: readonly Reachable[];
}): Map<string, Reachable> {
  const directory = new Map<string, Reachable>();
  for (const [login, contact] of Object.entries(params.notify.contacts))
    directory.set(login.toLowerCase(), { login, ...contact });
  // The rota's own entry wins over a contact of the same login.
  for (const person of params.people) directory.set(person.login.toLowerCase(), person);
  return directory;
}

/** The person's chosen ways, or Slack when a member id is known and else email. */
export function personalRecipients(
  person: Reachable,
  can: { readonly slack: boolean; readonly email: boolean },
): Recipient[] {
  const chosen = person.channels ?? (person.slack ? ["slack"] : person.email ? ["email"] : []);
  const out: Recipient[] = [];
  if (chosen.includes("slack") && person.slack && can.slack)
    out.push({ kind: "slack-person", login: person.login, member: person.slack });
  if (chosen.includes("email") && person.email && can.email)
    out.push({ kind: "email", login: person.login, address: person.email });
  return out;
}

/** Held messages grouped by recipient: one digest each, events in the order they happened. */
export function digestsOf(
  held: readonly PlannedMessage[],
): { readonly to: Recipient; readonly events: readonly NotifyEvent[]; readonly keys: readonly string[] }[] {
  const groups = new Map<string, { to: Recipient; events: NotifyEvent[]; keys: string[] }>();
  for (const message of [...held].sort((a, b) => a.event.at - b.event.at)) {
    const id = recipientKey(message.to);
    const group = groups.get(id) ?? { to: message.to, events: [], keys: [] };
    group.events.push(message.event);
    group.keys.push(message.key);
    groups.set(id, group);
  }
  return [...groups.values()];
}
