import { PAGE_KEY } from "../core/markers.js";
import { mention } from "../core/markdown/safe-text.js";
import { marker } from "../core/markers.js";
import { notifyTicketNotices } from "./notify-tickets.js";
import { parseAlertPayload } from "../config/alert-payload.js";
import { readAll } from "../github/read-all.js";
import { lastPageAt } from "../core/alerts/alert-issue.js";
import { planEscalation } from "../core/alerts/plan-escalation.js";
import { buildSlaPolicy } from "../core/sla/policy.js";
import { ingestAlerts } from "../github/alert-intake.js";
import { applyTicketActions } from "../github/apply-actions.js";
import { loadRepoConfig } from "../github/repo-config.js";
import { runbookLinks } from "../github/runbook-links.js";
import { fetchTicket } from "../github/ticket-query.js";
import { splitRepo, type GitHubTransport } from "../github/transport.js";
import type { FirstlineService } from "./service.js";
import type { PendingPage } from "./state/state-store.js";
import { tellPagers } from "./tell-pagers.js";
import { issueUrl, pageKey } from "../core/paging/page-event.js";
import { clientOfLabel } from "../core/labels.js";
import { pagersOf } from "../core/paging/pagers-of.js";
import { lastPage } from "../core/paging/acknowledge-page.js";
import type { FirstlineConfig } from "../core/config/firstline-config.js";

interface Logger {
  warn: (obj: object, msg?: string) => void;
  info: (obj: object, msg?: string) => void;
}

/** Where the agency's configuration, rota and runbooks live: the home of alerts. */
export async function home(params: { service: FirstlineService; repo: string }) {
  const gh = await params.service.githubFor(params.repo, null);
  if (!gh) return { error: `the app is not installed on ${params.repo}` } as const;
  const loaded = await loadRepoConfig({ gh, reader: params.service.reader, repo: params.repo });
  if (loaded.kind !== "valid")
    return {
      error: `the configuration of ${params.repo} is ${loaded.kind === "absent" ? "missing" : "broken"}`,
    } as const;
  const config = loaded.config;
  const policy = buildSlaPolicy({ config, teamMembers: await params.service.teamMembers(gh, config) });
  return { gh, config, policy } as const;
}

/**
 * `POST /firstline/alerts`: Alertmanager's webhook (version 4) or a plain JSON alert. A bad body is
 * a 400 with the reason and creates nothing; each alert becomes (or updates) its issue, and a page
 * out of hours starts the escalation clock.
 */
export async function receiveAlerts(params: {
  service: FirstlineService;
  homeRepo: string;
  body: string;
  log: Logger;
}): Promise<{ status: number; json: unknown }> {
  const { service, homeRepo, log } = params;
  const found = await home({ service, repo: homeRepo });
  if ("error" in found) return { status: 503, json: { message: found.error } };
  const { gh, config, policy } = found;
  const parsed = parseAlertPayload({ body: params.body, clientLabel: config.alerts.clientLabel });
  if (!parsed.ok) return { status: 400, json: { message: parsed.reason } };
  const now = service.now();
  const responders = (await service.responders({
    gh,
    config,
    repo: config.supportRepo ?? homeRepo,
    now,
    policy,
  })) ?? { support: null, onCall: null, inHours: false };
  const links = await runbookLinks({
    gh,
    reader: service.reader,
    repo: config.supportRepo ?? homeRepo,
    dir: "runbooks",
    siteUrl: config.alerts.runbookBaseUrl,
  });
  const botLogin = await service.botLogin();
  const results = await ingestAlerts({
    alerts: parsed.alerts,
    ghFor: async (repo) => (await service.githubFor(repo, gh)) ?? gh,
    config,
    policy,
    homeRepo,
    runbookUrlFor: (name) => links.get(name) ?? null,
    responders,
    now: () => service.now(),
    botLogin,
    sendPage: async (page, issue) => {
      const alert = parsed.alerts.find((a) => page.message.includes(a.name));
      await tellPagers({
        service,
        config,
        gh,
        log,
        event: {
          action: "trigger",
          key: pageKey(issue),
          summary: page.message,
          logins: page.logins,
          by: null,
          url: issueUrl(issue),
          repo: issue.repo,
          number: issue.number,
          client: alert?.client ?? null,
          at: page.at,
        },
      });
      // The alert issue carries its page in its body: the people paged hear of it on Slack or by email too.
      const written = `${marker(PAGE_KEY)}\n${page.logins.map(mention).join(" ")} ${page.message}`;
      await notifyTicketNotices({
        service,
        gh: (await service.githubFor(issue.repo, gh)) ?? gh,
        repo: issue.repo,
        number: issue.number,
        written: [written],
        config,
        log,
      });
    },
  });
  for (const result of results) {
    if (result.page && result.repo && result.number !== null)
      await service.watchPage(
        `${result.repo}#${result.number}`,
        { repo: result.repo, number: result.number, homeRepo },
        { pagedAt: service.now(), steps: config.alerts.escalation },
      );
    if (result.outcome === "resolve" && result.repo && result.number !== null)
      await resolveAtPagers({
        service,
        config,
        gh: (await service.githubFor(result.repo, gh)) ?? gh,
        issue: { repo: result.repo, number: result.number },
        log,
      });
  }
  log.info(
    { format: parsed.format, alerts: results.map((r) => `${r.name}:${r.outcome}`) },
    "alerts received",
  );
  return { status: 200, json: { alerts: results } };
}

