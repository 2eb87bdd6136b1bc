import { describe, expect, it } from "vitest";
import { slaReport, slaReportCsv, slaReportTable } from "../../../src/core/sla/report.js";
import type { TicketSnapshot } from "../../../src/core/ticket/snapshot.js";
import { local } from "../../helpers/calendars.js";
import { agencyPolicy } from "../../helpers/sla.js";

function ticket(params: {
  number: number;
  repo: string;
  opened: string;
  labels: string[];
  replies?: [string, string][];
  labelEvents?: [string, string, string][];
}): TicketSnapshot {
  return {
    repo: params.repo,
    number: params.number,
    title: `Ticket ${params.number}`,
    body: "",
    author: "pat",
    state: "open",
    createdAt: local(params.opened),
    labels: params.labels,
    assignees: [],
    comments: (params.replies ?? []).map(([at, by], i) => ({
      id: i + 1,
      author: by,
      createdAt: local(at),
      body: "Reply",
    })),
    events: [
      ...params.labels.map((label) => ({
        type: "labeled" as const,
        at: local(params.opened),
        by: "firstline[bot]",
        label,
      })),
      ...(params.labelEvents ?? []).map(([at, by, label]) => ({
        type: "labeled" as const,
        at: local(at),
        by,
        label,
      })),
    ],
  };
}

describe("the SLA report", () => {
  const tickets = [
    ticket({
      number: 1,
      repo: "riverside/portal",
      opened: "2026-10-19 10:00",
      labels: ["priority: P3"],
      replies: [["2026-10-19 11:00", "alice"]],
    }),
    ticket({
      number: 2,
      repo: "riverside/portal",
      opened: "2026-10-19 10:00",
      labels: ["priority: P3"],
      replies: [["2026-10-19 13:00", "alice"]],
    }),
    ticket({
      number: 3,
      repo: "riverside/portal",
      opened: "2026-10-19 10:00",
      labels: ["priority: P3"],
      replies: [["2026-10-20 12:00", "bob"]],
    }),
    ticket({
      number: 4,
      repo: "riverside/portal",
      opened: "2026-10-19 10:00",
      labels: ["priority: P3"],
      labelEvents: [["2026-10-19 13:00", "alice", "priority: P2"]],
      replies: [["2026-10-19 14:00", "alice"]],
    }),
    ticket({
      number: 5,
      repo: "acme/website",
      opened: "2026-10-24 02:00",
      labels: ["priority: P1"],
      replies: [["2026-10-24 02:20", "bob"]],
    }),
    ticket({ number: 6, repo: "acme/website", opened: "2026-10-24 02:00", labels: ["type: maintenance"] }),
  ];
  const rows = slaReport({ tickets, policy: agencyPolicy, now: local("2026-10-31 12:00") });

  it("groups by client and priority with shares, working-time percentiles and breaches apart from reclassified ones", () => {
    expect(rows).toEqual([
      {
        client: "acme",
        priority: "P1",
        tickets: 1,
        responded: 1,
        withinTarget: 1,
        medianMinutes: 20,
        p90Minutes: 20,
        breaches: 0,
        reclassified: 0,
      },
      {
        client: "riverside",
        priority: "P2",
        tickets: 1,
        responded: 1,
        withinTarget: 0,
        medianMinutes: 240,
        p90Minutes: 240,
        breaches: 0,
        reclassified: 1,
      },
      {
        client: "riverside",
        priority: "P3",
        tickets: 3,
        responded: 3,
        withinTarget: 2 / 3,
        medianMinutes: 180,
        p90Minutes: 600,
        breaches: 1,
        reclassified: 0,
      },
    ]);
  });

  it("renders as a table and as CSV", () => {
    expect(slaReportTable(rows)).toContain("| riverside | P3 | 3 | 66.7% | 180 | 600 | 1 | 0 |");
    expect(slaReportCsv(rows).split("\n")[3]).toBe("riverside,P3,3,0.667,180,600,1,0");
  });
});
