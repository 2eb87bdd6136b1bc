import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** GitHub's published SDL and the version of @octokit/graphql-schema it comes from. */
export function readGitHubSchema(): { readonly sdl: string; readonly version: string } {
  const entry = import.meta.resolve("@octokit/graphql-schema");
  const read = (name: string) => readFileSync(fileURLToPath(new URL(name, entry)), "utf8");
  const { version } = JSON.parse(read("package.json")) as { version: string };
  return { sdl: read("schema.graphql"), version };
}
