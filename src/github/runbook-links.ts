import { parseRunbookFile } from "../core/runbooks/runbook-file.js";
import type { FileReader } from "./read-file.js";
import type { GitHubTransport } from "./transport.js";

/**
 * Each alert name to the URL of the runbook that answers it, read from the support repository's
 * runbooks (their front matter lists the alerts): the published site's page when the site's
 * address is configured, else the file on GitHub. Files come through the conditional-request cache.
 */
export async function runbookLinks(params: {
  readonly gh: GitHubTransport;
  readonly reader: FileReader;
  readonly repo: string;
  readonly dir: string;
  readonly siteUrl: string | null;
}): Promise<Map<string, string>> {
  const { gh, reader, repo, dir, siteUrl } = params;
  const links = new Map<string, string>();
  const names = (await reader.list({ gh, repo, path: dir })).filter(
    (name) => name.endsWith(".md") && name.toLowerCase() !== "readme.md",
  );
  for (const name of names) {
    const text = await reader.read({ gh, repo, path: `${dir}/${name}` }).catch(() => null);
    if (text === null) continue;
    const parsed = parseRunbookFile({ file: `${dir}/${name}`, text });
    if (!parsed.ok) continue;
    const slug = parsed.value.slug;
    const url = siteUrl
      ? new URL(`runbooks/${slug}.html`, siteUrl.endsWith("/") ? siteUrl : `${siteUrl}/`).toString()
      : `https://github.com/${repo}/blob/HEAD/${dir}/${name}`;
    for (const alert of parsed.value.frontMatter.alerts) if (!links.has(alert)) links.set(alert, url);
  }
  return links;
}
