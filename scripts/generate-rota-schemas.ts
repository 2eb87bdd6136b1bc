// Writes the rota files' JSON Schemas under schema/ from their zod schemas:
// node scripts/run-ts.mjs scripts/generate-rota-schemas.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { renderJsonSchema } from "../src/config/json-schemas.js";
import { ROTA_SCHEMAS } from "../src/config/rota-json-schema.js";

for (const entry of ROTA_SCHEMAS) {
  mkdirSync(dirname(entry.file), { recursive: true });
  writeFileSync(entry.file, renderJsonSchema(entry));
  console.log(`wrote ${entry.file}`);
}
