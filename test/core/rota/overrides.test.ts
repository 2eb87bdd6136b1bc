import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { loadRota } from "../../../src/config/rota-load.js";
import { formatProblem } from "../../../src/core/finding.js";
import { checkRotaChange } from "../../../src/core/rota/change-check.js";
import { checkRota } from "../../../src/core/rota/check.js";
import { onCallDay } from "../../../src/core/rota/overrides.js";
import { whoIsOn } from "../../../src/core/rota/who.js";
import { rotaCalendar } from "../../../src/core/rota/ics.js";
import { dutyFacts, dutyOf } from "../../../src/site/pages/duty.js";
import { fixtureTexts } from "./rota-texts.js";

const ZONE = "Europe/London";
const TEXTS = fixtureTexts("repository");

function rotaWith(overrides: string) {
  const parsed = loadRota({
    people: { file: "rota/people.yml", text: TEXTS.people },
    support: { file: "rota/support.yml", text: TEXTS.support },
    onCall: { file: "rota/on-call.yml", text: TEXTS.onCall },
    overrides: { file: "rota/overrides.yml", text: overrides },
  });
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join("\n"));
  return parsed.value;
}

const FRIDAY_NIGHT =
  "overrides:\n  - { date: 2026-12-04, covers: alice-okafor, by: mei-chen, reason: Alice was woken twice on Thursday night }\n";

