import { describe, expect, it } from "vitest";
import { serviceChartsMarkdown, mermaidXyChart } from "../../../src/core/charts/mermaid-charts.js";
import { serviceSeries } from "../../../src/core/charts/service-series.js";
import type { TicketSnapshot } from "../../../src/core/ticket/snapshot.js";
import { local } from "../../helpers/calendars.js";
import { BOT, ticketPolicy } from "../../helpers/ticket-fixtures.js";
import { addSteps, bareTicket } from "../../helpers/ticket-snapshot.js";
import { settle } from "../../helpers/ticket-refresh.js";

/** A riverside ticket opened at a London time, answered by staff after `answerAfter` minutes (or never). */
function ticket(number: number, opened: string, answered: string | null): TicketSnapshot {
  const carded = settle({ ...bareTicket({ opened }), number }, opened);
  return answered ? addSteps(carded, [["commented", answered, "alice", "On it."]]) : carded;
}

const series = (tickets: readonly TicketSnapshot[]) =>
  serviceSeries({
    tickets,
    policy: ticketPolicy,
    now: local("2026-12-10 12:00"),
    zone: "Europe/London",
    botLogin: BOT,
    months: 3,
    weeks: 2,
  });

describe("the service's trends", () => {
  it("first responses within target per client and month opened; breaches in the month they happened; tickets opened per week", () => {
    const s = series([
      ticket(1, "2026-11-02 10:00", "2026-11-02 11:00"), // within 8 working hours
      ticket(2, "2026-11-03 10:00", "2026-11-05 10:00"), // breached on the 4th
      ticket(3, "2026-12-07 10:00", "2026-12-07 10:30"),
      ticket(4, "2026-12-08 10:00", null), // breached on the 9th, still open
    ]);
    expect(s.months).toEqual(["2026-10", "2026-11", "2026-12"]);
    expect(s.firstResponses).toEqual([{ name: "riverside", values: [null, 50, 50] }]);
    expect(s.breaches.values).toEqual([0, 1, 1]);
    expect(s.weeks).toEqual(["2026-11-30", "2026-12-07"]);
    expect(s.openedByPriority.find((p) => p.name === "P3")?.values).toEqual([0, 2]);
  });

  it("writes Mermaid xychart-beta blocks with the months and a value for every month", () => {
    const markdown = serviceChartsMarkdown(series([ticket(1, "2026-11-02 10:00", "2026-11-02 11:00")])).join(
      "\n",
    );
    expect(markdown).toContain(
      [
        "```mermaid",
        "xychart-beta",
        '  title "First responses within target (%), by month opened"',
        '  x-axis ["Oct 2026", "Nov 2026", "Dec 2026"]',
        '  y-axis "%" 0 --> 100',
        "  line [0, 100, 0]",
        "```",
      ].join("\n"),
    );
    expect(markdown).toContain("One line per client, in order: riverside.");
  });

  it("keeps quotes, brackets and line breaks out of a chart's words", () => {
    const block = mermaidXyChart({
      title: 'a "b"]\n[c',
      categories: ["x`y"],
      axis: "n",
      max: 0,
      kind: "bar",
      series: [{ name: "s", values: [null] }],
    });
    expect(block).toContain('title "a  b    c"');
    expect(block).toContain('x-axis ["x y"]');
    expect(block).toContain("0 --> 1");
  });
});
