import { describe, expect, it } from "vitest";
import { notifySchema } from "../../../src/core/config/notify-schema.js";
import type { NotifyEvent } from "../../../src/core/notify/events.js";
import { digestsOf, planNotifications, recipientKey } from "../../../src/core/notify/plan.js";
import { standardCalendar } from "../../../src/core/rota/in-hours.js";

const calendar = standardCalendar("Europe/London");
const notify = notifySchema.parse({
  supportChannel: "C0SUPPORT",
  clientChannels: { acme: "C0ACME" },
  contacts: {
    "dana-whitfield": { slack: "U0DANA", email: "dana@example.org", channels: ["slack", "email"] },
    "lee-harrington": { email: "lee@example.org" },
  },
});
const people = [
  {
    login: "alice-okafor",
    slack: "U0ALICE",
    email: "alice@example.org",
    channels: ["slack", "email"] as const,
    nightEvents: [],
  },
  { login: "jo-pereira", email: "jo@example.org", nightEvents: ["breached"] },
  { login: "sam-oduya" },
];
const ticket = {
  repo: "acme/website",
  number: 7,
  title: "Down",
  client: "acme",
  priority: "P1",
  url: "https://github.com/acme/website/issues/7",
};
const event = (kind: NotifyEvent["kind"], extra: Partial<NotifyEvent> = {}): NotifyEvent => ({
  id: `e:${kind}`,
  kind,
  at: 0,
  headline: kind,
  details: [],
  ticket,
  people: [],
  ...extra,
});
const plan = (events: NotifyEvent[], at: string, can = { slack: true, email: true }) =>
  planNotifications({ events, notify, people, calendar, now: Date.parse(at), can }).map(
    (m) => `${m.event.kind} ${recipientKey(m.to)} ${m.when}`,
  );

// Wednesday 2 December 2026: 11:00 is inside 10:00-18:00 London; 03:00 is not. Saturday is closed all day.
const WED_11 = "2026-12-02T11:00:00Z";
const WED_03 = "2026-12-02T03:00:00Z";
const SAT_14 = "2026-12-05T14:00:00Z";
const BANK_HOLIDAY_11 = "2026-12-25T11:00:00Z";

describe("planNotifications: who is told what, and when", () => {
  it.each([
    ["new P1 in hours", [event("new-p1")], WED_11, ["new-p1 slack:C0SUPPORT now", "new-p1 slack:C0ACME now"]],
    [
      "new P1 at 03:00 waits for the digest",
      [event("new-p1")],
      WED_03,
      ["new-p1 slack:C0SUPPORT held", "new-p1 slack:C0ACME held"],
    ],
    [
      "a page at 03:00 goes now, by every channel the person chose",
      [event("page", { people: ["alice-okafor"] })],
      WED_03,
      ["page slack:U0ALICE now", "page email:alice@example.org now"],
    ],
    [
      "an escalation on a Saturday goes now, to the channel and the people",
      [event("escalation", { people: ["dana-whitfield"] })],
      SAT_14,
      [
        "escalation slack:C0SUPPORT held",
        "escalation slack:U0DANA now",
        "escalation email:dana@example.org now",
      ],
    ],
    [
      "a person who asked for breaches at night gets them; the channel waits",
      [event("breached", { people: ["jo-pereira"] })],
      WED_03,
      ["breached slack:C0SUPPORT held", "breached slack:C0ACME held"],
    ],
    [
      "at risk on a bank holiday waits",
      [event("at-risk")],
      BANK_HOLIDAY_11,
      ["at-risk slack:C0SUPPORT held"],
    ],
    [
      "a rota change emails those without Slack, DMs those with it",
      [event("rota-change", { people: ["jo-pereira", "lee-harrington", "dana-whitfield"] })],
      WED_11,
      [
        "rota-change email:jo@example.org now",
        "rota-change email:lee@example.org now",
        "rota-change slack:U0DANA now",
        "rota-change email:dana@example.org now",
      ],
    ],
    [
      "someone with no address is skipped",
      [event("page", { people: ["sam-oduya", "nobody-known"] })],
      WED_11,
      [],
    ],
    [
      "the same event twice is planned once",
      [event("new-p1"), event("new-p1")],
      WED_11,
      ["new-p1 slack:C0SUPPORT now", "new-p1 slack:C0ACME now"],
    ],
  ])("%s", (_name, events, at, expected) => {
    expect(plan(events, at)).toEqual(expected);
  });

  it("without a Slack token only email is planned; without SMTP only Slack", () => {
    expect(
      plan([event("page", { people: ["alice-okafor"] })], WED_11, { slack: false, email: true }),
    ).toEqual(["page email:alice@example.org now"]);
    expect(
      plan([event("page", { people: ["alice-okafor"] })], WED_11, { slack: true, email: false }),
    ).toEqual(["page slack:U0ALICE now"]);
  });

  it("a breach routed to people in the night reaches the person who asked for it", () => {
    const routed = notifySchema.parse({ ...notify, routes: { breached: ["people"] } });
    const planned = planNotifications({
      events: [event("breached", { people: ["jo-pereira", "alice-okafor"] })],
      notify: routed,
      people,
      calendar,
      now: Date.parse(WED_03),
      can: { slack: true, email: true },
    });
    expect(planned.map((m) => `${recipientKey(m.to)} ${m.when}`)).toEqual([
      "email:jo@example.org now",
      "slack:U0ALICE held",
      "email:alice@example.org held",
    ]);
  });

  it("held messages become one digest per recipient, oldest first", () => {
    const held = planNotifications({
      events: [event("at-risk", { id: "b", at: 2 }), event("new-p1", { id: "a", at: 1 })],
      notify,
      people,
      calendar,
      now: Date.parse(WED_03),
      can: { slack: true, email: true },
    });
    const digests = digestsOf(held);
    expect(digests.map((d) => [recipientKey(d.to), d.events.map((e) => e.id)])).toEqual([
      ["slack:C0SUPPORT", ["a", "b"]],
      ["slack:C0ACME", ["a"]],
    ]);
  });
});
