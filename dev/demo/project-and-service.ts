import { resolve } from "node:path";
import type { FirstlineConfig } from "../../src/core/config/firstline-config.js";
import { FIELD } from "../../src/core/project/project-fields.js";
import { buildSlaPolicy } from "../../src/core/sla/policy.js";
import type { Rota } from "../../src/core/rota/types.js";
import type { RunbookFile } from "../../src/core/runbooks/runbook-file.js";
import { dumpProjectItems } from "../emulator/graphql/projects-state.js";
import { readServiceHistory } from "../../src/github/service-history.js";
import { transportOf } from "../../src/github/transport.js";
import { SERVICE_PAGE_MONTHS, servicePageData } from "../../src/site/charts/service-charts.js";
import { buildSiteFromConfig } from "../../src/site/site-from-config.js";
import { ON_CALL_CHART_MONTHS, onCallChartsData } from "../../src/site/charts/on-call-charts.js";
import { toilFromGitHub } from "../../src/github/toil-from-github.js";
import { servedRepositories } from "../../src/core/repositories.js";
import { agencyCalendar } from "../../src/core/toil/calendar.js";
import { DateTime } from "luxon";
import { writeSite } from "../../src/site/write-site.js";
import { AUTOMATION_USER } from "./agency-seed.js";
import type { Stack } from "./stack.js";
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

/** The Project the demo keeps: Northgate's first. */
export const DEMO_PROJECT = { owner: "northgate", number: 1 } as const;

/** The configuration's text with the demo's Project named. */
export function withDemoProject(text: string): string {
  return `${text.trimEnd()}\nproject:\n  owner: ${DEMO_PROJECT.owner}\n  number: ${DEMO_PROJECT.number}\n`;
}

/** The Project's open items as a table, most urgent state first. */
export function printProjectItems(params: {
  readonly stack: Stack;
  readonly out: (line: string) => void;
}): void {
  const rank = ["breached", "at risk", "running", "paused", "met"];
  const items = dumpProjectItems(params.stack.emulator.state, DEMO_PROJECT)
    .filter((i) => !i.archived)
    .sort(
      (a, b) =>
        rank.indexOf(a.values[FIELD.slaState] ?? "") - rank.indexOf(b.values[FIELD.slaState] ?? "") ||
        (a.values[FIELD.nextDue] ?? "9").localeCompare(b.values[FIELD.nextDue] ?? "9"),
    );
  params.out(
    `\nThe support queue, GitHub Project ${DEMO_PROJECT.owner}#${DEMO_PROJECT.number} (${items.length} open items; client repositories sit in other organisations, so their tickets are drafts that name them):\n`,
  );
  const columns = [
    FIELD.client,
    FIELD.priority,
    FIELD.type,
    FIELD.slaState,
    FIELD.nextDue,
    FIELD.nextDueTime,
    FIELD.waitingOn,
    FIELD.onSupport,
  ];
  params.out(`    ${["ticket", ...columns].join(" | ")}`);
  for (const item of items) {
    const name = item.draft ?? `${item.repo}#${item.number}`;
    params.out(
      `    ${[name.length > 48 ? `${name.slice(0, 47)}…` : name, ...columns.map((c) => item.values[c] ?? "")].join(" | ")}`,
    );
  }
}

/**
 * Builds the site as `firstline site build` does, with the Service page: the last months' tickets
 * read from the emulator with the sweep's search, charts drawn as SVG at build time.
 */
export async function buildSiteWithService(params: {
  readonly stack: Stack;
  readonly config: FirstlineConfig;
  readonly rota: Rota;
  readonly runbooks: readonly RunbookFile[];
  readonly today: string;
  readonly out: (line: string) => void;
}): Promise<void> {
  const { config } = params;
  const dir = ".firstline-demo/site";
  const now = params.stack.emulator.clock.now().getTime();
  const gh = transportOf(params.stack.as(AUTOMATION_USER));
  const repos = [...config.clients.flatMap((c) => c.repos), ...config.ticketRepos];
  const { tickets } = await readServiceHistory({
    gh,
    repos,
    now,
    zone: config.timezone,
    months: SERVICE_PAGE_MONTHS,
    botLogin: params.stack.emulator.botLogin,
  });
  const service = await servicePageData({
    tickets,
    policy: buildSlaPolicy({ config }),
    now,
    zone: config.timezone,
    botLogin: params.stack.emulator.botLogin,
  });
  // The rota page's TOIL and pages per person per month, from the alert log as `toil` reads it
  // (in the repositories that exist: the configuration names one the demo does not seed).
  const toilRepos: string[] = [];
  for (const repo of servedRepositories({ config, supportRepo: config.supportRepo ?? "northgate/support" }))
    if (params.stack.emulator.state.repo(...(repo.split("/") as [string, string]))) toilRepos.push(repo);
  const { report, pages } = await toilFromGitHub({
    gh,
    repos: toilRepos,
    from: DateTime.fromMillis(now, { zone: config.timezone })
      .startOf("month")
      .minus({ months: ON_CALL_CHART_MONTHS - 1 })
      .toMillis(),
    to: now,
    rota: params.rota,
    zone: config.timezone,
    calendar: agencyCalendar(config),
    botLogin: params.stack.emulator.botLogin,
  });
  const onCall = await onCallChartsData({ toil: report, pages, now, zone: config.timezone });
  const files = buildSiteFromConfig({
    config,
    rota: params.rota,
    runbooks: params.runbooks,
    today: params.today,
    service,
    onCall,
  });
  writeSite({
    out: dir,
    files,
    write: (path, text) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    },
  });
  params.out(
    `\nThe runbook, rota and Service site: ${files.size} files in ${dir}, ${tickets.length} tickets behind the Service page's ${service.charts.length} charts.`,
  );
  params.out(
    `The rota page charts TOIL and pages per person per month: ${report.people.map((p) => `${p.login} ${p.days} TOIL day${p.days === 1 ? "" : "s"}`).join(", ") || "no TOIL yet"}, ${pages.length} page${pages.length === 1 ? "" : "s"}.`,
  );
  params.out(`Open ${resolve(dir, "service/index.html")} in a browser: it works offline.`);
}
