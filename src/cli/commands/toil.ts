import { DateTime } from "luxon";
import * as z from "zod";
import type { FirstlineConfig } from "../../core/config/firstline-config.js";
import { CONFIG_PATH } from "../../core/config/firstline-config.js";
import { toilAlertLogSchema } from "../../config/toil-schema.js";
import { agencyCalendar } from "../../core/toil/calendar.js";
import type { RefusedToilClaim } from "../../core/toil/from-issues.js";
import { toilCsv, toilJson, toilTable } from "../../core/toil/report.js";
import { computeToil, type ToilReport } from "../../core/toil/toil.js";
import { formatLocalWithYear, isoInstant } from "../../core/time/format.js";
import { toilFromGitHub } from "../../github/toil-from-github.js";
import { defineCommand, printJson, type CommandIo } from "../command.js";
import { cliGitHub, repoOption, withGitHubErrors } from "../github-client.js";
import { readConfigFile, readJsonFile } from "../../shell/load-inputs.js";
import { dateOption } from "../../shell/options.js";
import { readRotaFolder } from "../../shell/rota-folder.js";

const schema = z.object({
  config: z.string().default(CONFIG_PATH),
  alerts: z.string().min(1).optional(),
  repo: z.array(repoOption).optional(),
  from: dateOption.optional(),
  to: dateOption.optional(),
  "rota-dir": z.string().min(1).optional(),
  csv: z.boolean().default(false),
});

type ToilOptions = z.output<typeof schema>;

/** Why the options cannot be used together, or null when they can. */
function optionProblem(options: ToilOptions, json: boolean): string | null {
  if (json && options.csv) return "--csv and --json cannot be used together";
  if (options.alerts !== undefined && options.repo !== undefined)
    return "--alerts and --repo cannot be used together: give a local alert log or repositories whose alert issues to read";
  if (options.alerts === undefined && options.repo === undefined)
    return "--alerts is required (or --repo with --from and --to, to read the alert issues on GitHub)";
  if (options.alerts !== undefined) {
    const stray = (["from", "to", "rota-dir"] as const).filter((name) => options[name] !== undefined);
    return stray.length === 0
      ? null
      : `${stray.map((name) => `--${name}`).join(", ")} only go${stray.length === 1 ? "es" : ""} with --repo`;
  }
  if (options.from === undefined) return "--from is required with --repo";
  if (options.to === undefined) return "--to is required with --repo";
  if (options.to < options.from) return `--to ${options.to} is before --from ${options.from}`;
  return null;
}

/** The ledger from the alert issues of the repositories, opened from `from` to `to` (both days included, in the agency's zone). */
async function toilOnGitHub(params: {
  io: CommandIo;
  config: FirstlineConfig;
  repos: readonly string[];
  from: string;
  to: string;
  rotaDir: string;
}) {
  const { io, config } = params;
  const zone = config.timezone;
  const rota = readRotaFolder({ dir: params.rotaDir, io });
  const gh = cliGitHub({ io, command: "toil" });
  const from = DateTime.fromISO(params.from, { zone }).startOf("day").toMillis();
  const to = DateTime.fromISO(params.to, { zone }).plus({ days: 1 }).startOf("day").toMillis();
  return withGitHubErrors({
    command: "toil",
    work: () =>
      toilFromGitHub({ gh, repos: params.repos, from, to, rota, zone, calendar: agencyCalendar(config) }),
  });
}

function refusedJson(refused: readonly RefusedToilClaim[]) {
  return refused.map((claim) => ({
    issue: `${claim.issue.repo}#${claim.issue.number}`,
    author: claim.author,
    at: isoInstant(claim.createdAt),
    reason: claim.reason,
  }));
}

function refusedLines(params: { refused: readonly RefusedToilClaim[]; zone: string }): string[] {
  return params.refused.map(
    (claim) =>
      `${claim.issue.repo}#${claim.issue.number}, ${claim.author} at ${formatLocalWithYear(claim.createdAt, params.zone)}: ${claim.reason}`,
  );
}

function print(params: {
  io: CommandIo;
  report: ToilReport;
  refused: readonly RefusedToilClaim[] | null;
  json: boolean;
  csv: boolean;
  zone: string;
}): void {
  const { io, report, refused, zone } = params;
  if (params.json) {
    printJson(
      io,
      refused === null ? toilJson(report) : { ...toilJson(report), refused: refusedJson(refused) },
    );
  } else if (params.csv) {
    io.stdout(toilCsv(report));
    // The CSV goes to the HR system as it is; claims that were not counted are said on stderr.
    for (const line of refusedLines({ refused: refused ?? [], zone }))
      io.stderr(`firstline toil: not counted: ${line}\n`);
  } else {
    io.stdout(toilTable({ report, zone }));
    if (refused && refused.length > 0)
      io.stdout(
        `${["", "Claims not counted:", ...refusedLines({ refused, zone }).map((line) => `  ${line}`)].join("\n")}\n`,
      );
  }
}

/**
 * `toil`: TOIL per person, as JSON, a table or CSV for the HR system. From a local alert log
 * (`--alerts`), or from GitHub (`--repo`, repeatable): the alert issues opened from `--from` to
 * `--to` and the `/toil woke 90m` claims the people on call then (per the rota folder) wrote on them.
 */
export const toilCommand = defineCommand({
  name: "toil",
  summary: "TOIL per person from a log of out-of-hours alerts, or from alert issues on GitHub",
  usage: [
    "firstline toil --config F --alerts ALERTS.json [--csv] [--json]",
    "firstline toil --config F --repo OWNER/REPO [--repo ...] --from YYYY-MM-DD --to YYYY-MM-DD [--rota-dir D] [--csv] [--json]   (GITHUB_TOKEN or GH_TOKEN; GITHUB_API_URL)",
  ].join("\n"),
  options: {
    config: "string",
    alerts: "string",
    repo: "strings",
    from: "string",
    to: "string",
    "rota-dir": "string",
    csv: "boolean",
  },
  schema,
  run: async ({ options, io, json }) => {
    const problem = optionProblem(options, json);
    if (problem !== null) {
      io.stderr(`firstline toil: ${problem}\n`);
      return 2;
    }
    const config = readConfigFile(io, options.config).value;
    const zone = config.timezone;
    if (options.alerts !== undefined) {
      const alerts = readJsonFile(io, options.alerts, toilAlertLogSchema);
      print({
        io,
        report: computeToil({ alerts, calendar: agencyCalendar(config) }),
        refused: null,
        json,
        csv: options.csv,
        zone,
      });
      return 0;
    }
    const { report, refused } = await toilOnGitHub({
      io,
      config,
      repos: [...new Set(options.repo ?? [])],
      from: options.from ?? "",
      to: options.to ?? "",
      rotaDir: options["rota-dir"] ?? config.rota.dir,
    });
    print({ io, report, refused, json, csv: options.csv, zone });
    return 0;
  },
});
