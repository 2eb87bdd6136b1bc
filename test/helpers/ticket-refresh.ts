import { planTicketRefresh, type RefreshPlan } from "../../src/core/ticket/plan-refresh.js";
import type { Responders } from "../../src/core/ticket/responders.js";
import type { TicketSnapshot } from "../../src/core/ticket/snapshot.js";
import { local } from "./calendars.js";
import { BOT, responders, ticketConfig, ticketPolicy } from "./ticket-fixtures.js";
import { applyActions } from "./ticket-snapshot.js";

/** The refresh planned at a London wall-clock time; in hours with this week's pair unless told. */
export function refresh(
  snapshot: TicketSnapshot,
  at: string,
  who: Responders | null = responders(true),
): RefreshPlan {
  return planTicketRefresh({
    snapshot,
    config: ticketConfig,
    policy: ticketPolicy,
    botLogin: BOT,
    responders: who,
    now: local(at),
  });
}

/** The snapshot after the refresh at `at` was carried out. */
export function settle(
  snapshot: TicketSnapshot,
  at: string,
  who: Responders | null = responders(true),
): TicketSnapshot {
  return applyActions(snapshot, refresh(snapshot, at, who).actions, local(at));
}
