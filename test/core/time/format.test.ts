import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatLocal, formatLocalWithYear } from "../../../src/core/time/format.js";

describe("formatLocal: local time with the zone's short name", () => {
  it.each([
    ["2026-12-29T10:30:00Z", "Europe/London", "Tue 29 Dec 10:30 GMT"],
    ["2026-07-01T09:00:00Z", "Europe/London", "Wed 1 Jul 10:00 BST"],
    ["2026-03-29T00:59:00Z", "Europe/London", "Sun 29 Mar 00:59 GMT"],
    ["2026-03-29T01:00:00Z", "Europe/London", "Sun 29 Mar 02:00 BST"],
    ["2026-10-25T00:59:00Z", "Europe/London", "Sun 25 Oct 01:59 BST"],
    ["2026-10-25T01:00:00Z", "Europe/London", "Sun 25 Oct 01:00 GMT"],
  ])("%s in %s is %s", (iso, zone, expected) => {
    expect(formatLocal(Date.parse(iso), zone)).toBe(expected);
  });

  it("says what luxon says, hour by hour across two years in zones with and without summer time", () => {
    for (const zone of [
      "Europe/London",
      "Europe/Paris",
      "America/New_York",
      "Asia/Kolkata",
      "Australia/Lord_Howe",
      "UTC",
    ]) {
      for (
        let ms = Date.parse("2026-01-01T00:00:00Z");
        ms < Date.parse("2028-01-01T00:00:00Z");
        ms += 3_600_000 * 7
      ) {
        const local = DateTime.fromMillis(ms, { zone, locale: "en-GB" });
        expect(formatLocal(ms, zone)).toBe(local.toFormat("ccc d LLL HH:mm ZZZZ"));
        expect(formatLocalWithYear(ms, zone)).toBe(local.toFormat("ccc d LLL yyyy HH:mm ZZZZ"));
      }
    }
  });
});
