import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load-config.js";
import { PUBLISHED_SCHEMAS, renderJsonSchema } from "../../src/config/json-schemas.js";
import { formatProblem } from "../../src/core/finding.js";
import { RUNAWAY_MS } from "../helpers/time-limits.js";

const FILE = ".github/firstline.yml";

function problems(text: string): string[] {
  const parsed = parseConfig({ file: FILE, text });
  if (parsed.ok) throw new Error("expected problems");
  return parsed.problems.map(formatProblem);
}

describe("the configuration file", () => {
  it("an empty file is valid and has every default", () => {
    const parsed = parseConfig({ file: FILE, text: "" });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const config = parsed.value.value;
    expect(config.timezone).toBe("Europe/London");
    expect(config.workingHours.mon).toEqual([{ open: 600, close: 1080 }]);
    expect(config.workingHours.sat).toEqual([]);
    expect(config.holidays.region).toBe("england-and-wales");
    expect(config.atRisk).toBe(0.75);
    expect(config.followUpAfter.text).toBe("3 working days");
    expect(config.pauseLabels).toEqual(["status: waiting on client", "status: blocked"]);
  });

  it("this repository's example configuration is valid", () => {
    const parsed = parseConfig({ file: FILE, text: readFileSync(FILE, "utf8") });
    expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([]);
  });

  it.each([
    [
      "invalid YAML names the line",
      "timezone: Europe/London\nclients: [\n  - id: x\n",
      /^\.github\/firstline\.yml:\d+: invalid YAML/,
    ],
    [
      "an unknown top-level key",
      "timezone: Europe/London\nslaTargets: 3\n",
      /^\.github\/firstline\.yml:2: slaTargets: unknown key "slaTargets"$/,
    ],
    [
      "an unknown key in a client",
      "clients:\n  - id: acme\n    name: Acme\n    plna: standard\n",
      /^\.github\/firstline\.yml:4: clients\[0\]\.plna: unknown key "plna"$/,
    ],
    ["a wrong type", "atRisk: high\n", /^\.github\/firstline\.yml:1: atRisk: .*number/],
    [
      "a target that is not one",
      "followUpAfter: 3 fortnights\n",
      /^\.github\/firstline\.yml:1: followUpAfter: "3 fortnights" is not a target/,
    ],
    [
      "working hours that close before they open",
      'workingHours:\n  mon: ["18:00-10:00"]\n',
      /^\.github\/firstline\.yml:2: workingHours\.mon\[0\]: "18:00-10:00" closes before it opens$/,
    ],
    [
      "an unknown plan",
      "clients:\n  - id: acme\n    name: Acme\n    plan: gold\n",
      /^\.github\/firstline\.yml:4: clients\[0\]\.plan: unknown plan "gold"/,
    ],
    [
      "a client id used twice",
      "clients:\n  - { id: a, name: A }\n  - { id: a, name: B }\n",
      /^\.github\/firstline\.yml:3: clients\[1\]\.id: client id "a" is used twice$/,
    ],
    [
      "a date that does not exist",
      "holidays:\n  extra: [2026-02-30]\n",
      /^\.github\/firstline\.yml:2: holidays\.extra\[0\]: must be a real date/,
    ],
    [
      "an unknown time zone",
      "timezone: Mars/Olympus\n",
      /^\.github\/firstline\.yml:1: timezone: must be an IANA time zone/,
    ],
    [
      "the machine's zone",
      "timezone: local\n",
      /^\.github\/firstline\.yml:1: timezone: must be an IANA time zone name/,
    ],
    [
      "the system zone",
      "timezone: system\n",
      /^\.github\/firstline\.yml:1: timezone: must be an IANA time zone name/,
    ],
    [
      "a fixed offset",
      "timezone: UTC+1\n",
      /^\.github\/firstline\.yml:1: timezone: must be an IANA time zone name/,
    ],
    [
      "overlapping working hours",
      'workingHours:\n  mon: ["09:00-13:00", "12:00-18:00"]\n',
      /^\.github\/firstline\.yml:2: workingHours\.mon\[1\]: overlaps interval 1 of the same day/,
    ],
    [
      "a target the calendar cannot reach",
      "plans:\n  slow:\n    P1: { firstResponse: 1 hour }\n    P2: { firstResponse: 1 working hour }\n    P3: { firstResponse: 9000 working days }\n    P4: { firstResponse: 5 working days }\n",
      /plans\.slow\.P3\.firstResponse: "9000 working days" is more working time than the calendar holds in 3 years/,
    ],
    [
      "upkeep in another client's repository",
      "clients:\n  - { id: a, name: A, repos: [a/site] }\n  - { id: b, name: B, repos: [b/site] }\nmaintenance:\n  - { client: a, task: Patch, rrule: FREQ=MONTHLY, repo: b/site }\n",
      /maintenance\[0\]\.repo: b\/site is not one of client "a"'s repositories/,
    ],
    [
      "a duplicate key",
      "atRisk: 0.5\natRisk: 0.6\n",
      /^\.github\/firstline\.yml:2: invalid YAML: Map keys must be unique/,
    ],
    [
      "a week with no hours at all",
      "workingHours: {}\n",
      /^\.github\/firstline\.yml:1: workingHours: the working week has no working hours$/,
    ],
    [
      "a plan missing a priority",
      "plans:\n  gold:\n    P1: { firstResponse: 15 minutes }\n",
      /^\.github\/firstline\.yml:3: plans\.gold\.P2: /,
    ],
    [
      "a repository claimed by two clients",
      "clients:\n  - { id: a, name: A, repos: [o/r] }\n  - { id: b, name: B, repos: [o/r] }\n",
      /clients\[1\]\.repos\[0\]: repository o\/r already belongs to client "a"$/,
    ],
    [
      "a recurrence rule that would never end",
      "clients:\n  - { id: a, name: A, repos: [o/r] }\nmaintenance:\n  - client: a\n    task: Patch\n    rrule: FREQ=WEEKLY;INTERVAL=x\n",
      /^\.github\/firstline\.yml:6: maintenance\[0\]\.rrule: INTERVAL must be a whole number/,
    ],
    [
      "a maintenance task for an unknown client",
      "maintenance:\n  - { client: nobody, task: Patch, rrule: FREQ=MONTHLY }\n",
      /^\.github\/firstline\.yml:2: maintenance\[0\]\.client: unknown client "nobody"/,
    ],
    ["a top level that is not a mapping", "- just\n- a list\n", /^\.github\/firstline\.yml(:1)?: .*object/],
  ])("%s", (_name, text, expected) => {
    expect(problems(text)[0]).toMatch(expected);
  });

  it("an alias bomb is refused, not expanded", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ].join("\n");
    const started = Date.now();
    expect(problems(bomb)[0]).toMatch(/invalid YAML|unknown key/);
    expect(Date.now() - started).toBeLessThan(RUNAWAY_MS);
  });

  it("binary and oversized files are refused with a clear message", () => {
    expect(problems("\u0000\u0001\u0002")[0]).toBe(".github/firstline.yml: file is binary, not YAML text");
    expect(problems(`# ${"x".repeat(2 * 1024 * 1024)}`)[0]).toBe(
      ".github/firstline.yml: file is larger than 1024 KiB",
    );
  });

  it("__proto__ keys cannot pollute prototypes", () => {
    expect(problems("__proto__:\n  polluted: true\n")[0]).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});

describe("published JSON Schemas", () => {
  it.each(PUBLISHED_SCHEMAS.map((entry) => [entry.file, entry] as const))(
    "%s is current (npm run schemas)",
    (file, entry) => {
      expect(readFileSync(file, "utf8")).toBe(renderJsonSchema(entry));
    },
  );
});
