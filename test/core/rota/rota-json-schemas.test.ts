import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderJsonSchema } from "../../../src/config/json-schemas.js";
import { ROTA_SCHEMAS } from "../../../src/config/rota-json-schema.js";

describe("rota JSON Schemas", () => {
  it.each(ROTA_SCHEMAS.map((entry) => [entry.file, entry] as const))(
    "%s is current (node scripts/run-ts.mjs scripts/generate-rota-schemas.ts)",
    (file, entry) => {
      expect(readFileSync(join(import.meta.dirname, "../../..", file), "utf8")).toBe(renderJsonSchema(entry));
    },
  );

  it("rejects unknown keys and documents the fields", () => {
    const people = JSON.parse(renderJsonSchema(ROTA_SCHEMAS[0]!)) as { properties: { people: { items: { additionalProperties: boolean; properties: Record<string, { description?: string }> } } } };
    const person = people.properties.people.items;
    expect(person.additionalProperties).toBe(false);
    expect(Object.entries(person.properties).filter(([, field]) => field.description === undefined)).toEqual([]);
  });
});
