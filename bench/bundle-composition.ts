import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

interface Metafile {
  readonly outputs: Record<
    string,
    {
      readonly bytes: number;
      readonly inputs: Record<string, { readonly bytesInOutput: number }>;
      readonly imports: readonly {
        readonly path: string;
        readonly kind: string;
        readonly external?: boolean;
      }[];
    }
  >;
}

/** What the Action's dist/ is made of, from the build's esbuild metafile (lib/action-metafile.json). */
export interface BundleComposition {
  /** Every file in dist/, the on-demand ones included. */
  readonly bundleBytes: number;
  readonly files: number;
  /** dist/index.js and what it imports before any command runs. */
  readonly startBytes: number;
  /** What an `sla-sweep` run loads: the start, the command and the GitHub client. */
  readonly slaSweepBytes: number;
  /** Of those, what loads before its first request (the rest of the sweep loads while GitHub answers). */
  readonly slaSweepFirstRequestBytes: number;
  /** The biggest contributors over all of dist/: npm packages by name, Firstline's code by folder. */
  readonly top: readonly { readonly source: string; readonly bytes: number }[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function sourceOf(input: string): string {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (inPackage?.[1]) return inPackage[1];
  if (input.includes(":")) return input.split(":")[0] ?? input;
  return input.split("/").slice(0, 3).join("/");
}

export function bundleComposition(): BundleComposition {
  const files = filesUnder("dist");
  const meta = JSON.parse(readFileSync("lib/action-metafile.json", "utf8")) as Metafile;
  const loaded = (entries: readonly string[]) => {
    const seen = new Set<string>();
    const visit = (path: string, follow: (kind: string, target: string) => boolean) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const imported of meta.outputs[path]?.imports ?? [])
        if (!imported.external && follow(imported.kind, imported.path)) visit(imported.path, follow);
    };
    for (const entry of entries) visit(entry, (kind) => kind === "import-statement");
    return [...seen].reduce((sum, path) => sum + (meta.outputs[path]?.bytes ?? 0), 0);
  };
  const chunk = (name: string) =>
    Object.keys(meta.outputs).find((path) => new RegExp(`^dist/chunks/${name}-[A-Z0-9]+\\.js$`).test(path)) ??
    "";
  const beforeFirstRequest = [
    "dist/index.js",
    chunk("run"),
    chunk("holiday-library"),
    chunk("sla-sweep"),
    chunk("octokit"),
    chunk("node-http-fetch"),
  ];
  const bySource = new Map<string, number>();
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs))
      bySource.set(sourceOf(input), (bySource.get(sourceOf(input)) ?? 0) + bytesInOutput);
  }
  return {
    bundleBytes: files.reduce((sum, file) => sum + statSync(file).size, 0),
    files: files.length,
    // dist/index.js turns on the code cache first, then loads the runner and the holiday hook.
    startBytes: loaded(["dist/index.js", chunk("run"), chunk("holiday-library")]),
    slaSweepBytes: loaded([...beforeFirstRequest, chunk("sla-sweep-run")]),
    slaSweepFirstRequestBytes: loaded(beforeFirstRequest),
    top: [...bySource]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([source, bytes]) => ({ source, bytes })),
  };
}
