import { describe, expect, it } from "vitest";
import { loadRota } from "../../../src/config/rota-load.js";
import { pagesOnIssue } from "../../../src/core/paging/pages-on-issue.js";
import { toilAlertsFromIssues } from "../../../src/core/toil/from-issues.js";
import { onCallCsv, onCallReport, onCallTable } from "../../../src/core/toil/on-call-report.js";
import { computeToil } from "../../../src/core/toil/toil.js";
import { agencyCalendar } from "../../../src/core/toil/calendar.js";
import { firstlineConfigSchema } from "../../../src/core/config/firstline-config.js";
import { fixtureTexts } from "../rota/rota-texts.js";

const BOT = "firstline[bot]";
const at = (iso: string) => Date.parse(iso);
const TEXTS = fixtureTexts("repository");
const parsed = loadRota({
  people: { file: "p", text: TEXTS.people },
  support: { file: "s", text: TEXTS.support },
  onCall: { file: "o", text: TEXTS.onCall },
  overrides: {
    file: "x",
    text: "overrides:\n  - { date: 2026-12-04, covers: alice-okafor, by: mei-chen, reason: rest }\n",
  },
});
if (!parsed.ok) throw new Error("rota");
const rota = parsed.value;
const config = firstlineConfigSchema.parse({});

/** An emergency ticket paged at 02:00 Saturday, escalated to the second line at 02:05, and by hand to dana at 02:20. */
const texts = [
  { author: "pat", createdAt: at("2026-12-05T02:00:00Z"), body: "Website down" },
  {
    author: BOT,
    createdAt: at("2026-12-05T02:00:05Z"),
    body: "<!-- firstline:alert-page -->\n<!-- firstline:ticket-page:1 -->\n\n**Emergency ticket** for Acme. Paging @mei-chen, on call: acknowledge.",
  },
  {
    author: BOT,
    createdAt: at("2026-12-05T02:05:10Z"),
    body: "<!-- firstline:escalation:1 -->\n@sam-oduya: nobody has acknowledged this ticket 5 minutes after mei-chen (on call) was paged.",
  },
  { author: "sam-oduya", createdAt: at("2026-12-05T02:07:00Z"), body: "On it." },
  {
    author: BOT,
    createdAt: at("2026-12-05T02:20:00Z"),
    body: "<!-- firstline:escalate:99 -->\n@dana-whitfield: sam-oduya escalated this to you at 02:20.",
  },
  {
    author: "mallory",
    createdAt: at("2026-12-05T02:21:00Z"),
    body: "<!-- firstline:escalate:100 -->\n@mallory-friend: fake",
  },
  { author: "dana-whitfield", createdAt: at("2026-12-05T03:30:00Z"), body: "/toil woke 60m" },
  { author: "sam-oduya", createdAt: at("2026-12-05T03:31:00Z"), body: "/toil woke 90m" },
  { author: "carol-hughes", createdAt: at("2026-12-05T03:32:00Z"), body: "/toil awake 30m" },
];

describe("TOIL on emergency tickets and for everyone paged", () => {
  const pages = pagesOnIssue({ texts, trusted: (login) => login === BOT });

  it("reads every page, escalation and /escalate Firstline wrote, and nothing pasted by others", () => {
    expect(pages).toEqual([
      { at: at("2026-12-05T02:00:05Z"), logins: ["mei-chen"], kind: "page" },
      { at: at("2026-12-05T02:05:10Z"), logins: ["sam-oduya"], kind: "escalation" },
      { at: at("2026-12-05T02:20:00Z"), logins: ["dana-whitfield"], kind: "escalate" },
    ]);
  });

  it("anyone paged may claim; anyone else is refused", () => {
    const { alerts, refused } = toilAlertsFromIssues({
      issues: [
        {
          issue: { repo: "acme/website", number: 3 },
          openedAt: at("2026-12-05T02:00:05Z"),
          comments: texts,
          paged: pages.flatMap((p) => p.logins),
        },
      ],
      onCallAt: () => ({ primary: "mei-chen", secondLine: ["sam-oduya"] }),
    });
    expect(alerts.map((a) => a.login).sort()).toEqual(["dana-whitfield", "sam-oduya"]);
    expect(refused.map((r) => r.author)).toEqual(["carol-hughes"]);
  });

  it("the on-call report counts weeks, nights (cover included), pages, woken nights and TOIL per person, as a table and CSV", () => {
    const { alerts } = toilAlertsFromIssues({
      issues: [
        {
          issue: { repo: "acme/website", number: 3 },
          openedAt: at("2026-12-05T02:00:05Z"),
          comments: texts,
          paged: pages.flatMap((p) => p.logins),
        },
      ],
      onCallAt: () => ({ primary: "mei-chen", secondLine: ["sam-oduya"] }),
    });
    const toil = computeToil({ alerts, calendar: agencyCalendar(config) });
    const rows = onCallReport({
      rota,
      from: at("2026-12-01T00:00:00Z"),
      to: at("2027-01-01T00:00:00Z"),
      zone: "Europe/London",
      pages,
      acks: [
        {
          login: "sam-oduya",
          at: at("2026-12-05T02:07:00Z"),
          repo: "acme/website",
          number: 3,
          client: "acme",
        },
      ],
      woken: config.alerts.woken,
      toil,
    });
    const by = (login: string) => rows.find((r) => r.login === login);
    expect(by("alice-okafor")).toEqual({
      login: "alice-okafor",
      weeksPrimary: 1,
      weeksSecondLine: 0,
      nightsOnCall: 6,
      pages: 0,
      wokenNights: 0,
      toilDays: 0,
    });
    expect(by("mei-chen")).toMatchObject({ weeksPrimary: 1, nightsOnCall: 3, pages: 1 });
    expect(by("sam-oduya")).toMatchObject({ weeksSecondLine: 3, pages: 1, wokenNights: 1, toilDays: 0.75 });
    expect(by("dana-whitfield")).toMatchObject({ pages: 1, toilDays: 0.5 });
    expect(onCallTable(rows)).toContain("| sam-oduya | 0 | 3 | 0 | 1 | 1 | 0.75 |");
    expect(onCallCsv(rows).split("\r\n")[0]).toBe(
      "login,weeks_primary,weeks_second_line,nights_on_call,pages,woken_nights,toil_days",
    );
  });
});
