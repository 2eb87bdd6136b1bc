import { localDateOf } from "../../shell/clock.js";
import { readRotaFolder } from "../../shell/rota-folder.js";
import { readRunbookTexts } from "../../shell/runbook-texts.js";
import { InputError } from "../../shell/input-error.js";
import { readRunbooks } from "../../core/runbooks/read-runbooks.js";
import { RUNBOOK_RULE } from "../../core/runbooks/rule-ids.js";
import { buildSiteFromConfig } from "../../site/site-from-config.js";
import { writeSite } from "../../site/write-site.js";
import type { ActionContext } from "../context.js";
import { readLocalConfig } from "../local-config.js";
import { finish } from "../report.js";

/**
 * `site-build`: the static site (runbooks with search, the rota, calendars) written to the
 * `site-dir` folder, ready for actions/upload-pages-artifact. A runbook whose front matter cannot
 * be read stops the build, as on the command line; other runbook findings are runbooks-check's.
 */
export async function actionSiteBuild(context: ActionContext): Promise<void> {
  const config = readLocalConfig(context);
  const rota = readRotaFolder({ dir: context.inputs["rota-dir"], io: context.io });
  const { runbooks, findings } = readRunbooks(readRunbookTexts({ dir: context.inputs["runbooks-dir"], io: context.io }));
  const unusable = findings.filter((finding) => finding.severity === "error" && finding.rule === RUNBOOK_RULE.frontMatter);
  if (unusable.length > 0) {
    throw new InputError(unusable.map((f) => ({ file: f.file, path: "", ...(f.line === undefined ? {} : { line: f.line }), message: f.message })));
  }
  const today = localDateOf(context.io.now(), config.timezone);
  const files = buildSiteFromConfig({ config, rota, runbooks, today });
  const out = context.inputs["site-dir"];
  writeSite({ out, files, write: context.io.writeTextFile });
  const names = [...files.keys()];
  const pages = names.filter((name) => name.endsWith(".html")).length;
  const summary = [
    `## Site built for ${today}`,
    "",
    `${pages} page${pages === 1 ? "" : "s"} (${names.length} files) written to \`${out}\`: ${runbooks.length} runbook${runbooks.length === 1 ? "" : "s"}, ${rota.people.length} people, calendars and search.`,
  ].join("\n");
  await finish({ summary, result: { out, today, pages, files: names } });
}
