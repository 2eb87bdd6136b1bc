import { DateTime } from "luxon";
import { readAll } from "./read-all.js";
import { LABELS } from "../core/labels.js";
import { pagesOnIssue, type PageRecord } from "../core/paging/pages-on-issue.js";
import { pageAcks, type PageAck } from "../core/paging/woken.js";
import type { Rota } from "../core/rota/types.js";
import { whoIsOn } from "../core/rota/who.js";
import type { WorkingCalendar } from "../core/time/calendar.js";
import { toilAlertsFromIssues, type AlertIssue } from "../core/toil/from-issues.js";
import { computeToil, type ToilReport } from "../core/toil/toil.js";
import { splitRepo, type GitHubTransport } from "./transport.js";

/**
 * The TOIL of a period from GitHub: the alert issues opened in it and the emergency tickets paged
 * in it, in the given repositories, with the `/toil woke 90m` claims written on them. Who was on
 * call comes from the rota; anyone Firstline paged on an issue may claim too. Also returns the
 * pages and acknowledgements read, for the on-call report. Page markers are trusted only from
 * `botLogin` (or, when it is not known, from an app account: a login ending in `[bot]`).
 */
export async function toilFromGitHub(params: {
  readonly gh: GitHubTransport;
  readonly repos: readonly string[];
  readonly from: number;
  readonly to: number;
  readonly rota: Rota;
  readonly zone: string;
  readonly calendar: WorkingCalendar;
  readonly botLogin?: string;
}): Promise<{
  report: ToilReport;
  refused: ReturnType<typeof toilAlertsFromIssues>["refused"];
  pages: PageRecord[];
  acks: PageAck[];
}> {
  const { gh, from, to } = params;
  const trusted = (login: string) =>
    params.botLogin ? login.toLowerCase() === params.botLogin.toLowerCase() : login.endsWith("[bot]");
  const issues: AlertIssue[] = [];
  const pages: PageRecord[] = [];
  const acks: PageAck[] = [];
  for (const repo of params.repos) {
    const where = splitRepo(repo);
    const seen = new Set<number>();
    for (const label of [LABELS.type("alert"), LABELS.priority("P1")]) {
      {
        const batch = await readAll(gh, "GET /repos/{owner}/{repo}/issues", {
          ...where,
          labels: label,
          state: "all",
          since: new Date(from).toISOString(),
        });
        for (const item of batch) {
          if (item.pull_request || seen.has(item.number)) continue;
          seen.add(item.number);
          const labels = item.labels.map((l) => (typeof l === "string" ? l : (l.name ?? "")));
          const isAlert = labels.includes(LABELS.type("alert"));
          const createdAt = Date.parse(item.created_at);
          if (isAlert && (createdAt < from || createdAt >= to)) continue;
          const comments = (
            await readAll(gh, "GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
              ...where,
              issue_number: item.number,
            })
          ).map((c) => ({
            id: c.id,
            author: c.user?.login ?? "ghost",
            createdAt: Date.parse(c.created_at),
            body: c.body ?? "",
          }));
          const author = item.user?.login ?? "ghost";
          const texts = [{ author, createdAt, body: item.body ?? "" }, ...comments];
          const paged = pagesOnIssue({ texts, trusted });
          const firstPage = paged.find((p) => p.kind === "page")?.at;
          // An emergency ticket counts from its first page, in the period; a P1 never paged earns nothing.
          const at = isAlert ? createdAt : firstPage;
          if (at === undefined || at < from || at >= to) continue;
          issues.push({
            issue: { repo, number: item.number },
            openedAt: at,
            comments,
            paged: paged.flatMap((p) => p.logins),
          });
          pages.push(...paged);
          const snapshot = {
            repo,
            number: item.number,
            title: item.title,
            body: item.body ?? null,
            author,
            state: item.state === "closed" ? ("closed" as const) : ("open" as const),
            createdAt,
            labels,
            assignees: [],
            comments,
            events: [],
          };
          if (params.botLogin) acks.push(...pageAcks({ snapshot, botLogin: params.botLogin }));
        }
      }
    }
  }
  const onCallAt = (ms: number) =>
    whoIsOn({ rota: params.rota, at: DateTime.fromMillis(ms, { zone: params.zone }), zone: params.zone })
      .onCall;
  const { alerts, refused } = toilAlertsFromIssues({ issues, onCallAt });
  return { report: computeToil({ alerts, calendar: params.calendar }), refused, pages, acks };
}
