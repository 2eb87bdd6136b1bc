import type { FirstlineConfig } from "../core/config/firstline-config.js";
import { findInList, readAll } from "./read-all.js";
import { createIssueOnce } from "./create-issue-once.js";
import type { Alert } from "../core/alerts/alert.js";
import type { ExistingAlertIssue } from "../core/alerts/alert-issue.js";
import { planAlert, targetRepo, type AlertPage, type AlertPlan } from "../core/alerts/plan-alert.js";
import { LABELS } from "../core/labels.js";
import type { SlaPolicy } from "../core/sla/policy.js";
import { alertKey, marker } from "../core/markers.js";
import type { Responders } from "../core/ticket/responders.js";
import { splitRepo, type GitHubTransport } from "./transport.js";

/** What the intake did with one alert. */
export interface IngestedAlert {
  readonly fingerprint: string;
  readonly name: string;
  readonly outcome: AlertPlan["kind"];
  readonly repo: string | null;
  readonly number: number | null;
  readonly reason?: string;
  readonly page: AlertPage | null;
}

/** The issue that already carries an alert's fingerprint marker, with its comments. */
async function findAlertIssue(params: {
  gh: GitHubTransport;
  repo: string;
  fingerprint: string;
  botLogin: string;
}): Promise<ExistingAlertIssue | null> {
  const { gh, repo, fingerprint, botLogin } = params;
  const where = splitRepo(repo);
  const wanted = marker(alertKey(fingerprint));
  const found = await findInList(
    gh,
    "GET /repos/{owner}/{repo}/issues",
    { ...where, labels: LABELS.type("alert"), state: "all", sort: "created", direction: "desc" },
    (i) =>
      !i.pull_request &&
      i.user?.login.toLowerCase() === botLogin.toLowerCase() &&
      (i.body ?? "").includes(wanted),
  );
  if (!found) return null;
  const comments = (
    await readAll(gh, "GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...where,
      issue_number: found.number,
    })
  ).map((c) => ({
    id: c.id,
    author: c.user?.login ?? "ghost",
    createdAt: Date.parse(c.created_at),
    body: c.body ?? "",
  }));
  return {
    repo,
    number: found.number,
    state: found.state === "closed" ? "closed" : "open",
    author: found.user?.login ?? "ghost",
    body: found.body ?? "",
    createdAt: Date.parse(found.created_at),
    comments,
  };
}

/**
 * Turns alerts into issues: one per fingerprint in the client's repository, a comment when it fires
 * again (reopening it after a resolution), a comment and close when it resolves. Pages go to the
 * configured pager URL as JSON, so a real pager can wake people; the mention on the issue keeps the
 * record. `ghFor` gives GitHub as the installation that holds a repository.
 */
export async function ingestAlerts(params: {
  readonly alerts: readonly Alert[];
  readonly ghFor: (repo: string) => Promise<GitHubTransport>;
  readonly config: FirstlineConfig;
  readonly policy: SlaPolicy;
  readonly homeRepo: string;
  readonly runbookUrlFor: (alertName: string) => string | null;
  readonly responders: Responders;
  readonly now: () => number;
  readonly botLogin: string;
  readonly sendPage: (
    page: AlertPage,
    issue: { readonly repo: string; readonly number: number },
  ) => Promise<void>;
}): Promise<IngestedAlert[]> {
  const results: IngestedAlert[] = [];
  for (const alert of params.alerts) {
    const repo = targetRepo({ alert, config: params.config, homeRepo: params.homeRepo });
    const gh = await params.ghFor(repo);
    const existing = await findAlertIssue({
      gh,
      repo,
      fingerprint: alert.fingerprint,
      botLogin: params.botLogin,
    });
    const plan = planAlert({ ...params, alert, existing, now: params.now() });
    const where = splitRepo(plan.kind === "ignore" ? repo : plan.repo);
    let number: number | null = existing?.number ?? null;
    // The same alert received twice at once (an HA pair): the second opening closes itself as a duplicate and pages no one.
    let duplicate = false;
    switch (plan.kind) {
      case "open": {
        const opened = await createIssueOnce({
          gh,
          repo: plan.repo,
          botLogin: params.botLogin,
          fields: { title: plan.title, body: plan.body, labels: plan.labels },
        });
        number = opened.number;
        duplicate = !opened.created;
        break;
      }
      case "comment":
        if (plan.reopen)
          await gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
            ...where,
            issue_number: plan.number,
            state: "open",
          });
        await gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
          ...where,
          issue_number: plan.number,
          body: plan.body,
        });
        break;
      case "resolve":
        await gh.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
          ...where,
          issue_number: plan.number,
          body: plan.body,
        });
        await gh.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
          ...where,
          issue_number: plan.number,
          state: "closed",
          state_reason: "completed",
        });
        break;
      case "ignore":
        break;
    }
    const page = plan.kind === "open" || plan.kind === "comment" ? plan.page : null;
    if (page && number !== null && !duplicate)
      await params.sendPage(page, { repo: plan.kind === "ignore" ? repo : plan.repo, number });
    results.push({
      fingerprint: alert.fingerprint,
      name: alert.name,
      outcome: plan.kind,
      repo: plan.kind === "ignore" ? null : plan.repo,
      number,
      ...(plan.kind === "ignore" ? { reason: plan.reason } : {}),
      page,
    });
  }
  return results;
}
