import { readFileSync } from "node:fs";
import {
  buildSchema,
  isInterfaceType,
  isObjectType,
  parse,
  validate,
  type GraphQLField,
  type GraphQLSchema,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGitHubSchema, cutGitHubSchema } from "../../scripts/emulator-schema/cut-github-schema.js";
import {
  GENERATED_SCHEMA_PATH,
  generatedSchemaModule,
} from "../../scripts/emulator-schema/generated-module.js";
import { readGitHubSchema } from "../../scripts/emulator-schema/github-schema-source.js";
import { GITHUB_SDL } from "../../dev/emulator/graphql/github-schema.generated.js";
import { SERVED_ROOT_FIELDS, SERVED_TYPE_FIELDS } from "../../dev/emulator/graphql/served.js";
import type { Emulator } from "../../dev/emulator/index.js";
import { PROJECT_DOCUMENTS } from "../../src/github/project-queries.js";
import { SEARCH } from "../../src/github/search-tickets.js";
import { TICKET_FIELDS } from "../../src/github/ticket-query.js";
import { startAgency } from "./helpers.js";

const source = readGitHubSchema();
const cut = { roots: SERVED_ROOT_FIELDS, fields: SERVED_TYPE_FIELDS };
const problems = (schema: GraphQLSchema, query: string) =>
  validate(schema, parse(query)).map((e) => e.message);

describe("the emulator's GraphQL schema, generated from GitHub's", () => {
  const github = buildGitHubSchema(source.sdl);
  const ours = buildSchema(GITHUB_SDL);

  it("is what `npm run emulator:schema` writes today (regenerate when this fails)", () => {
    const sdl = cutGitHubSchema({ sdl: source.sdl, cut });
    expect(readFileSync(GENERATED_SCHEMA_PATH, "utf8")).toBe(
      generatedSchemaModule({ sdl, packageVersion: source.version }),
    );
  });

  it("serves exactly the listed root fields", () => {
    expect(Object.keys(ours.getQueryType()?.getFields() ?? {}).filter((f) => f !== "id")).toEqual([
      ...SERVED_ROOT_FIELDS.Query,
    ]);
    expect(Object.keys(ours.getMutationType()?.getFields() ?? {})).toEqual([...SERVED_ROOT_FIELDS.Mutation]);
  });

  it("keeps every field's type and arguments as GitHub declares them", () => {
    const signature = (field: GraphQLField<unknown, unknown> | undefined) =>
      field
        ? `${field.args.map((a) => `${a.name}: ${String(a.type)}`).join(", ")} -> ${String(field.type)}`
        : "";
    const differences: string[] = [];
    for (const type of Object.values(ours.getTypeMap())) {
      const theirs = github.getType(type.name);
      if (!theirs) differences.push(`${type.name}: GitHub has no such type`);
      if (
        !(isObjectType(type) || isInterfaceType(type)) ||
        !(isObjectType(theirs) || isInterfaceType(theirs))
      )
        continue;
      const their = theirs.getFields();
      for (const field of Object.values(type.getFields()))
        if (signature(their[field.name]) !== signature(field)) differences.push(`${type.name}.${field.name}`);
    }
    expect(differences).toEqual([]);
  });

  it("accepts every query and mutation Firstline sends", () => {
    const ticket = `query FirstlineTicket($owner: String!, $name: String!, $number: Int!) {
      repository(owner: $owner, name: $name) { issue(number: $number) { ...TicketFields } }
    }
    ${TICKET_FIELDS}`;
    for (const document of [ticket, SEARCH, ...PROJECT_DOCUMENTS])
      expect(problems(ours, document)).toEqual([]);
  });

  it("refuses a cut that names a field GitHub does not have", () => {
    expect(() =>
      cutGitHubSchema({ sdl: source.sdl, cut: { ...cut, fields: { ...cut.fields, Issue: ["priority"] } } }),
    ).toThrow("GitHub's Issue has no field priority");
  });
});

describe("the emulator's GraphQL endpoint", () => {
  let emulator: Emulator;
  const post = async (query: string): Promise<Record<string, unknown>> => {
    const response = await fetch(`${emulator.url}/graphql`, {
      method: "POST",
      headers: { authorization: "bearer user-alice", "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    ({ emulator } = await startAgency({ validateResponses: false }));
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("rejects a query using a field GitHub does not have, as GitHub does", async () => {
    const query =
      'query { repository(owner: "acme", name: "website") { issue(number: 1) { title priority } } }';
    expect(problems(buildGitHubSchema(source.sdl), query)).toEqual([
      'Cannot query field "priority" on type "Issue".',
    ]);
    const answer = await post(query);
    expect(answer).toEqual({
      errors: [
        expect.objectContaining({
          message: "Field 'priority' doesn't exist on type 'Issue'",
          extensions: { code: "undefinedField", typeName: "Issue", fieldName: "priority" },
        }),
      ],
    });
  });

  it("rejects a field GitHub has and the emulator does not serve, so it is never answered wrongly", async () => {
    const answer = await post(
      'query { repository(owner: "acme", name: "website") { issue(number: 1) { milestone { title } } } }',
    );
    expect(answer["errors"]).toEqual([
      expect.objectContaining({ message: expect.stringContaining("milestone") }),
    ]);
    expect(answer).not.toHaveProperty("data");
  });
});
