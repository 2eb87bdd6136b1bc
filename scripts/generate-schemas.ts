// Writes every published JSON Schema under schema/ from its zod schema (npm run schemas).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { PUBLISHED_SCHEMAS, renderJsonSchema } from "../src/config/json-schemas.js";

for (const entry of PUBLISHED_SCHEMAS) {
  mkdirSync(dirname(entry.file), { recursive: true });
  writeFileSync(entry.file, renderJsonSchema(entry));
  console.log(`wrote ${entry.file}`);
}
