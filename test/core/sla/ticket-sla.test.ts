import { describe, expect, it } from "vitest";
import { computeTicketSla, type MetricStatus } from "../../../src/core/sla/ticket-sla.js";
import { asLocal, local } from "../../helpers/calendars.js";
import { agencyPolicy, timeline } from "../../helpers/sla.js";

const WAIT = "status: waiting on client";
const BLOCKED = "status: blocked";

function first(metrics: readonly MetricStatus[], name = "firstResponse", cycle = 1): MetricStatus {
  const found = metrics.find((m) => m.metric === name && m.cycle === cycle);
  if (!found) throw new Error(`no ${name} in cycle ${cycle}`);
  return found;
}

const sla = (t: ReturnType<typeof timeline>, now: string) =>
  computeTicketSla({ timeline: t, policy: agencyPolicy, now: local(now) });

describe("first response", () => {
  it("a ticket opened on a Saturday starts on Monday 10:00 and is due Monday 18:00 (P3, 8 working hours)", () => {
    const m = first(
      sla(timeline("riverside/portal", [["opened", "2026-10-17 09:00", "pat"]]), "2026-10-17 12:00").metrics,
    );
    expect(asLocal(m.start)).toBe("2026-10-19 10:00");
    expect(asLocal(m.due ?? 0)).toBe("2026-10-19 18:00");
    expect(m.state).toBe("running");
    expect(m.elapsedMs).toBe(0);
  });

  it("a response exactly at the due time meets it; a minute later breaches", () => {
    const opened = ["opened", "2026-10-19 10:00", "pat"] as const;
    expect(
      first(
        sla(
          timeline("riverside/portal", [opened, ["commented", "2026-10-19 18:00", "alice"]]),
          "2026-10-20 12:00",
        ).metrics,
      ).state,
    ).toBe("met");
    const late = first(
      sla(
        timeline("riverside/portal", [opened, ["commented", "2026-10-20 10:01", "alice"]]),
        "2026-10-20 12:00",
      ).metrics,
    );
    expect(late.state).toBe("breached");
    expect(asLocal(late.breachedAt ?? 0)).toBe("2026-10-19 18:00");
  });

  it("only staff responses count: not the reporter, not other client people, not bots", () => {
    const t = timeline("riverside/portal", [
      ["opened", "2026-10-19 10:00", "pat"],
      ["commented", "2026-10-19 11:00", "pat"],
      ["commented", "2026-10-19 11:30", "someone-else"],
      ["commented", "2026-10-19 12:00", "firstline[bot]"],
    ]);
    expect(first(sla(t, "2026-10-19 13:00").metrics).state).toBe("running");
  });

  it("goes at risk at 75% of the target", () => {
    const t = timeline("riverside/portal", [["opened", "2026-10-19 10:00", "pat"]]);
    expect(first(sla(t, "2026-10-19 15:59").metrics).state).toBe("running");
    expect(first(sla(t, "2026-10-19 16:00").metrics).state).toBe("at-risk");
    expect(first(sla(t, "2026-10-19 18:00").metrics).state).toBe("breached");
  });

  it("closing the ticket before the due time ends the clock", () => {
    const t = timeline("riverside/portal", [
      ["opened", "2026-10-19 10:00", "pat"],
      ["closed", "2026-10-19 11:00", "pat"],
    ]);
    expect(first(sla(t, "2026-10-21 12:00").metrics).state).toBe("met");
  });
});

describe("calendar targets and out-of-hours cover", () => {
  it("an outage at 02:00 for a client with cover is due at 02:30 (enhanced P1, 24/7)", () => {
    const t = timeline("acme/website", [
      ["opened", "2026-12-05 02:00", "pat"],
      ["labeled", "2026-12-05 02:00", "firstline[bot]", "priority: P1"],
    ]);
    const m = first(sla(t, "2026-12-05 02:10").metrics);
    expect(m.clock).toBe("24/7");
    expect(asLocal(m.due ?? 0)).toBe("2026-12-05 02:30");
  });

  it("the same P1 for a client without cover counts 1 hour as 1 working hour", () => {
    const t = timeline("riverside/portal", [
      ["opened", "2026-12-05 02:00", "pat"],
      ["labeled", "2026-12-05 02:00", "firstline[bot]", "priority: P1"],
    ]);
    const m = first(sla(t, "2026-12-05 02:10").metrics);
    expect(m.clock).toBe("working");
    expect(asLocal(m.due ?? 0)).toBe("2026-12-07 11:00");
  });

  it("a per-client calendar: St Andrew's Day is closed for the Scottish client", () => {
    const steps = [
      ["opened", "2026-11-27 17:30", "pat"],
      ["labeled", "2026-11-27 17:30", "firstline[bot]", "priority: P2"],
    ] as const;
    expect(asLocal(first(sla(timeline("glenmore/shop", steps), "2026-11-27 17:35").metrics).due ?? 0)).toBe(
      "2026-12-01 10:30",
    );
    expect(
      asLocal(first(sla(timeline("riverside/portal", steps), "2026-11-27 17:35").metrics).due ?? 0),
    ).toBe("2026-11-30 10:30");
  });
});

