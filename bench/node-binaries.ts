import { execFileSync } from "node:child_process";

/** A Node.js binary the Action is measured on. */
export interface NodeBinary {
  readonly label: string;
  readonly version: string;
  readonly path: string;
}

/**
 * The Node running the benchmark (20 on this project's machines) and Node 24, the runtime
 * action.yml names, from the npm registry's `node@24` package (fetched once into npm's cache).
 * Node 24 is left out, with a note on stderr, when it cannot be fetched.
 */
export function nodeBinaries(): NodeBinary[] {
  const binaries: NodeBinary[] = [
    {
      label: `Node ${process.versions.node.split(".")[0]}`,
      version: process.version,
      path: process.execPath,
    },
  ];
  try {
    const path = execFileSync("npx", ["--yes", "--package", "node@24", "node", "-p", "process.execPath"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 300_000,
    }).trim();
    const version = execFileSync(path, ["-p", "process.version"], { encoding: "utf8" }).trim();
    binaries.push({ label: "Node 24", version, path });
  } catch (error) {
    process.stderr.write(`Node 24 is not available (npx --package node@24): ${(error as Error).message}\n`);
  }
  return binaries;
}
