import type { GraphQLSchema } from "graphql";
import { GITHUB_SDL } from "./github-schema.generated.js";

let built: Promise<GraphQLSchema> | undefined;

/**
 * The executable schema, built once per process (graphql is loaded only when first needed): GitHub's
 * published schema cut to what the emulator serves (served.ts, `npm run emulator:schema`). Fields
 * GitHub has and the cut lacks fail validation, and so does every field GitHub does not have. Its
 * interfaces and unions are resolved by each view's `__typename` (graphql's default type resolver).
 */
export function githubSchema(): Promise<GraphQLSchema> {
  built ??= import("graphql").then(({ buildSchema }) => buildSchema(GITHUB_SDL));
  return built;
}
