import { readdirSync, readFileSync } from "node:fs";
import { parseConfig } from "../../src/config/load-config.js";
import type { FirstlineConfig } from "../../src/core/config/firstline-config.js";
import { readRunbooks } from "../../src/core/runbooks/read-runbooks.js";
import type { RunbookFile } from "../../src/core/runbooks/runbook-file.js";
import type { Rota } from "../../src/core/rota/types.js";
import { nodeIo } from "../../src/shell/node-io.js";
import { readRotaFolder } from "../../src/shell/rota-folder.js";
import { runCli } from "../helpers/memory-io.js";

/** The repository's own configuration, rota and runbooks, read as the site build reads them. */
export function repositorySiteInputs(): {
  config: FirstlineConfig;
  rota: Rota;
  runbooks: readonly RunbookFile[];
} {
  const parsed = parseConfig({
    file: ".github/firstline.yml",
    text: readFileSync(".github/firstline.yml", "utf8"),
  });
  if (!parsed.ok) throw new Error("the repository's configuration does not load");
  const { runbooks } = readRunbooks(
    readdirSync("runbooks")
      .filter((name) => name.endsWith(".md"))
      .map((name) => ({ file: `runbooks/${name}`, text: readFileSync(`runbooks/${name}`, "utf8") })),
  );
  return { config: parsed.value.value, rota: readRotaFolder({ dir: "rota", io: nodeIo() }), runbooks };
}

const OUT = "out-site";

/** Builds a site through `firstline site build` in memory; returns its files by path inside the site. */
export async function buildSiteWithCli(params: {
  readonly runbooksDir: string;
  readonly rotaDir: string;
  readonly today: string;
}): Promise<Map<string, string>> {
  const result = await runCli([
    "site",
    "build",
    "--out",
    OUT,
    "--runbooks-dir",
    params.runbooksDir,
    "--rota-dir",
    params.rotaDir,
    "--today",
    params.today,
  ]);
  if (result.code !== 0) throw new Error(`site build exited ${result.code}: ${result.stderr}`);
  return new Map(
    Object.entries(result.written).map(([path, content]) => [path.slice(OUT.length + 1), content]),
  );
}

/** The repository's own site for 2026-11-26. */
export const repositorySite = () =>
  buildSiteWithCli({ runbooksDir: "runbooks", rotaDir: "rota", today: "2026-11-26" });

/** The test team's site: two clean runbooks and the rota fixture. */
export const teamSite = () =>
  buildSiteWithCli({
    runbooksDir: "test/fixtures/runbooks/team",
    rotaDir: "test/fixtures/rota/team",
    today: "2026-11-26",
  });

/** A site whose one runbook holds script, event handlers and `javascript:` links. */
export const poisonedSite = () =>
  buildSiteWithCli({
    runbooksDir: "test/fixtures/runbooks/unsafe",
    rotaDir: "test/fixtures/rota/team",
    today: "2026-11-26",
  });
