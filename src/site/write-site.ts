import { join } from "node:path";
import type { SiteFiles } from "./build-site.js";

/** Writes the built site under `out`, creating folders as needed; `write` does the writing. */
export function writeSite(params: {
  readonly out: string;
  readonly files: SiteFiles;
  readonly write: (path: string, text: string) => void;
}): void {
  for (const [path, content] of params.files) params.write(join(params.out, ...path.split("/")), content);
}