/**
 * Escalates pages nobody on call has acknowledged: each due step mentions the second line (or the
 * configured logins) on the issue and pages them. Runs every minute on a long-lived server and
 * with every sweep; acknowledged or resolved alerts leave the watch list.
 */
export async function escalatePages(params: { service: FirstlineService; log: Logger }): Promise<number> {
  const { service, log } = params;
  let steps = 0;
  for (const [key, pending] of await service.pendingPages.list()) {
    // Under the ticket's lock, and decided from the issue as it is now: an instance that took the
    // step a moment ago has left its mark there, so no step is sent twice.
    steps += await service.locks.run(key, () => escalatePage({ service, log, key, pending }));
  }
  return steps;
}

/** One page's due escalation steps, if any; returns how many actions it took. */
async function escalatePage(params: {
  service: FirstlineService;
  log: Logger;
  key: string;
  pending: PendingPage;
}): Promise<number> {
  const { service, log, key, pending } = params;
  let steps = 0;
  const found = await home({ service, repo: pending.homeRepo });
  if ("error" in found) return 0;
  const { config, policy } = found;
  const gh: GitHubTransport = (await service.githubFor(pending.repo, found.gh)) ?? found.gh;
  const snapshot = await fetchTicket({
    gh,
    repo: pending.repo,
    number: pending.number,
    botLogin: await service.botLogin(),
  });
  if (!snapshot) {
    await service.pendingPages.delete(key);
    return 0;
  }
  const botLogin = await service.botLogin();
  const issue = {
    repo: pending.repo,
    number: pending.number,
    state: snapshot.state,
    author: snapshot.author,
    body: snapshot.body ?? "",
    createdAt: snapshot.createdAt,
    comments: snapshot.comments,
  };
  const pagedAt = lastPageAt({ issue, botLogin });
  if (pagedAt === null) {
    await service.pendingPages.delete(key);
    return 0;
  }
  const reactions = (
    await readAll(gh, "GET /repos/{owner}/{repo}/issues/{issue_number}/reactions", {
      ...splitRepo(pending.repo),
      issue_number: pending.number,
    })
  ).map((r) => ({ login: r.user?.login ?? "ghost", at: Date.parse(r.created_at) }));
  const now = service.now();
  const responders = await service.responders({
    gh: found.gh,
    config,
    repo: config.supportRepo ?? pending.homeRepo,
    now,
    policy,
  });
  const onCall = {
    primary: responders?.onCall?.primary ?? null,
    secondLine: responders?.onCall?.secondLine ?? [],
  };
  const plan = planEscalation({
    issue: { state: snapshot.state, comments: snapshot.comments, reactions, assignees: snapshot.assignees },
    pagedAt,
    onCall,
    steps: config.alerts.escalation,
    now,
    botLogin,
    subject: snapshot.labels.includes("type: alert") ? "this alert" : "this ticket",
  });
  if (plan.actions.length > 0) {
    await applyTicketActions({ gh, repo: pending.repo, number: pending.number, actions: plan.actions });
    await notifyTicketNotices({
      service,
      gh,
      repo: pending.repo,
      number: pending.number,
      actions: plan.actions,
      config,
      log,
    });
    steps += plan.actions.length;
    for (const n of plan.due) {
      const step = config.alerts.escalation[n - 1];
      const logins = step ? (step.notify === "second-line" ? onCall.secondLine : step.notify) : [];
      if (logins.length === 0) continue;
      const client = snapshot.labels.map(clientOfLabel).find((c) => c !== undefined) ?? null;
      await tellPagers({
        service,
        config,
        gh,
        log,
        event: {
          action: "escalate",
          key: pageKey(pending),
          summary: `Escalated, not acknowledged: ${snapshot.title}`.slice(0, 300),
          logins,
          by: null,
          url: issueUrl(pending),
          repo: pending.repo,
          number: pending.number,
          client,
          at: now,
        },
      });
    }
  }
  if (plan.acknowledged || snapshot.state === "closed" || plan.nextAt === null)
    await service.pendingPages.delete(key);
  else await service.escalationWakeups.at(key, plan.nextAt);
  return steps;
}

/** A wake-up for one page: its due steps, if it is still on the watch list. */
export async function escalateOne(params: {
  service: FirstlineService;
  log: Logger;
  key: string;
}): Promise<void> {
  const { service, log, key } = params;
  const pending = (await service.pendingPages.list()).find(([k]) => k === key)?.[1];
  if (!pending) return;
  await service.locks.run(key, () => escalatePage({ service, log, key, pending }));
}

/** An issue that was paged is resolved (the alert resolved, the ticket closed): the pagers close it too. */
export async function resolveAtPagers(params: {
  service: FirstlineService;
  config: FirstlineConfig;
  gh: GitHubTransport;
  issue: { repo: string; number: number };
  log: Logger;
}): Promise<void> {
  const { service, config, gh, issue, log } = params;
  if (pagersOf(config.alerts).length === 0) return;
  const botLogin = await service.botLogin();
  const snapshot = await fetchTicket({ gh, repo: issue.repo, number: issue.number, botLogin });
  if (!snapshot || lastPage({ snapshot, botLogin }) === null) return;
  await service.pendingPages.delete(`${issue.repo}#${issue.number}`);
  const client = snapshot.labels.map(clientOfLabel).find((c) => c !== undefined) ?? null;
  await tellPagers({
    service,
    config,
    gh,
    log,
    event: {
      action: "resolve",
      key: pageKey(issue),
      summary: snapshot.title,
      logins: [],
      by: null,
      url: issueUrl(issue),
      repo: issue.repo,
      number: issue.number,
      client,
      at: service.now(),
    },
  });
}
