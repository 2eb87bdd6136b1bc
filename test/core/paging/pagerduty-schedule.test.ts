import { describe, expect, it } from "vitest";
import { loadRota } from "../../../src/config/rota-load.js";
import { planScheduleSync } from "../../../src/core/paging/pagerduty-schedule.js";
import { fixtureTexts } from "../rota/rota-texts.js";

const TEXTS = fixtureTexts("repository");
const rota = (overrides: string) => {
  const parsed = loadRota({
    people: { file: "p", text: TEXTS.people },
    support: { file: "s", text: TEXTS.support },
    onCall: { file: "o", text: TEXTS.onCall },
    overrides: { file: "x", text: overrides },
  });
  if (!parsed.ok) throw new Error("rota");
  return parsed.value;
};
const users = { "alice-okafor": "PALICE1", "mei-chen": "PMEI001", "bob-adeyemi": "PBOB001" };
const at = (iso: string) => Date.parse(iso);

describe("planScheduleSync", () => {
  it("one override per run of days with the same person; a night of cover splits the week", () => {
    const plan = planScheduleSync({
      rota: rota("overrides:\n  - { date: 2026-12-05, covers: alice-okafor, by: mei-chen, reason: rest }\n"),
      slot: "primary",
      users,
      existing: [],
      now: at("2026-12-03T12:00:00Z"),
      days: 7,
      zone: "Europe/London",
    });
    expect(plan.create).toEqual([
      { start: at("2026-12-03T12:00:00Z"), end: at("2026-12-05T10:00:00Z"), userId: "PALICE1" },
      { start: at("2026-12-05T10:00:00Z"), end: at("2026-12-06T10:00:00Z"), userId: "PMEI001" },
      { start: at("2026-12-06T10:00:00Z"), end: at("2026-12-09T10:00:00Z"), userId: "PALICE1" },
      { start: at("2026-12-09T10:00:00Z"), end: at("2026-12-10T10:00:00Z"), userId: "PBOB001" },
    ]);
    expect(plan.remove).toEqual([]);
  });

  it("keeps what already matches, removes what does not, and names people without a PagerDuty user", () => {
    const existing = [
      { id: "PO1", start: at("2026-12-02T10:00:00Z"), end: at("2026-12-09T10:00:00Z"), userId: "PALICE1" },
      { id: "PO2", start: at("2026-12-09T10:00:00Z"), end: at("2026-12-16T10:00:00Z"), userId: "PMEI001" },
    ];
    const plan = planScheduleSync({
      rota: rota("overrides: []\n"),
      slot: "primary",
      users,
      existing,
      now: at("2026-12-03T12:00:00Z"),
      days: 14,
      zone: "Europe/London",
    });
    expect(plan.remove).toEqual(["PO2"]);
    expect(plan.create).toEqual([
      { start: at("2026-12-09T10:00:00Z"), end: at("2026-12-16T10:00:00Z"), userId: "PBOB001" },
    ]);
    expect(plan.unmapped).toEqual(["ivan-petrov"]);
  });
});
