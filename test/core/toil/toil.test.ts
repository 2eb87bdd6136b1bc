import { describe, expect, it } from "vitest";
import { firstlineConfigSchema } from "../../../src/core/config/firstline-config.js";
import { agencyCalendar } from "../../../src/core/toil/calendar.js";
import { computeToil, groupQuarters, type ToilAlert } from "../../../src/core/toil/toil.js";
import { asLocal, local } from "../../helpers/calendars.js";

// The agency's calendar from a default configuration: 10:00-18:00 Monday to Friday, Europe/London,
// England & Wales bank holidays. Sat 5 Dec 2026 is a weekend; Fri 25 Dec 2026 is Christmas Day.
const calendar = agencyCalendar(firstlineConfigSchema.parse({}));

type Row = readonly [id: string, login: string, at: string, woke: boolean, workedMinutes: number];
const alertsOf = (rows: readonly Row[]): ToilAlert[] =>
  rows.map(([id, login, at, woke, workedMinutes]) => ({ id, login, at: local(at), woke, workedMinutes }));

/** Each person's groups as `[local start, ids, base, extra]`, and their total days. */
function summary(rows: readonly Row[]) {
  return computeToil({ alerts: alertsOf(rows), calendar }).people.map((p) => ({
    login: p.login,
    days: p.days,
    groups: p.groups.map((g) => [asLocal(g.start), g.alerts.join(" "), g.base, g.extra]),
  }));
}

