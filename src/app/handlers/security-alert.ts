import type { Context } from "probot";
import { isTicketRepository } from "../../core/triage/classify.js";
import { syncSecurityTickets } from "../../github/maintenance.js";
import { transportOf } from "../../github/transport.js";
import type { FirstlineService } from "../service.js";
import { ticketScope } from "../ticket-scope.js";

/**
 * A Dependabot alert created, fixed, dismissed or reopened in a client repository: the package's
 * one maintenance ticket is opened, updated in place, or closed when no alert stays open.
 */
export async function handleDependabotAlert(context: Context<"dependabot_alert">, service: FirstlineService): Promise<void> {
  if (!service.deliveries.firstTime(context.id)) return;
  const repo = context.payload.repository.full_name;
  const gh = transportOf(context.octokit);
  const botLogin = await service.botLogin();
  const pkg = context.payload.alert.dependency?.package;
  if (!pkg) return;
  const { ecosystem, name } = pkg;
  await service.locks.run(`${repo}:security:${ecosystem}/${name}`, async () => {
    const scope = await ticketScope({ service, gh, repo, botLogin, log: context.log });
    if (!scope || !isTicketRepository(scope.config, repo)) return;
    const results = await syncSecurityTickets({ gh, repo, config: scope.config, botLogin, package: { ecosystem, name } });
    context.log.info({ repo, package: `${ecosystem}/${name}`, results }, "security alert");
  });
}
