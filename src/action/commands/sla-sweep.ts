import { readConfigYaml } from "../../shell/read-config-yaml.js";
import { sweptRepositoriesBeforeValidation } from "../../core/config/swept-repositories.js";
import { sendEarlyRead, type EarlyRead } from "../../github/early-read.js";
import { firstSearchPage } from "../../github/search-tickets.js";
import type { GitHubTransport } from "../../github/transport.js";
import type { ActionContext } from "../context.js";

/**
 * `sla-sweep`: the backstop for the app's own schedule (Actions schedules can run late). Reads
 * the configuration and rota from the checkout, every open ticket from GitHub 100 to a request,
 * and applies the same plan the app would, within GitHub's write limits.
 *
 * The first page of tickets is asked for as soon as the configuration file names the
 * repositories; the rest of the sweep's code loads, the file is validated and the rota read while
 * GitHub answers. A file that turns out invalid fails the run as before; the page is then not used.
 */
export async function actionSlaSweep(context: ActionContext): Promise<void> {
  // The GitHub client starts loading first, so its files are read while the YAML is parsed.
  const client = context.inputs.token ? context.github() : undefined;
  client?.catch(() => undefined);
  const source = readConfigYaml(context.io, context.inputs.config);
  const early = client ? await sendFirstPageEarly({ context, client, raw: source.raw }) : undefined;
  const { sweepFromConfiguration } = await import("./sla-sweep-run.js");
  await sweepFromConfiguration({ context, source, early });
}

/** The sweep's first search page, sent before the configuration is validated. */
async function sendFirstPageEarly(params: {
  readonly context: ActionContext;
  readonly client: Promise<GitHubTransport>;
  readonly raw: unknown;
}): Promise<EarlyRead | undefined> {
  const { context, raw } = params;
  const repos = sweptRepositoriesBeforeValidation(raw, context.repository);
  const first = repos ? firstSearchPage(repos) : undefined;
  if (!first) return undefined;
  const gh = await params.client;
  const sent = context.requestSent();
  const early = sendEarlyRead({ gh, ...first });
  // Only once it is on its way does the validation start (it would otherwise hold it back).
  await Promise.race([sent, early.answered]);
  return early;
}
