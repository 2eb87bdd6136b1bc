import { localDateOf } from "../../shell/clock.js";
import * as z from "zod";
import { readRunbooks } from "../../core/runbooks/read-runbooks.js";
import { buildSiteFromConfig } from "../../site/site-from-config.js";
import { writeSite } from "../../site/write-site.js";
import { defineCommand, printJson } from "../command.js";
import { InputError } from "../../shell/input-error.js";
import { repositoryConfig, repositoryRotaDir, repositoryRunbooksDir } from "../repository-paths.js";
import { dateOption } from "../../shell/options.js";
import { readRotaFolder } from "../../shell/rota-folder.js";
import { readRunbookTexts } from "../../shell/runbook-texts.js";

/** `site build`: the static site of runbooks, rota and calendars, written to a folder. */
export const siteBuildCommand = defineCommand({
  name: "site build",
  summary: "Build the static site: runbooks with search, the rota, calendars, alerts.json",
  usage:
    "firstline site build --out DIR [--rota-dir DIR] [--runbooks-dir DIR] [--config FILE] [--today YYYY-MM-DD] [--json]",
  options: {
    out: "string",
    "rota-dir": "string",
    "runbooks-dir": "string",
    config: "string",
    today: "string",
  },
  schema: z.object({
    out: z.string().min(1),
    "rota-dir": z.string().min(1).optional(),
    "runbooks-dir": z.string().min(1).optional(),
    config: z.string().min(1).optional(),
    today: dateOption.optional(),
  }),
  run: async ({ options, io, json }) => {
    const config = repositoryConfig({ io, given: options.config });
    const rota = readRotaFolder({
      dir: repositoryRotaDir({ io, given: options["rota-dir"], option: "--rota-dir", config }),
      io,
    });
    const { runbooks, findings } = readRunbooks(
      readRunbookTexts({
        dir: repositoryRunbooksDir({ io, given: options["runbooks-dir"], option: "--runbooks-dir" }),
        io,
      }),
    );
    const unusable = findings.filter(
      (finding) => finding.severity === "error" && finding.rule === "runbooks/front-matter",
    );
    const [first] = unusable;
    if (first) {
      const more =
        unusable.length > 1
          ? ` (and ${unusable.length - 1} more problem${unusable.length === 2 ? "" : "s"}; run firstline runbooks check)`
          : "";
      throw InputError.of({
        file: first.file,
        path: "",
        ...(first.line === undefined ? {} : { line: first.line }),
        message: `${first.message}${more}`,
      });
    }
    const today = options.today ?? localDateOf(io.now(), config.timezone);
    const files = buildSiteFromConfig({ config, rota, runbooks, today });
    writeSite({ out: options.out, files, write: io.writeTextFile });
    if (json) {
      printJson(io, { out: options.out, today, files: [...files.keys()] });
    } else {
      io.stdout(
        `Wrote ${files.size} files to ${options.out} (${runbooks.length} runbooks, ${rota.people.length} people, as of ${today})\n`,
      );
    }
    return 0;
  },
});
