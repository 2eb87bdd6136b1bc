import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { isInHours } from "../../../src/core/rota/in-hours.js";
import { weekAt, weekEnd, weekStart } from "../../../src/core/rota/week.js";
import { whoIsOn } from "../../../src/core/rota/who.js";
import { fixtureTexts, rotaOf } from "./rota-texts.js";

const ZONE = "Europe/London";
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe("weekAt: weeks run Wednesday 10:00 to Wednesday 10:00 local", () => {
  it.each([
    // Winter (GMT): handover at 10:00Z.
    { instant: "2026-12-02T09:59:59Z", week: "2026-11-25" },
    { instant: "2026-12-02T10:00:00Z", week: "2026-12-02" },
    { instant: "2026-12-08T23:59:00Z", week: "2026-12-02" },
    { instant: "2026-12-06T12:00:00-08:00", week: "2026-12-02" },
    // Summer (BST): handover at 09:00Z.
    { instant: "2026-10-21T08:59:59Z", week: "2026-10-14" },
    { instant: "2026-10-21T09:00:00Z", week: "2026-10-21" },
    { instant: "2026-10-21T10:00:00+01:00", week: "2026-10-21" },
    // Clocks go back Sunday 25 Oct 2026: the week of 21 Oct ends at 10:00 GMT, 10:00Z.
    { instant: "2026-10-28T09:30:00Z", week: "2026-10-21" },
    { instant: "2026-10-28T09:59:59Z", week: "2026-10-21" },
    { instant: "2026-10-28T10:00:00Z", week: "2026-10-28" },
    // Clocks go forward Sunday 28 Mar 2027: the week of 24 Mar ends at 10:00 BST, 09:00Z.
    { instant: "2027-03-24T09:59:59Z", week: "2027-03-17" },
    { instant: "2027-03-24T10:00:00Z", week: "2027-03-24" },
    { instant: "2027-03-31T08:59:59Z", week: "2027-03-24" },
    { instant: "2027-03-31T09:00:00Z", week: "2027-03-31" },
  ])("$instant is in the week of $week", ({ instant, week }) => {
    expect(weekAt({ at: at(instant), zone: ZONE })).toBe(week);
  });

  it("gives each week's handover instants in UTC across both changes", () => {
    const utc = (week: string) => [
      weekStart({ week, zone: ZONE }).toUTC().toISO(),
      weekEnd({ week, zone: ZONE }).toUTC().toISO(),
    ];
    expect(utc("2026-10-21")).toEqual(["2026-10-21T09:00:00.000Z", "2026-10-28T10:00:00.000Z"]);
    expect(utc("2027-03-24")).toEqual(["2027-03-24T10:00:00.000Z", "2027-03-31T09:00:00.000Z"]);
  });

  it("follows another zone when asked", () => {
    expect(weekAt({ at: at("2026-12-02T14:59:00Z"), zone: "America/New_York" })).toBe("2026-11-25");
    expect(weekAt({ at: at("2026-12-02T15:00:00Z"), zone: "America/New_York" })).toBe("2026-12-02");
  });
});

describe("isInHours: 10:00-18:00 Monday to Friday local, not on England & Wales bank holidays", () => {
  it.each([
    { instant: "2026-12-02T10:00:00Z", inHours: true }, // Wednesday 10:00 GMT
    { instant: "2026-12-02T09:59:59Z", inHours: false },
    { instant: "2026-12-02T17:59:59Z", inHours: true },
    { instant: "2026-12-02T18:00:00Z", inHours: false },
    { instant: "2026-12-05T12:00:00Z", inHours: false }, // Saturday
    { instant: "2026-12-25T12:00:00Z", inHours: false }, // Christmas Day, Friday
    { instant: "2026-12-28T12:00:00Z", inHours: false }, // Boxing Day substitute, Monday
    { instant: "2026-12-29T12:00:00Z", inHours: true },
    { instant: "2027-03-29T12:00:00Z", inHours: false }, // Easter Monday
    { instant: "2027-03-30T09:30:00Z", inHours: true }, // 10:30 BST
    { instant: "2027-03-30T16:59:00Z", inHours: true }, // 17:59 BST
    { instant: "2027-03-30T17:30:00Z", inHours: false }, // 18:30 BST
    { instant: "2026-10-26T17:30:00Z", inHours: true }, // 17:30 GMT, the day after the clocks go back
  ])("$instant in hours: $inHours", ({ instant, inHours }) => {
    expect(isInHours({ at: at(instant), zone: ZONE })).toBe(inHours);
  });
});

describe("whoIsOn", () => {
  const rota = rotaOf(fixtureTexts("team"));

  it.each([
    {
      instant: "2026-12-02T09:59:59Z",
      expected: {
        week: "2026-11-25",
        support: { developer: "ben", operations: "pete" },
        onCall: { primary: "ada", secondLine: ["rosa"] },
        inHours: false,
      },
    },
    {
      instant: "2026-12-02T10:00:00Z",
      expected: {
        week: "2026-12-02",
        support: { developer: "cat", operations: "quinn" },
        onCall: { primary: "olga", secondLine: ["quinn"] },
        inHours: true,
      },
    },
    {
      instant: "2027-03-31T08:59:59Z",
      expected: {
        week: "2027-03-24",
        support: { developer: "ada", operations: "quinn" },
        onCall: { primary: "pete", secondLine: ["quinn"] },
        inHours: false,
      },
    },
    {
      instant: "2027-03-31T09:00:00Z",
      expected: {
        week: "2027-03-31",
        support: { developer: "ben", operations: "rosa" },
        onCall: { primary: "cat", secondLine: ["rosa"] },
        inHours: true,
      },
    },
    {
      instant: "2030-01-01T12:00:00Z",
      expected: {
        week: "2029-12-26",
        support: { developer: null, operations: null },
        onCall: { primary: null, secondLine: [] },
        inHours: false,
      },
    },
  ])("at $instant", ({ instant, expected }) => {
    expect(whoIsOn({ rota, at: at(instant), zone: ZONE })).toEqual(expected);
  });
});