describe("pauses", () => {
  it("a pause from Friday 17:00 to Monday 11:00 removes two working hours, not 66", () => {
    const t = timeline("riverside/portal", [
      ["opened", "2026-10-16 16:00", "pat"],
      ["labeled", "2026-10-16 17:00", "alice", WAIT],
      ["unlabeled", "2026-10-19 11:00", "alice", WAIT],
    ]);
    const m = first(sla(t, "2026-10-19 12:00").metrics);
    expect(m.elapsedMs).toBe(2 * 3_600_000); // Fri 16-17 and Mon 11-12
    expect(asLocal(m.due ?? 0)).toBe("2026-10-19 18:00");
  });

  it("while paused the state is paused and the due time unknown", () => {
    const t = timeline("riverside/portal", [
      ["opened", "2026-10-16 16:00", "pat"],
      ["labeled", "2026-10-16 17:00", "alice", WAIT],
    ]);
    const m = first(sla(t, "2026-10-21 12:00").metrics);
    expect(m.state).toBe("paused");
    expect(m.due).toBeNull();
    expect(m.remainingMs).toBe(7 * 3_600_000);
  });

  it("moving between two pause labels neither resets nor double counts", () => {
    const t = timeline("riverside/portal", [
      ["opened", "2026-10-19 10:00", "pat"],
      ["labeled", "2026-10-19 11:00", "alice", WAIT],
      ["labeled", "2026-10-19 12:00", "alice", BLOCKED],
      ["unlabeled", "2026-10-19 12:00", "alice", WAIT],
      ["unlabeled", "2026-10-19 14:00", "alice", BLOCKED],
    ]);
    const m = first(sla(t, "2026-10-19 15:00").metrics);
    expect(m.elapsedMs).toBe(2 * 3_600_000); // 10-11 and 14-15: the three paused hours count once, not at all
    expect(asLocal(m.due ?? 0)).toBe("2026-10-20 13:00");
  });

  it("a pause after the response does not move a met metric's due time", () => {
    const t = timeline("riverside/portal", [
      ["opened", "2026-10-19 10:00", "pat"],
      ["commented", "2026-10-19 11:00", "alice"],
      ["labeled", "2026-10-19 11:05", "alice", WAIT],
    ]);
    const m = first(sla(t, "2026-10-22 12:00").metrics);
    expect(m.state).toBe("met");
    expect(asLocal(m.due ?? 0)).toBe("2026-10-19 18:00");
  });

  it("the chargeable label stops the clocks", () => {
    const t = timeline("riverside/portal", [
      ["opened", "2026-10-19 10:00", "pat"],
      ["labeled", "2026-10-19 11:00", "alice", "chargeable"],
    ]);
    expect(first(sla(t, "2026-10-22 15:00").metrics).state).toBe("paused");
  });
});

describe("priority changes", () => {
  it("a raise to P2 after 3 working hours records a reclassified breach at the change", () => {
    const t = timeline("riverside/portal", [
      ["opened", "2026-10-19 10:00", "pat"],
      ["labeled", "2026-10-19 10:00", "firstline[bot]", "priority: P3"],
      ["unlabeled", "2026-10-19 13:00", "alice", "priority: P3"],
      ["labeled", "2026-10-19 13:00", "alice", "priority: P2"],
    ]);
    const m = first(sla(t, "2026-10-19 13:05").metrics);
    expect(m.state).toBe("breached");
    expect(m.reclassified).toBe(true);
    expect(asLocal(m.breachedAt ?? 0)).toBe("2026-10-19 13:00");
    expect(asLocal(m.due ?? 0)).toBe("2026-10-19 11:00");
    expect(m.priority).toBe("P2");
  });

  it("a raise that still leaves time keeps the elapsed time", () => {
    const t = timeline("riverside/portal", [
      ["opened", "2026-10-19 10:00", "pat"],
      ["labeled", "2026-10-19 10:20", "alice", "priority: P2"],
    ]);
    const m = first(sla(t, "2026-10-19 10:30").metrics);
    expect(m.state).toBe("running");
    expect(asLocal(m.due ?? 0)).toBe("2026-10-19 11:00");
    expect(m.reclassified).toBe(false);
  });

  it("a breach under the old priority stands after the priority is lowered", () => {
    const t = timeline("riverside/portal", [
      ["opened", "2026-10-19 10:00", "pat"],
      ["labeled", "2026-10-19 10:00", "alice", "priority: P2"],
      ["unlabeled", "2026-10-19 12:00", "alice", "priority: P2"],
      ["labeled", "2026-10-19 12:00", "alice", "priority: P3"],
    ]);
    const m = first(sla(t, "2026-10-19 12:05").metrics);
    expect(m.state).toBe("breached");
    expect(asLocal(m.breachedAt ?? 0)).toBe("2026-10-19 11:00");
  });
});

describe("reopen and next responses", () => {
  it("a reopen starts a new cycle; the old cycle's result stands", () => {
    const t = timeline("riverside/portal", [
      ["opened", "2026-10-19 10:00", "pat"],
      ["commented", "2026-10-19 11:00", "alice"],
      ["closed", "2026-10-19 12:00", "alice"],
      ["reopened", "2026-11-02 10:00", "pat"],
    ]);
    const result = sla(t, "2026-11-02 10:30");
    expect(first(result.metrics, "firstResponse", 1).state).toBe("met");
    const second = first(result.metrics, "firstResponse", 2);
    expect(second.state).toBe("running");
    expect(asLocal(second.due ?? 0)).toBe("2026-11-02 18:00");
  });

  it("P4: the client writing after the last staff reply starts a next-response clock", () => {
    const t = timeline("riverside/portal", [
      ["opened", "2026-10-19 10:00", "pat"],
      ["labeled", "2026-10-19 10:00", "alice", "priority: P4"],
      ["commented", "2026-10-19 11:00", "alice"],
      ["commented", "2026-10-20 10:00", "pat"],
      ["commented", "2026-10-20 11:00", "pat"],
    ]);
    const next = first(sla(t, "2026-10-20 12:00").metrics, "nextResponse");
    expect(asLocal(next.start)).toBe("2026-10-20 10:00");
    expect(asLocal(next.due ?? 0)).toBe("2026-10-26 18:00");
    expect(next.state).toBe("running");
  });
});
