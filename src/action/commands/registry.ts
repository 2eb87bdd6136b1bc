import type { ActionContext } from "../context.js";
import type { ActionCommand } from "../inputs.js";

/** What an Action command is: it reads its inputs and files, talks to GitHub if it must, and reports. */
export type ActionCommandRun = (context: ActionContext) => Promise<void>;

/**
 * Each command loaded only when it runs, so a run pays for its own code alone: `rota-check` never
 * loads the GitHub client, `sla-sweep` never loads the runbook site's markdown renderer. The
 * bundler turns each of these imports into a file of its own.
 */
export const ACTION_COMMAND_LOADERS: Record<ActionCommand, () => Promise<ActionCommandRun>> = {
  "sla-sweep": async () => (await import("./sla-sweep.js")).actionSlaSweep,
  "sla-report": async () => (await import("./sla-report.js")).actionSlaReport,
  "rota-check": async () => (await import("./rota-check.js")).actionRotaCheck,
  "publish-rota": async () => (await import("./publish-rota.js")).actionPublishRota,
  "check-rota-change": async () => (await import("./check-rota-change.js")).actionCheckRotaChange,
  "rota-horizon": async () => (await import("./rota-horizon.js")).actionRotaHorizon,
  "runbooks-check": async () => (await import("./runbooks-check.js")).actionRunbooksCheck,
  "site-build": async () => (await import("./site-build.js")).actionSiteBuild,
  toil: async () => (await import("./toil.js")).actionToil,
};
