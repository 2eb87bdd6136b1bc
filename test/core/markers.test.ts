import { describe, expect, it } from "vitest";
import {
  coverKey,
  escalationKey,
  firstMarker,
  handEscalationKey,
  hasMarker,
  marker,
  markerKeysIn,
  markersIn,
  openAlertsKey,
  PAGE_KEY,
  pageAckKey,
  pageKindOfKey,
  parseCoverKey,
  parseOpenAlertsKey,
  parsePageAckKey,
  rotaWeekKey,
} from "../../src/core/markers.js";

describe("markers: one vocabulary, read back by one pattern", () => {
  it("reads every key of a text, in order", () => {
    const text = `${marker("card")}\nhello\n${marker(rotaWeekKey("2026-12-02"))} ${marker(openAlertsKey([3, 1]))}`;
    expect(markerKeysIn(text)).toEqual(["card", "rota-week:2026-12-02", "open-alerts:1 3"]);
    expect(hasMarker(text, "card")).toBe(true);
    expect(hasMarker(text, "car")).toBe(false);
    expect(firstMarker(text)).toBe("<!-- firstline:card -->");
    expect(firstMarker("no marker")).toBeNull();
    expect(markerKeysIn(null)).toEqual([]);
  });

  it("builds and parses each kind of key with values", () => {
    expect(parsePageAckKey(pageAckKey({ login: "mei-chen", how: "command" }))).toEqual({
      login: "mei-chen",
      how: "command",
    });
    expect(parsePageAckKey(pageAckKey({ login: "not a login!", how: "pager" }))).toEqual({
      login: "unknown",
      how: "pager",
    });
    expect(parsePageAckKey("page-ack:")).toBeNull();
    const cover = { date: "2026-12-09", slot: "secondLine", covers: "alice-okafor", by: "mei-chen" } as const;
    expect(parseCoverKey(coverKey(cover))).toEqual(cover);
    expect(parseCoverKey("cover:2026-12-09:boss:a:b")).toBeNull();
    expect(parseOpenAlertsKey(openAlertsKey([]))).toEqual([]);
    expect(parseOpenAlertsKey(openAlertsKey([12, 4]))).toEqual([4, 12]);
    expect(pageKindOfKey(PAGE_KEY)).toBe("page");
    expect(pageKindOfKey(escalationKey(2))).toBe("escalation");
    expect(pageKindOfKey(handEscalationKey(991))).toBe("escalate");
    expect(pageKindOfKey("escalation:two")).toBeNull();
  });

  it("counts only markers in Firstline's own comments", () => {
    const comments = [
      { author: "client-person", body: marker("card") },
      { author: "firstline[bot]", body: `${marker("card")}\ncard` },
      { author: "Firstline[bot]", body: marker("card") },
    ];
    const found = markersIn({ comments, botLogin: "firstline[bot]" });
    expect(found.get("card")).toBe(comments[1]);
    expect(markersIn({ comments: comments.slice(0, 1), botLogin: "firstline[bot]" }).size).toBe(0);
  });

  it("reads a 64 KiB hostile text without backtracking", () => {
    const hostile = `<!-- firstline:${"a ".repeat(32_000)}`;
    expect(markerKeysIn(hostile)).toEqual([]);
    expect(markerKeysIn(`${"<!-- firstline:".repeat(4_000)}x -->`)).toHaveLength(1);
  });
});
