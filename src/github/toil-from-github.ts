import { DateTime } from "luxon";
import { LABELS } from "../core/labels.js";
import type { Rota } from "../core/rota/types.js";
import { whoIsOn } from "../core/rota/who.js";
import type { WorkingCalendar } from "../core/time/calendar.js";
import { toilAlertsFromIssues, type AlertIssue } from "../core/toil/from-issues.js";
import { computeToil, type ToilReport } from "../core/toil/toil.js";
import { splitRepo, type GitHubTransport } from "./transport.js";

/**
 * The TOIL of a period from GitHub: the alert issues opened in it, in the given repositories, with
 * the `/toil woke 90m` claims the on-call people wrote on them. Who was on call comes from the rota.
 */
export async function toilFromGitHub(params: {
  readonly gh: GitHubTransport;
  readonly repos: readonly string[];
  readonly from: number;
  readonly to: number;
  readonly rota: Rota;
  readonly zone: string;
  readonly calendar: WorkingCalendar;
}): Promise<{ report: ToilReport; refused: ReturnType<typeof toilAlertsFromIssues>["refused"] }> {
  const { gh, from, to } = params;
  const issues: AlertIssue[] = [];
  for (const repo of params.repos) {
    const where = splitRepo(repo);
    for (let page = 1; page <= 20; page++) {
      const batch = (
        await gh.request<{ number: number; created_at: string; pull_request?: unknown }[]>("GET /repos/{owner}/{repo}/issues", {
          ...where,
          labels: LABELS.type("alert"),
          state: "all",
          since: new Date(from).toISOString(),
          per_page: 100,
          page,
        })
      ).data;
      for (const item of batch) {
        const openedAt = Date.parse(item.created_at);
        if (item.pull_request || openedAt < from || openedAt >= to) continue;
        const comments = (
          await gh.request<{ body?: string; created_at: string; user: { login: string } | null }[]>("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { ...where, issue_number: item.number, per_page: 100 })
        ).data;
        issues.push({
          issue: { repo, number: item.number },
          openedAt,
          comments: comments.map((c) => ({ author: c.user?.login ?? "ghost", createdAt: Date.parse(c.created_at), body: c.body ?? "" })),
        });
      }
      if (batch.length < 100) break;
    }
  }
  const onCallAt = (ms: number) => whoIsOn({ rota: params.rota, at: DateTime.fromMillis(ms, { zone: params.zone }), zone: params.zone }).onCall;
  const { alerts, refused } = toilAlertsFromIssues({ issues, onCallAt });
  return { report: computeToil({ alerts, calendar: params.calendar }), refused };
}
