import ICAL from "ical.js";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { rotaCalendar } from "../../../src/core/rota/ics.js";
import { fixtureTexts, rotaOf } from "./rota-texts.js";

const ZONE = "Europe/London";
const STAMP = DateTime.fromISO("2026-11-26T12:00:00Z", { zone: "utc" });

interface ParsedEvent {
  readonly uid: string;
  readonly summary: string;
  readonly start: string;
  readonly end: string;
  readonly tzid: string | null;
}

/** Parses iCalendar text with ical.js, an independent parser, resolving times with its VTIMEZONE. */
function parse(text: string): { events: ParsedEvent[]; timezones: string[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const timezones = calendar.getAllSubcomponents("vtimezone").map((vtimezone) => {
    const timezone = new ICAL.Timezone(vtimezone);
    ICAL.TimezoneService.register(timezone, timezone.tzid);
    return timezone.tzid;
  });
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      tzid: vevent.getFirstProperty("dtstart")?.getParameter("tzid") as string | null,
    };
  });
  return { events, timezones };
}

describe("rotaCalendar", () => {
  const rota = rotaOf(fixtureTexts("team"));

  it("has one event per slot and week with stable UIDs, summaries naming the role, and the zone's VTIMEZONE", () => {
    const { events, timezones } = parse(rotaCalendar({ rota, zone: ZONE, stamp: STAMP }));
    expect(timezones).toEqual([ZONE]);
    // 20 weeks of developer, operations, primary and second line, and two weeks with a shadow.
    expect(events).toHaveLength(20 * 4 + 2);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(events.find((e) => e.uid === "2026-12-09-shadow@firstline")?.summary).toBe(
      "Shadowing first line support: finn",
    );
    expect(events.filter((e) => e.uid.startsWith("2026-12-02-"))).toEqual([
      {
        uid: "2026-12-02-developer@firstline",
        summary: "First line support (developer): cat",
        start: "2026-12-02T10:00:00.000Z",
        end: "2026-12-09T10:00:00.000Z",
        tzid: ZONE,
      },
      {
        uid: "2026-12-02-operations@firstline",
        summary: "First line support (operations): quinn",
        start: "2026-12-02T10:00:00.000Z",
        end: "2026-12-09T10:00:00.000Z",
        tzid: ZONE,
      },
      {
        uid: "2026-12-02-primary@firstline",
        summary: "On call (primary): olga",
        start: "2026-12-02T10:00:00.000Z",
        end: "2026-12-09T10:00:00.000Z",
        tzid: ZONE,
      },
      {
        uid: "2026-12-02-secondLine@firstline",
        summary: "On call (second line): quinn",
        start: "2026-12-02T10:00:00.000Z",
        end: "2026-12-09T10:00:00.000Z",
        tzid: ZONE,
      },
    ]);
  });

  it("keeps handover at 10:00 local across the change to summer time", () => {
    const { events } = parse(rotaCalendar({ rota, zone: ZONE, stamp: STAMP }));
    const times = (uid: string) => events.filter((e) => e.uid === uid).map((e) => [e.start, e.end]);
    // Clocks go forward on Sunday 28 March 2027: the week starts at 10:00 GMT and ends at 10:00 BST.
    expect(times("2027-03-24-developer@firstline")).toEqual([
      ["2027-03-24T10:00:00.000Z", "2027-03-31T09:00:00.000Z"],
    ]);
    expect(times("2027-03-31-developer@firstline")).toEqual([
      ["2027-03-31T09:00:00.000Z", "2027-04-07T09:00:00.000Z"],
    ]);
  });

  it("writes local times with the zone id, not UTC or floating times", () => {
    const text = rotaCalendar({ rota, zone: ZONE, stamp: STAMP });
    expect(text).toContain("DTSTART;TZID=Europe/London:20270331T100000");
    expect(text).toContain("DTEND;TZID=Europe/London:20270407T100000");
    expect(text).toContain("DTSTAMP:20261126T120000Z");
    expect(text).toMatch(
      /BEGIN:DAYLIGHT\r\nTZOFFSETFROM:\+0000\r\nTZOFFSETTO:\+0100\r\nTZNAME:BST\r\nDTSTART:20270328T010000/,
    );
    expect(text).toMatch(
      /BEGIN:STANDARD\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0000\r\nTZNAME:GMT\r\nDTSTART:20261025T020000/,
    );
  });

  it("gives one person's slots with the same UIDs as the whole rota", () => {
    const { events } = parse(rotaCalendar({ rota, zone: ZONE, stamp: STAMP, login: "quinn" }));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.summary.includes("quinn"))).toBe(true);
    expect(events.map((e) => e.uid)).toContain("2026-12-02-operations@firstline");
    expect(events.map((e) => e.uid)).toContain("2026-12-02-secondLine@firstline");
    expect(events.map((e) => e.uid)).not.toContain("2026-12-02-developer@firstline");
  });

  it("is the same text for the same rota and stamp", () => {
    expect(rotaCalendar({ rota, zone: ZONE, stamp: STAMP })).toBe(
      rotaCalendar({ rota, zone: ZONE, stamp: STAMP }),
    );
  });
});
