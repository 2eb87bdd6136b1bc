import * as core from "@actions/core";
import { validateConfigYaml } from "../../shell/load-inputs.js";
import { sweptRepositories } from "../../core/config/swept-repositories.js";
import type { RawYaml } from "../../core/config/parse-yaml.js";
import type { EarlyRead } from "../../github/early-read.js";
import { readTeamMembers } from "../../github/team-members.js";
import { buildSlaPolicy } from "../../core/sla/policy.js";
import { formatLocal } from "../../core/time/format.js";
import { worstMetric } from "../../core/sweep/plan-sweep.js";
import { openDueMaintenance } from "../../github/maintenance.js";
import { agencyNotices, sweepAgency } from "../../github/sweep-agency.js";
import { WriteLog } from "../../github/write-log.js";
import { readRotaFolder } from "../../shell/rota-folder.js";
import { respondersAt } from "../../github/load-responders.js";
import type { Responders } from "../../core/ticket/responders.js";
import type { ActionContext } from "../context.js";
import { finish } from "../report.js";

/**
 * The sweep once its first page of tickets is asked for (`./sla-sweep.ts`): validate the
 * configuration, read the rota, sweep, open due upkeep, report.
 */
export async function sweepFromConfiguration(params: {
  readonly context: ActionContext;
  readonly source: RawYaml;
  readonly early: EarlyRead | undefined;
}): Promise<void> {
  const { context, source, early } = params;
  const config = validateConfigYaml(source);
  const gh = early?.gh ?? (await context.github());
  let teamMembers: string[] = [];
  if (config.staff.team) {
    teamMembers = await readTeamMembers({ gh, team: config.staff.team });
  }
  const policy = buildSlaPolicy({ config, teamMembers });
  const now = () => context.io.now().getTime();
  // The rota is read once, when the sweep first needs it: after the tickets have been asked for.
  let read: Responders | null | undefined;
  const currentResponders = (): Responders | null => {
    if (read !== undefined) return read;
    try {
      const rota = readRotaFolder({ dir: context.inputs["rota-dir"], io: context.io });
      read = respondersAt({
        rota,
        now: now(),
        zone: config.timezone,
        calendar: policy.termsFor({ repo: "" }).calendar,
      });
    } catch (error) {
      core.warning(`the rota could not be read, so notices mention nobody: ${(error as Error).message}`);
      read = null;
    }
    return read;
  };
  // With the first page on its way, the rota is read now, while GitHub answers.
  if (early) currentResponders();
  const supportRepo = config.supportRepo ?? context.repository;
  const botLogin = context.inputs["bot-login"];
  const repos = sweptRepositories(config, context.repository);
  // The app's sweep, with one token for every repository; a dry run's transport records its writes.
  const sweep = await sweepAgency({
    parts: [{ gh, repos, writeLog: new WriteLog() }],
    supportGh: gh,
    supportRepo,
    config,
    policy,
    botLogin,
    responders: currentResponders,
    now,
    notices: (failures) => {
      for (const failure of failures)
        core.warning(
          `${failure.repo}${failure.number === undefined ? "" : `#${failure.number}`} could not be swept (${failure.status ?? "no answer"}): ${failure.message}`,
        );
      return agencyNotices({ supportRepo, ignored: [], notInstalled: [], failures });
    },
  });
  const responders = currentResponders();
  // Scheduled upkeep due today opens here too (each occurrence once: the bot's issues say which
  // have opened), so the backstop keeps maintenance going when the app is down.
  const maintenance = await openDueMaintenance({
    ghFor: async () => gh,
    config,
    policy,
    botLogin,
    now: now(),
    assignees: responders?.support ? [responders.support.developer, responders.support.operations] : [],
  });
  const result = {
    tickets: sweep.tickets,
    ticketsChanged: sweep.ticketsChanged,
    writes: sweep.writes + maintenance.opened.length,
    deferred: sweep.deferred,
    failures: sweep.failures,
    swept: sweep.swept,
    dashboard: sweep.dashboard.outcome,
    maintenanceOpened: maintenance.opened.length,
  };
  const rows = result.swept
    .filter((t) => ["breached", "at-risk"].includes(worstMetric(t.sla)?.state ?? ""))
    .map((t) => {
      const worst = worstMetric(t.sla);
      return `| ${t.snapshot.repo}#${t.snapshot.number} | ${t.sla.terms.id} | ${t.sla.priority} | ${worst?.metric ?? ""} | ${worst?.due == null ? "on hold" : formatLocal(worst.due, config.timezone)} | ${worst?.state ?? ""} |`;
    });
  const summary = [
    `## SLA sweep${context.dryRun ? " (dry run)" : ""}`,
    "",
    `${result.tickets} open tickets; ${result.ticketsChanged} brought up to date with ${result.writes} writes; ${result.deferred} left for the next sweep (write limits); dashboard ${result.dashboard}.`,
    "",
    ...(rows.length > 0
      ? ["| ticket | client | priority | metric | due | state |", "|---|---|---|---|---|---|", ...rows]
      : ["No ticket is at risk or breached."]),
  ].join("\n");
  const { swept: _swept, ...json } = result;
  await finish({ summary, result: json, dryRun: context.dryRun });
}
