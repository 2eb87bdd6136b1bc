import { notifyTicketNotices } from "./notify-tickets.js";
import { parsePagerAck, type PagerAck } from "../config/pager-webhook-schemas.js";
import { planPageAcknowledgement } from "../core/paging/acknowledge-page.js";
import { issueOfPageKey, issueUrl, type PageEvent } from "../core/paging/page-event.js";
import { loginOfPagerUser, pagerName, pagersOf } from "../core/paging/pagers-of.js";
import { clientOfLabel } from "../core/labels.js";
import { applyTicketActions } from "../github/apply-actions.js";
import { fetchTicket } from "../github/ticket-query.js";
import { home } from "./alerts.js";
import type { FirstlineService } from "./service.js";
import { tellPagers } from "./tell-pagers.js";
import { isServedRepository } from "../core/repositories.js";

interface Logger {
  warn: (obj: object, msg?: string) => void;
  info: (obj: object, msg?: string) => void;
}

/**
 * A pager's webhook says a page was acknowledged or resolved: note it on the issue (who and when),
 * which stops the escalation, and tell the other pagers. The body is hostile until parsed; a key
 * Firstline did not make, an issue outside the configuration's repositories or without a page,
 * and a delivery already handled change nothing.
 */
export async function receivePagerAck(params: {
  readonly service: FirstlineService;
  readonly homeRepo: string;
  readonly source: PagerAck["source"];
  readonly body: string;
  readonly log: Logger;
}): Promise<{ status: number; json: unknown }> {
  const { service, homeRepo, log } = params;
  const parsed = parsePagerAck({ source: params.source, body: params.body });
  if (!parsed.ok) return { status: 400, json: { message: parsed.reason } };
  const ack = parsed.ack;
  if (!ack)
    return { status: 200, json: { outcome: "ignored", reason: "not an acknowledgement or resolution" } };
  const issue = issueOfPageKey(ack.key);
  if (!issue) return { status: 200, json: { outcome: "ignored", reason: "not a Firstline page" } };
  const found = await home({ service, repo: homeRepo });
  if ("error" in found) return { status: 503, json: { message: found.error } };
  const { config } = found;
  if (!isServedRepository({ config, supportRepo: config.supportRepo ?? homeRepo, repo: issue.repo }))
    return { status: 200, json: { outcome: "ignored", reason: "not a repository of this configuration" } };
  let outcome = "unchanged";
  const first = await service.deliveries.once(`${ack.source}:${ack.eventId}`, async () => {
    const gh = (await service.githubFor(issue.repo, found.gh)) ?? found.gh;
    const botLogin = await service.botLogin();
    await service.locks.run(`${issue.repo}#${issue.number}`, async () => {
      const snapshot = await fetchTicket({ gh, repo: issue.repo, number: issue.number, botLogin });
      if (!snapshot) return;
      const pager = pagersOf(config.alerts).find((p) => p.kind === ack.source);
      const users = pager && "users" in pager ? pager.users : {};
      // The generic webhook names people by GitHub login (as documented); the vendors by their own ids.
      const named =
        ack.source === "webhook"
          ? ack.identities.find((i) => /^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(i))
          : undefined;
      const login = loginOfPagerUser({ users, identities: ack.identities }) ?? named ?? null;
      const now = service.now();
      const action = planPageAcknowledgement({
        snapshot,
        botLogin,
        via: pagerName(ack.source),
        kind: ack.kind,
        login,
        name: ack.name,
        at: ack.at ?? now,
        zone: config.timezone,
      });
      if (!action) return;
      await applyTicketActions({ gh, repo: issue.repo, number: issue.number, actions: [action] });
      await notifyTicketNotices({
        service,
        gh,
        repo: issue.repo,
        number: issue.number,
        actions: [action],
        config,
        log,
      });
      await service.pendingPages.delete(`${issue.repo}#${issue.number}`);
      outcome = ack.kind === "resolve" ? "resolved" : "acknowledged";
      // The other pagers hear of it too, so nobody else's phone keeps ringing.
      const others = {
        ...config,
        alerts: {
          ...config.alerts,
          pagers: pagersOf(config.alerts).filter((p) => p.kind !== ack.source),
          pagerUrl: null,
        },
      };
      const client = snapshot.labels.map(clientOfLabel).find((c) => c !== undefined) ?? null;
      const event: PageEvent = {
        action: ack.kind,
        key: ack.key,
        summary: snapshot.title,
        logins: [],
        by: login,
        url: issueUrl(issue),
        repo: issue.repo,
        number: issue.number,
        client,
        at: now,
      };
      await tellPagers({ service, config: others, gh, event, log });
    });
  });
  if (!first) outcome = "duplicate";
  log.info({ source: ack.source, key: ack.key, outcome }, "pager acknowledgement");
  return { status: 200, json: { outcome } };
}
