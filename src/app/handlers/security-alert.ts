import type { Context } from "probot";
import { syncScanningTicket, syncSecurityTickets } from "../../github/maintenance.js";
import { transportOf } from "../../github/transport.js";
import type { FirstlineService } from "../service.js";
import { ticketScope, type TicketScope } from "../ticket-scope.js";

type SecurityContext =
  Context<"dependabot_alert"> | Context<"code_scanning_alert"> | Context<"secret_scanning_alert">;

/**
 * The guard the security handlers share: each delivery once, one at a time per ticket key, only
 * in repositories whose configuration makes issues tickets; new tickets go to this week's pair.
 */
async function withSecurityScope(
  context: SecurityContext,
  service: FirstlineService,
  lockKey: string,
  work: (params: { scope: TicketScope; assignees: string[] }) => Promise<unknown>,
): Promise<void> {
  await service.deliveries.once(context.id, async () => {
    const repo = context.payload.repository.full_name;
    const gh = transportOf(context.octokit);
    const botLogin = await service.botLogin();
    await service.locks.run(`${repo}:${lockKey}`, async () => {
      const scope = await ticketScope({ service, gh, repo, botLogin, log: context.log });
      if (!scope) return;
      const responders = await service.responders(scope);
      const assignees = responders?.support
        ? [responders.support.developer, responders.support.operations]
        : [];
      const result = await work({ scope, assignees });
      context.log.info({ repo, key: lockKey, result }, "security alert");
    });
  });
}

/**
 * A Dependabot alert created, fixed, dismissed or reopened in a client repository: the package's
 * one maintenance ticket is opened (assigned to this week's pair), updated in place, or closed when
 * no alert stays open.
 */
export async function handleDependabotAlert(
  context: Context<"dependabot_alert">,
  service: FirstlineService,
): Promise<void> {
  const pkg = context.payload.alert.dependency?.package;
  if (!pkg) return;
  const { ecosystem, name } = pkg;
  await withSecurityScope(context, service, `security:${ecosystem}/${name}`, ({ scope, assignees }) =>
    syncSecurityTickets({
      gh: scope.gh,
      repo: scope.repo,
      config: scope.config,
      botLogin: scope.botLogin,
      package: { ecosystem, name },
      assignees,
    }),
  );
}

/** A code scanning alert changed: the rule's one ticket follows the repository's alerts of that rule. */
export async function handleCodeScanningAlert(
  context: Context<"code_scanning_alert">,
  service: FirstlineService,
): Promise<void> {
  const ruleId = context.payload.alert.rule.id;
  await withSecurityScope(context, service, `code-scanning:${ruleId}`, ({ scope, assignees }) =>
    syncScanningTicket({
      gh: scope.gh,
      repo: scope.repo,
      kind: "code",
      id: ruleId,
      config: scope.config,
      botLogin: scope.botLogin,
      assignees,
    }),
  );
}

/** A secret scanning alert changed: the secret type's one ticket follows the repository's alerts of that type. */
export async function handleSecretScanningAlert(
  context: Context<"secret_scanning_alert">,
  service: FirstlineService,
): Promise<void> {
  const secretType = context.payload.alert.secret_type;
  if (!secretType) return;
  await withSecurityScope(context, service, `secret-scanning:${secretType}`, ({ scope, assignees }) =>
    syncScanningTicket({
      gh: scope.gh,
      repo: scope.repo,
      kind: "secret",
      id: secretType,
      config: scope.config,
      botLogin: scope.botLogin,
      assignees,
    }),
  );
}
