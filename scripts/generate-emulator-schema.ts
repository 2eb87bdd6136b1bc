// Regenerates dev/emulator/graphql/github-schema.generated.ts: GitHub's published GraphQL schema
// (@octokit/graphql-schema) cut to what the emulator serves (dev/emulator/graphql/served.ts).
//
//   npm run emulator:schema
import { writeFileSync } from "node:fs";
import { SERVED_ROOT_FIELDS, SERVED_TYPE_FIELDS } from "../dev/emulator/graphql/served.js";
import { cutGitHubSchema } from "./emulator-schema/cut-github-schema.js";
import { GENERATED_SCHEMA_PATH, generatedSchemaModule } from "./emulator-schema/generated-module.js";
import { readGitHubSchema } from "./emulator-schema/github-schema-source.js";

const source = readGitHubSchema();
const sdl = cutGitHubSchema({
  sdl: source.sdl,
  cut: { roots: SERVED_ROOT_FIELDS, fields: SERVED_TYPE_FIELDS },
});
writeFileSync(GENERATED_SCHEMA_PATH, generatedSchemaModule({ sdl, packageVersion: source.version }));
console.log(
  `${GENERATED_SCHEMA_PATH}: ${sdl.split("\n").length} lines from @octokit/graphql-schema ${source.version}`,
);
