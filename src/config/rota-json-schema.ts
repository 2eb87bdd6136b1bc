import type { PublishedSchema } from "./published-schema.js";
import { rotaOnCallSchema, rotaOverridesSchema, rotaPeopleSchema, rotaSupportSchema } from "./rota-schema.js";

/**
 * The JSON Schemas of the three rota files, published under `schema/` for editors (the rota files
 * point at them with `# yaml-language-server: $schema=...`). Written with the
 * others by `npm run schemas`; a test keeps the committed copies current.
 */
export const ROTA_SCHEMAS: readonly PublishedSchema[] = [
  {
    file: "schema/rota-people.schema.json",
    title: "Firstline rota: people (rota/people.yml)",
    schema: rotaPeopleSchema,
  },
  {
    file: "schema/rota-support.schema.json",
    title: "Firstline rota: first line support (rota/support.yml)",
    schema: rotaSupportSchema,
  },
  {
    file: "schema/rota-on-call.schema.json",
    title: "Firstline rota: on call (rota/on-call.yml)",
    schema: rotaOnCallSchema,
  },
  {
    file: "schema/rota-overrides.schema.json",
    title: "Firstline rota: single-night cover (rota/overrides.yml)",
    schema: rotaOverridesSchema,
  },
];