describe("single-night cover (rota/overrides.yml)", () => {
  it.each([
    { at: "2026-12-04T09:59:00Z", day: "2026-12-03" },
    { at: "2026-12-04T10:00:00Z", day: "2026-12-04" },
    { at: "2026-12-05T02:00:00Z", day: "2026-12-04" },
    { at: "2026-06-05T09:30:00Z", day: "2026-06-05" },
  ])("$at belongs to the on-call day $day (10:00 to 10:00 local)", ({ at, day }) => {
    expect(onCallDay({ at: DateTime.fromISO(at), zone: ZONE })).toBe(day);
  });

  it("rota who names the cover for that night only, and says why", () => {
    const rota = rotaWith(FRIDAY_NIGHT);
    const at = (iso: string) => whoIsOn({ rota, at: DateTime.fromISO(iso), zone: ZONE });
    expect(at("2026-12-05T02:00:00Z").onCall).toEqual({ primary: "mei-chen", secondLine: ["sam-oduya"] });
    expect(at("2026-12-05T02:00:00Z").covering?.[0]?.reason).toBe("Alice was woken twice on Thursday night");
    expect(at("2026-12-04T02:00:00Z").onCall.primary).toBe("alice-okafor");
    expect(at("2026-12-05T10:00:00Z").onCall.primary).toBe("alice-okafor");
  });

  it("covers the second line too", () => {
    const rota = rotaWith(
      "overrides:\n  - { date: 2026-12-05, slot: secondLine, covers: sam-oduya, by: grace-kowalski, reason: Sam is ill }\n",
    );
    expect(whoIsOn({ rota, at: DateTime.fromISO("2026-12-06T03:00:00Z"), zone: ZONE }).onCall).toEqual({
      primary: "alice-okafor",
      secondLine: ["grace-kowalski"],
    });
  });

  it.each([
    {
      what: "an unknown login",
      entry: "{ date: 2026-12-04, covers: alice-okafor, by: nobody-here, reason: r }",
      message: "nobody-here (covering on 2026-12-04) is not in people.yml",
    },
    {
      what: "covering someone who is not on call that night",
      entry: "{ date: 2026-12-04, covers: bob-adeyemi, by: mei-chen, reason: r }",
      message: "bob-adeyemi is not the on-call primary on 2026-12-04 (the rota has alice-okafor)",
    },
    {
      what: "a cover who has not opted in",
      entry: "{ date: 2026-12-04, covers: alice-okafor, by: erin-walsh, reason: r }",
      message: "erin-walsh has not opted in to on-call",
    },
    {
      what: "a second-line cover without secondLine",
      entry: "{ date: 2026-12-05, slot: secondLine, covers: sam-oduya, by: mei-chen, reason: r }",
      message: "mei-chen is not on the second line",
    },
    {
      what: "a cover who is away",
      entry: "{ date: 2026-12-23, covers: hamza-iqbal, by: alice-okafor, reason: r }",
      message: "alice-okafor is away 2026-12-21 to 2027-01-01",
    },
  ])("refuses $what, with file and line", ({ entry, message }) => {
    const result = checkRota({ rota: rotaWith(`overrides:\n  - ${entry}\n`), today: "2026-12-02" });
    const found = result.findings.filter((f) => f.file === "rota/overrides.yml");
    expect(found.map((f) => f.message).join("\n")).toContain(message);
    expect(found.every((f) => f.line === 2 && f.severity === "error")).toBe(true);
  });

  it("a schema problem names the file, key and line", () => {
    const parsed = loadRota({
      people: { file: "rota/people.yml", text: TEXTS.people },
      support: { file: "rota/support.yml", text: TEXTS.support },
      onCall: { file: "rota/on-call.yml", text: TEXTS.onCall },
      overrides: {
        file: "rota/overrides.yml",
        text: "overrides:\n  - { date: 2026-12-04, covers: alice-okafor, by: mei-chen }\n",
      },
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems.map(formatProblem).join("\n")).toMatch(
        /rota\/overrides\.yml:2: overrides\[0\]\.reason/,
      );
  });

  it("a pull request adding tonight's cover needs no notice, but a rota admin's approval", () => {
    const base = rotaWith("overrides: []\n");
    const head = rotaWith(FRIDAY_NIGHT);
    const now = DateTime.fromISO("2026-12-04T15:00:00Z");
    const waiting = checkRotaChange({
      base,
      head,
      now,
      zone: ZONE,
      author: "alice-okafor",
      approved: [],
      admins: ["dana-whitfield", "grace-kowalski"],
    });
    expect(waiting.verdict).toBe("fail");
    expect(waiting.findings.filter((f) => f.rule === "rota/notice")).toEqual([]);
    expect(waiting.approvals).toEqual([
      {
        login: "dana-whitfield or grace-kowalski",
        why: "rota admin: overrides.yml changed",
        given: false,
        anyOf: ["dana-whitfield", "grace-kowalski"],
      },
    ]);
    const approved = checkRotaChange({
      base,
      head,
      now,
      zone: ZONE,
      author: "alice-okafor",
      approved: ["grace-kowalski"],
      admins: ["dana-whitfield", "grace-kowalski"],
    });
    expect(approved.verdict).toBe("pass");
  });

  it("the calendars and the site show the night of cover, for both people", () => {
    const rota = rotaWith(FRIDAY_NIGHT);
    const stamp = DateTime.fromISO("2026-12-01T00:00:00Z");
    const mei = rotaCalendar({ rota, zone: ZONE, stamp, login: "mei-chen" });
    expect(mei).toContain("SUMMARY:On call cover (primary): mei-chen for alice-okafor");
    expect(mei).toMatch(/DTSTART;TZID=Europe\/London:20261204T100000/);
    expect(rotaCalendar({ rota, zone: ZONE, stamp, login: "alice-okafor" })).toContain(
      "On call cover (primary): mei-chen for alice-okafor",
    );
    expect(rotaCalendar({ rota, zone: ZONE, stamp, login: "bob-adeyemi" })).not.toContain("On call cover");
    const duty = dutyOf({ rota }, "2026-12-02");
    expect(duty.cover).toHaveLength(1);
    const text = dutyFacts({
      input: { rota, today: "2026-12-02" } as Parameters<typeof dutyFacts>[0]["input"],
      from: "",
      duty,
    }).text;
    expect(text).toContain("Cover, night of");
    expect(text).toContain("Alice was woken twice on Thursday night");
  });
});
