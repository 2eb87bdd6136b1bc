import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describedOperations } from "../../dev/emulator/openapi-validator.js";
import { restHandlers } from "../../dev/emulator/routes/index.js";

const SUBSET = "dev/emulator/openapi/github-subset.json";

function walk(
  node: unknown,
  visit: (value: Record<string, unknown>, key: string | undefined) => void,
  key?: string,
): void {
  if (Array.isArray(node)) return node.forEach((item) => walk(item, visit));
  if (node === null || typeof node !== "object") return;
  visit(node as Record<string, unknown>, key);
  for (const [name, value] of Object.entries(node)) walk(value, visit, name);
}

describe("the committed OpenAPI subset", () => {
  it("holds exactly the operations the emulator has handlers for", async () => {
    expect((await describedOperations()).sort()).toEqual(Object.keys(restHandlers).sort());
  });

  it("is rewritten for Ajv: no typeless nullable, closed request bodies, and small", () => {
    const text = readFileSync(SUBSET, "utf8");
    const description = JSON.parse(text) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> } }>
      >;
    };
    const typeless: string[] = [];
    walk(description, (node, key) => {
      if (key !== "properties" && node["nullable"] === true && node["type"] === undefined)
        typeless.push(JSON.stringify(node).slice(0, 80));
    });
    expect(typeless).toEqual([]);
    const openBodies = Object.entries(description.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) => {
        const schema = operation.requestBody?.content?.["application/json"]?.schema;
        return schema?.["properties"] && schema["additionalProperties"] !== false
          ? [`${method} ${path}`]
          : [];
      }),
    );
    expect(openBodies).toEqual([]);
    expect(statSync(SUBSET).size).toBeLessThan(600_000);
  });
});
