import type { CliCommand } from "./command.js";
import { alertIngestCommand } from "./commands/alert-ingest.js";
import { maintenancePlanCommand } from "./commands/maintenance-plan.js";
import { rotaCheckCommand } from "./commands/rota-check.js";
import { rotaDiffCommand } from "./commands/rota-diff.js";
import { rotaIcsCommand } from "./commands/rota-ics.js";
import { rotaPlanCommand } from "./commands/rota-plan.js";
import { rotaWhoCommand } from "./commands/rota-who.js";
import { runbooksCheckCommand } from "./commands/runbooks-check.js";
import { siteBuildCommand } from "./commands/site-build.js";
import { slaDueCommand } from "./commands/sla-due.js";
import { slaExplainCommand } from "./commands/sla-explain.js";
import { slaReportCommand } from "./commands/sla-report.js";
import { slaStatusCommand } from "./commands/sla-status.js";
import { toilCommand } from "./commands/toil.js";
import { triageCommand } from "./commands/triage.js";

/** Every `firstline` command, in the order `--help` lists them. One import a command. */
export const commands: readonly CliCommand[] = [
  slaDueCommand,
  slaStatusCommand,
  slaExplainCommand,
  slaReportCommand,
  triageCommand,
  rotaCheckCommand,
  rotaDiffCommand,
  rotaWhoCommand,
  rotaPlanCommand,
  rotaIcsCommand,
  runbooksCheckCommand,
  siteBuildCommand,
  toilCommand,
  alertIngestCommand,
  maintenancePlanCommand,
];
