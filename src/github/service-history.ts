import { DateTime } from "luxon";
import type { TicketSnapshot } from "../core/ticket/snapshot.js";
import { searchOpenTicketsReporting } from "./search-tickets.js";
import type { GitHubTransport } from "./transport.js";

/**
 * The tickets behind the service charts: every issue of the repositories opened in the last
 * `months` local calendar months (the current one included), open or closed, read with the
 * sweep's search, 100 a request. Meant to run once a day or a month, not every sweep.
 */
export async function readServiceHistory(params: {
  readonly gh: GitHubTransport;
  readonly repos: readonly string[];
  readonly now: number;
  readonly zone: string;
  readonly months: number;
  /** Firstline's own login: only issues it opened are read as email tickets (null: none is). */
  readonly botLogin: string | null;
}): Promise<{ tickets: TicketSnapshot[]; unreadable: string[] }> {
  const from =
    DateTime.fromMillis(params.now, { zone: params.zone })
      .startOf("month")
      .minus({ months: params.months - 1 })
      .toISODate() ?? "";
  return searchOpenTicketsReporting({
    gh: params.gh,
    repos: params.repos,
    botLogin: params.botLogin,
    qualifiers: `is:issue created:>=${from}`,
  });
}
