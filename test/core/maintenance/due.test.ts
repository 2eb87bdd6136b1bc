import { describe, expect, it } from "vitest";
import { dueMaintenanceTickets, maintenanceTitle } from "../../../src/core/maintenance/due.js";
import { existingMaintenanceKeys } from "../../../src/core/maintenance/keys.js";
import { configWith } from "./config.js";

const BOT = "firstline[bot]";
const config = configWith([
  {
    client: "riverside",
    task: "Review TLS certificates",
    rrule: "FREQ=MONTHLY;BYMONTHDAY=25",
    priority: "P3",
    checklist: ["List certificates", "Ping @alice <!-- x -->"],
  },
  {
    client: "acme",
    task: "Apply CMS core updates",
    rrule: "FREQ=MONTHLY;BYDAY=1WE",
    since: "2026-01-01",
    priority: "P2",
  },
]);
const none = new Set<string>();
const keysOn = (today: string, existing: ReadonlySet<string> = none, lookBackDays?: number) =>
  dueMaintenanceTickets({
    config,
    today,
    existingKeys: existing,
    ...(lookBackDays === undefined ? {} : { lookBackDays }),
  }).map((t) => t.occurrence.key);

describe("dueMaintenanceTickets", () => {
  it.each([
    ["2026-12-24", []],
    ["2026-12-25", []], // Christmas Day: moved
    ["2026-12-28", []], // Boxing Day substitute
    ["2026-12-29", ["maintenance:riverside:review-tls-certificates:2026-12-25"]],
    ["2027-01-05", ["maintenance:riverside:review-tls-certificates:2026-12-25"]], // seven days back still opens it
    ["2027-01-06", ["maintenance:acme:apply-cms-core-updates:2027-01-06"]], // eight days: gone
    ["2026-12-03", ["maintenance:acme:apply-cms-core-updates:2026-12-02"]], // the day after
    [
      "2026-12-02",
      [
        "maintenance:riverside:review-tls-certificates:2026-11-25",
        "maintenance:acme:apply-cms-core-updates:2026-12-02",
      ],
    ],
  ])("on %s", (today, expected) => {
    expect(keysOn(today)).toEqual(expected);
  });

  it("opens each occurrence exactly once: a key already seen is skipped", () => {
    const existing = new Set(["maintenance:riverside:review-tls-certificates:2026-12-25"]);
    expect(keysOn("2026-12-29", existing)).toEqual([]);
    expect(keysOn("2027-01-04", existing)).toEqual([]);
  });

  it("the look-back window is configurable; 0 means today only", () => {
    expect(keysOn("2026-12-30", none, 0)).toEqual([]);
    expect(keysOn("2026-12-30", none, 1)).toEqual([
      "maintenance:riverside:review-tls-certificates:2026-12-25",
    ]);
  });

  it("plans the issue: title with the working day, checklist items, labels, hidden key; mentions and comments in config text are broken", () => {
    const [ticket] = dueMaintenanceTickets({ config, today: "2026-12-29", existingKeys: none });
    expect(ticket?.action).toEqual({
      kind: "create-issue",
      repo: "riverside/tenant-portal",
      title: "Review TLS certificates (Tue 29 Dec)",
      labels: ["type: maintenance", "priority: P3", "client: riverside"],
      why: "scheduled maintenance maintenance:riverside:review-tls-certificates:2026-12-25",
      body: [
        "Scheduled maintenance for **Riverside Housing Trust** (`riverside`): Review TLS certificates.",
        "",
        "Due **Tue 29 Dec 2026**, the next working day after Fri 25 Dec 2026 (Christmas Day).",
        "",
        "- [ ] List certificates",
        "- [ ] Ping @\u200dalice &lt;!-- x --&gt;",
        "",
        "Opened by Firstline from the `maintenance` list in `.github/firstline.yml`. Tick each step as it is done and close the ticket when the work is finished.",
        "",
        "<!-- firstline:maintenance:riverside:review-tls-certificates:2026-12-25 -->",
      ].join("\n"),
    });
  });

  it("a weekend move says so, and no checklist says so", () => {
    const weekly = configWith([{ client: "acme", task: "Weekly checks", rrule: "FREQ=WEEKLY;BYDAY=SU" }]);
    const [ticket] = dueMaintenanceTickets({
      config: weekly,
      today: "2026-03-09",
      existingKeys: none,
      lookBackDays: 0,
    });
    expect(ticket?.action.title).toBe("Weekly checks (Mon 9 Mar)");
    expect(ticket?.action.body).toContain(
      "Due **Mon 9 Mar 2026**, the next working day after Sun 8 Mar 2026 (a weekend).",
    );
    expect(ticket?.action.body).toContain("No checklist is configured for this task.");
  });

  it("titles use the moved date", () => {
    expect(maintenanceTitle({ task: "Restore test", date: "2027-01-05" })).toBe("Restore test (Tue 5 Jan)");
  });
});

describe("existingMaintenanceKeys", () => {
  it("reads keys from the bot's own issues only", () => {
    const planned = dueMaintenanceTickets({ config, today: "2026-12-29", existingKeys: none });
    const issues = [
      ...planned.map((t) => ({ author: BOT, body: t.action.body })),
      { author: "mallory", body: "<!-- firstline:maintenance:acme:apply-cms-core-updates:2027-01-06 -->" },
      { author: BOT, body: null },
      { author: BOT, body: "<!-- firstline:card -->" },
    ];
    const keys = existingMaintenanceKeys({ issues, botLogin: BOT });
    expect([...keys]).toEqual(["maintenance:riverside:review-tls-certificates:2026-12-25"]);
    expect(dueMaintenanceTickets({ config, today: "2026-12-29", existingKeys: keys })).toEqual([]);
  });
});