describe("computeToil: the playbook's rules as a table", () => {
  it.each<{ what: string; alerts: Row[]; expected: ReturnType<typeof summary> }>([
    {
      what: "one alert while awake earns 0.25",
      alerts: [["a1", "bob", "2026-12-05 21:00", false, 20]],
      expected: [{ login: "bob", days: 0.25, groups: [["2026-12-05 21:00", "a1", 0.25, 0]] }],
    },
    {
      what: "one alert that woke the person earns 0.5",
      alerts: [["a1", "bob", "2026-12-05 03:10", true, 30]],
      expected: [{ login: "bob", days: 0.5, groups: [["2026-12-05 03:10", "a1", 0.5, 0]] }],
    },
    {
      what: "three alerts within the hour are one group",
      alerts: [
        ["a1", "bob", "2026-12-05 02:00", false, 10],
        ["a2", "bob", "2026-12-05 02:10", false, 10],
        ["a3", "bob", "2026-12-05 02:59", false, 10],
      ],
      expected: [{ login: "bob", days: 0.25, groups: [["2026-12-05 02:00", "a1 a2 a3", 0.25, 0]] }],
    },
    {
      what: "any alert in the group that woke the person makes it 0.5",
      alerts: [
        ["a1", "bob", "2026-12-05 02:00", false, 5],
        ["a2", "bob", "2026-12-05 02:30", true, 5],
      ],
      expected: [{ login: "bob", days: 0.5, groups: [["2026-12-05 02:00", "a1 a2", 0.5, 0]] }],
    },
    {
      what: "an alert 61 minutes after the first starts a new group",
      alerts: [
        ["a1", "bob", "2026-12-05 02:00", false, 10],
        ["a2", "bob", "2026-12-05 03:01", false, 10],
      ],
      expected: [
        {
          login: "bob",
          days: 0.5,
          groups: [
            ["2026-12-05 02:00", "a1", 0.25, 0],
            ["2026-12-05 03:01", "a2", 0.25, 0],
          ],
        },
      ],
    },
    {
      what: "an alert exactly 60 minutes after the first starts a new group (only less than 60 joins)",
      alerts: [
        ["a1", "bob", "2026-12-05 02:00", false, 10],
        ["a2", "bob", "2026-12-05 03:00", false, 10],
      ],
      expected: [
        {
          login: "bob",
          days: 0.5,
          groups: [
            ["2026-12-05 02:00", "a1", 0.25, 0],
            ["2026-12-05 03:00", "a2", 0.25, 0],
          ],
        },
      ],
    },
    {
      what: "the hour counts from the group's first alert, not from the last one",
      alerts: [
        ["a1", "bob", "2026-12-05 02:00", false, 0],
        ["a2", "bob", "2026-12-05 02:50", false, 0],
        ["a3", "bob", "2026-12-05 03:20", false, 0],
        ["a4", "bob", "2026-12-05 04:10", false, 0],
      ],
      expected: [
        {
          login: "bob",
          days: 0.5,
          groups: [
            ["2026-12-05 02:00", "a1 a2", 0.25, 0],
            ["2026-12-05 03:20", "a3 a4", 0.25, 0],
          ],
        },
      ],
    },
    {
      what: "exactly an hour of work earns nothing extra",
      alerts: [["a1", "bob", "2026-12-05 22:00", false, 60]],
      expected: [{ login: "bob", days: 0.25, groups: [["2026-12-05 22:00", "a1", 0.25, 0]] }],
    },
    {
      what: "61 minutes of work earns one extra quarter",
      alerts: [["a1", "bob", "2026-12-05 22:00", false, 61]],
      expected: [{ login: "bob", days: 0.5, groups: [["2026-12-05 22:00", "a1", 0.25, 0.25]] }],
    },
    {
      what: "two hours of work: 0.25 + 0.25",
      alerts: [["a1", "bob", "2026-12-05 22:00", false, 120]],
      expected: [{ login: "bob", days: 0.5, groups: [["2026-12-05 22:00", "a1", 0.25, 0.25]] }],
    },
    {
      what: "two hours and a minute of work: two extra quarters",
      alerts: [["a1", "bob", "2026-12-05 03:00", true, 121]],
      expected: [{ login: "bob", days: 1, groups: [["2026-12-05 03:00", "a1", 0.5, 0.5]] }],
    },
    {
      what: "worked minutes are summed over the group before the extra is counted",
      alerts: [
        ["a1", "bob", "2026-12-05 02:00", false, 40],
        ["a2", "bob", "2026-12-05 02:20", false, 40],
      ],
      expected: [{ login: "bob", days: 0.5, groups: [["2026-12-05 02:00", "a1 a2", 0.25, 0.25]] }],
    },
    {
      what: "alerts inside working hours earn no TOIL",
      alerts: [
        ["a1", "bob", "2026-12-07 10:00", true, 90],
        ["a2", "bob", "2026-12-07 17:59", false, 30],
      ],
      expected: [],
    },
    {
      what: "working hours are half-open: 18:00 on a weekday is out of hours, 09:59 too",
      alerts: [
        ["a1", "bob", "2026-12-07 18:00", false, 0],
        ["a2", "bob", "2026-12-08 09:59", false, 0],
      ],
      expected: [
        {
          login: "bob",
          days: 0.5,
          groups: [
            ["2026-12-07 18:00", "a1", 0.25, 0],
            ["2026-12-08 09:59", "a2", 0.25, 0],
          ],
        },
      ],
    },
    {
      what: "a bank holiday daytime alert counts (Christmas Day, a Friday)",
      alerts: [["a1", "bob", "2026-12-25 14:00", false, 20]],
      expected: [{ login: "bob", days: 0.25, groups: [["2026-12-25 14:00", "a1", 0.25, 0]] }],
    },
    {
      what: "a substitute bank holiday counts too (Mon 28 Dec 2026 for Boxing Day)",
      alerts: [["a1", "bob", "2026-12-28 11:00", false, 20]],
      expected: [{ login: "bob", days: 0.25, groups: [["2026-12-28 11:00", "a1", 0.25, 0]] }],
    },
    {
      what: "an in-hours alert between two out-of-hours ones neither starts nor joins a group",
      alerts: [
        ["a1", "bob", "2026-12-07 09:30", false, 0],
        ["a2", "bob", "2026-12-07 10:15", false, 0],
        ["a3", "bob", "2026-12-07 18:05", false, 0],
      ],
      expected: [
        {
          login: "bob",
          days: 0.5,
          groups: [
            ["2026-12-07 09:30", "a1", 0.25, 0],
            ["2026-12-07 18:05", "a3", 0.25, 0],
          ],
        },
      ],
    },
    {
      what: "several people are counted apart, in login order",
      alerts: [
        ["a1", "pete", "2026-12-05 02:00", true, 90],
        ["a1", "grace", "2026-12-05 02:05", false, 30],
        ["a2", "pete", "2026-12-05 02:30", false, 30],
        ["a3", "grace", "2026-12-05 04:00", true, 0],
      ],
      expected: [
        {
          login: "grace",
          days: 0.75,
          groups: [
            ["2026-12-05 02:05", "a1", 0.25, 0],
            ["2026-12-05 04:00", "a3", 0.5, 0],
          ],
        },
        { login: "pete", days: 0.75, groups: [["2026-12-05 02:00", "a1 a2", 0.5, 0.25]] },
      ],
    },
  ])("$what", ({ alerts, expected }) => {
    expect(summary(alerts)).toEqual(expected);
  });
});

