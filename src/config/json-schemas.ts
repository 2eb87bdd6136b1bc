import * as z from "zod";
import { firstlineConfigSchema } from "../core/config/firstline-config.js";
import { ROTA_SCHEMAS } from "./rota-json-schema.js";

import type { PublishedSchema } from "./published-schema.js";

export type { PublishedSchema } from "./published-schema.js";

/** Every published schema. Add one entry per file format Firstline reads. */
export const PUBLISHED_SCHEMAS: readonly PublishedSchema[] = [
  {
    file: "schema/firstline-config.schema.json",
    title: "Firstline configuration (.github/firstline.yml)",
    schema: firstlineConfigSchema,
  },
  ...ROTA_SCHEMAS,
];

/** The JSON text of a published schema, exactly as committed. */
export function renderJsonSchema(entry: PublishedSchema): string {
  const json = z.toJSONSchema(entry.schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
  return `${JSON.stringify({ ...json, title: entry.title }, null, 2)}\n`;
}
