import * as z from "zod";
import { parseAlertPayload } from "../../config/alert-payload.js";
import { CONFIG_PATH } from "../../core/config/firstline-config.js";
import { buildSlaPolicy } from "../../core/sla/policy.js";
import { isoInstant } from "../../core/time/format.js";
import type { Responders } from "../../core/ticket/responders.js";
import { ingestAlerts, type IngestedAlert } from "../../github/alert-intake.js";
import { pageKey } from "../../core/paging/page-event.js";
import { pagerName, pagersOf } from "../../core/paging/pagers-of.js";
import { deliverPageEvent } from "../../pagers/deliver-page-event.js";
import { respondersAt } from "../../github/load-responders.js";
import { FileReader } from "../../github/read-file.js";
import { runbookLinks } from "../../github/runbook-links.js";
import { defineCommand, printJson, type CommandIo } from "../command.js";
import { cliGitHub, repoOption, withGitHubErrors } from "../github-client.js";
import { InputError } from "../../shell/input-error.js";
import { readConfigFile } from "../../shell/load-inputs.js";
import { readRotaFolder } from "../../shell/rota-folder.js";

const NAME = "alert ingest";
const NOBODY: Responders = { support: null, onCall: null, inHours: false };

/** The responders at `now` from the rota folder; a rota that cannot be read must not lose the alert. */
function readResponders(params: {
  io: CommandIo;
  dir: string;
  now: number;
  zone: string;
  calendar: Parameters<typeof respondersAt>[0]["calendar"];
  warnings: string[];
}): Responders {
  try {
    const rota = readRotaFolder({ dir: params.dir, io: params.io });
    return respondersAt({ rota, now: params.now, zone: params.zone, calendar: params.calendar });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    params.warnings.push(`the rota could not be read, so nobody is mentioned or paged: ${error.message}`);
    return NOBODY;
  }
}

/** One readable line of what happened to an alert. */
function describe(result: IngestedAlert): string {
  const issue = `${result.repo ?? ""}#${result.number ?? ""}`;
  const paged = result.page ? `; paged ${result.page.logins.join(", ")}` : "";
  const what = {
    open: `opened ${issue}${paged}`,
    comment: `commented on ${issue}${paged}`,
    resolve: `resolved: closed ${issue}`,
    ignore: `nothing to do: ${result.reason ?? ""}`,
  }[result.outcome];
  return `${result.name} (${result.fingerprint}): ${what}`;
}

/**
 * `alert ingest`: an alert payload from a file (Alertmanager's webhook or a plain alert, as a
 * `repository_dispatch` workflow receives it in `github.event.client_payload`) turned into GitHub
 * issues exactly as the app's `POST /firstline/alerts` does, with the workflow's token.
 */
export const alertIngestCommand = defineCommand({
  name: NAME,
  summary: "Turn an alert payload (Alertmanager webhook or plain JSON) into alert issues on GitHub",
  usage:
    "firstline alert ingest --config F --payload FILE --repo OWNER/REPO [--rota-dir D] [--bot-login LOGIN] [--json]   (GITHUB_TOKEN or GH_TOKEN; GITHUB_API_URL)",
  options: {
    config: "string",
    payload: "string",
    repo: "string",
    "rota-dir": "string",
    "bot-login": "string",
  },
  schema: z.object({
    config: z.string().default(CONFIG_PATH),
    payload: z.string().min(1),
    repo: repoOption,
    "rota-dir": z.string().min(1).optional(),
    "bot-login": z.string().min(1).default("github-actions[bot]"),
  }),
  run: async ({ options, io, json }) => {
    const config = readConfigFile(io, options.config).value;
    const parsed = parseAlertPayload({
      body: io.readTextFile(options.payload),
      clientLabel: config.alerts.clientLabel,
    });
    if (!parsed.ok) throw InputError.of({ file: options.payload, path: "", message: parsed.reason });
    const gh = cliGitHub({ io, command: NAME });
    const policy = buildSlaPolicy({ config });
    const now = () => io.now().getTime();
    const warnings: string[] = [];
    const responders = readResponders({
      io,
      dir: options["rota-dir"] ?? config.rota.dir,
      now: now(),
      zone: config.timezone,
      calendar: policy.termsFor({ repo: "" }).calendar,
      warnings,
    });
    const homeRepo = options.repo;
    const results = await withGitHubErrors({
      command: NAME,
      work: async () => {
        const links = await runbookLinks({
          gh,
          reader: new FileReader(),
          repo: config.supportRepo ?? homeRepo,
          dir: "runbooks",
          siteUrl: config.alerts.runbookBaseUrl,
        });
        return ingestAlerts({
          alerts: parsed.alerts,
          ghFor: () => Promise.resolve(gh),
          config,
          policy,
          homeRepo,
          runbookUrlFor: (name) => links.get(name) ?? null,
          responders,
          now,
          botLogin: options["bot-login"],
          sendPage: async (page, issue) => {
            const issueUrl = `https://github.com/${issue.repo}/issues/${issue.number}`;
            const client = parsed.alerts.find((a) => page.message.includes(a.name))?.client ?? null;
            const event = {
              action: "trigger" as const,
              key: pageKey(issue),
              summary: page.message,
              logins: page.logins,
              by: null,
              url: issueUrl,
              repo: issue.repo,
              number: issue.number,
              client,
              at: page.at,
            };
            const transport = {
              fetch: (input: string | URL | Request, init?: RequestInit) => fetch(input, init),
              now,
              sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
            };
            const results = await deliverPageEvent({
              pagers: pagersOf(config.alerts),
              event,
              env: io.env,
              transport,
            });
            for (const r of results.filter((r) => !r.ok))
              warnings.push(
                `${pagerName(r.pager)} did not take the page (${r.status ?? "no answer"}: ${r.detail}); the mention on ${issueUrl} stands`,
              );
          },
        });
      },
    });
    if (json) {
      const alerts = results.map((r) => ({
        ...r,
        page: r.page ? { ...r.page, at: isoInstant(r.page.at) } : null,
      }));
      printJson(io, { format: parsed.format, alerts, warnings });
    } else {
      io.stdout(
        `${[`${results.length} alert${results.length === 1 ? "" : "s"} from ${options.payload} (${parsed.format}):`, ...results.map((r) => `  ${describe(r)}`)].join("\n")}\n`,
      );
    }
    for (const warning of warnings) io.stderr(`firstline ${NAME}: warning: ${warning}\n`);
    return 0;
  },
});