describe("computeToil: properties", () => {
  const night: Row[] = [
    ["a1", "bob", "2026-12-05 01:00", false, 15],
    ["a2", "bob", "2026-12-05 01:40", true, 50],
    ["a3", "bob", "2026-12-05 02:05", false, 70],
    ["a4", "alice", "2026-12-05 02:10", false, 200],
    ["a5", "bob", "2026-12-05 02:39", false, 5],
    ["a6", "bob", "2026-12-07 12:00", true, 300],
  ];

  it("the order of the alert log does not matter", () => {
    const expected = computeToil({ alerts: alertsOf(night), calendar });
    for (const order of [
      [...night].reverse(),
      [night[3], night[0], night[5], night[2], night[4], night[1]],
    ]) {
      expect(computeToil({ alerts: alertsOf(order as Row[]), calendar })).toEqual(expected);
    }
    expect(expected.inHours.map((a) => a.id)).toEqual(["a6"]);
  });

  it("totals are exact sums of quarters", () => {
    const report = computeToil({ alerts: alertsOf(night), calendar });
    for (const person of report.people) {
      expect(person.days * 4).toBe(Math.round(person.days * 4));
      expect(person.days).toBe(person.groups.reduce((sum, g) => sum + g.base + g.extra, 0));
    }
    expect(report.people.map((p) => [p.login, p.days])).toEqual([
      ["alice", 0.25 + 0.75],
      ["bob", 0.5 + 0.25 + (0.25 + 0.25)], // 01:00+01:40 woke, 65 min; 02:05+02:39 awake, 75 min
    ]);
  });

  it("groups by real time across the clock change: 01:50 BST and 01:10 GMT are 20 minutes apart", () => {
    const alerts: ToilAlert[] = [
      { id: "a1", login: "bob", at: Date.parse("2026-10-25T00:50:00Z"), woke: true, workedMinutes: 10 },
      { id: "a2", login: "bob", at: Date.parse("2026-10-25T01:10:00Z"), woke: false, workedMinutes: 10 },
      { id: "a3", login: "bob", at: Date.parse("2026-10-25T01:50:00Z"), woke: false, workedMinutes: 10 },
    ];
    expect(computeToil({ alerts, calendar }).people[0]?.groups.map((g) => g.alerts)).toEqual([
      ["a1", "a2"],
      ["a3"],
    ]);
  });

  it("working hours are local: 09:30 UTC in July is 10:30 BST and in hours, 17:30 UTC is 18:30 BST and out", () => {
    const alerts: ToilAlert[] = [
      { id: "in", login: "bob", at: Date.parse("2026-07-06T09:30:00Z"), woke: false, workedMinutes: 0 },
      { id: "out", login: "bob", at: Date.parse("2026-07-06T17:30:00Z"), woke: false, workedMinutes: 0 },
    ];
    const report = computeToil({ alerts, calendar });
    expect(report.inHours.map((a) => a.id)).toEqual(["in"]);
    expect(report.people.map((p) => p.groups.map((g) => g.alerts))).toEqual([[["out"]]]);
  });

  it.each([
    [false, 0, 1, 0],
    [true, 60, 2, 0],
    [false, 61, 1, 1],
    [false, 120, 1, 1],
    [false, 121, 1, 2],
    [true, 600, 2, 9],
  ])(
    "groupQuarters(woke %s, %i minutes) = %i base + %i extra quarters",
    (woke, workedMinutes, base, extra) => {
      expect(groupQuarters({ woke, workedMinutes })).toEqual({ base, extra });
    },
  );
});
