import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";
import { describe, expect, it } from "vitest";
import { PROJECTS_SDL } from "../../src/emulator/graphql/projects-sdl.js";
import { GITHUB_SUBSET_SDL } from "../../src/emulator/graphql/schema.js";

function githubSchema(): GraphQLSchema {
  const sdl = readFileSync(
    fileURLToPath(new URL("schema.graphql", import.meta.resolve("@octokit/graphql-schema"))),
    "utf8",
  );
  return buildSchema(sdl, { assumeValidSDL: true });
}

/** How a type of the emulator differs from GitHub's own: fields, arguments and their types, enum values, union members. */
function differences(ours: GraphQLNamedType, theirs: GraphQLNamedType | undefined): string[] {
  if (!theirs) return [`${ours.name}: GitHub has no such type`];
  const found: string[] = [];
  if ((isObjectType(ours) || isInterfaceType(ours)) && (isObjectType(theirs) || isInterfaceType(theirs))) {
    const fields = theirs.getFields();
    for (const field of Object.values(ours.getFields())) {
      const their = fields[field.name];
      if (!their) found.push(`${ours.name}.${field.name}: not on GitHub`);
      else if (String(their.type) !== String(field.type))
        found.push(`${ours.name}.${field.name}: ${String(field.type)}, GitHub ${String(their.type)}`);
      else
        for (const arg of field.args) {
          const theirArg = their.args.find((a) => a.name === arg.name);
          if (String(theirArg?.type) !== String(arg.type))
            found.push(
              `${ours.name}.${field.name}(${arg.name}): ${String(arg.type)}, GitHub ${String(theirArg?.type)}`,
            );
        }
    }
    for (const iface of ours.getInterfaces())
      if (!theirs.getInterfaces().some((i) => i.name === iface.name))
        found.push(`${ours.name}: GitHub's does not implement ${iface.name}`);
  } else if (isInputObjectType(ours) && isInputObjectType(theirs)) {
    const fields = theirs.getFields();
    for (const field of Object.values(ours.getFields()))
      if (String(fields[field.name]?.type) !== String(field.type))
        found.push(
          `${ours.name}.${field.name}: ${String(field.type)}, GitHub ${String(fields[field.name]?.type)}`,
        );
    // A required input field GitHub has and the emulator lacks would let through what GitHub refuses.
    for (const field of Object.values(fields))
      if (String(field.type).endsWith("!") && !ours.getFields()[field.name])
        found.push(`${ours.name}.${field.name}: required on GitHub, missing here`);
  } else if (isEnumType(ours) && isEnumType(theirs)) {
    for (const value of ours.getValues())
      if (!theirs.getValue(value.name)) found.push(`${ours.name}.${value.name}: not on GitHub`);
  } else if (isUnionType(ours) && isUnionType(theirs)) {
    for (const member of ours.getTypes())
      if (!theirs.getTypes().some((t) => t.name === member.name))
        found.push(`${ours.name}: GitHub's has no ${member.name}`);
  } else if (ours.constructor !== theirs.constructor) {
    found.push(`${ours.name}: a different kind of type on GitHub`);
  }
  return found;
}

describe("the emulator's Projects types are GitHub's", () => {
  const github = githubSchema();
  const ours = buildSchema(GITHUB_SUBSET_SDL + PROJECTS_SDL);
  const projectTypes = Object.values(ours.getTypeMap()).filter(
    (t) =>
      !t.name.startsWith("__") &&
      (/ProjectV2|DraftIssue|^Date$/.test(t.name) || ["Mutation"].includes(t.name)),
  );

  it("covers the Projects types Firstline uses", () => {
    expect(projectTypes.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        "ProjectV2",
        "ProjectV2Item",
        "AddProjectV2ItemByIdInput",
        "UpdateProjectV2ItemFieldValueInput",
        "ArchiveProjectV2ItemInput",
        "CreateProjectV2FieldInput",
        "Mutation",
      ]),
    );
  });

  it.each(projectTypes.map((t) => [t.name, t] as const))("%s matches GitHub's", (_name, type) => {
    expect(differences(type, github.getType(type.name) ?? undefined)).toEqual([]);
  });

  it("Issue.projectItems is GitHub's", () => {
    expect(
      differences(ours.getType("Issue") as GraphQLNamedType, github.getType("Issue") ?? undefined),
    ).toEqual([]);
  });

  it("Organization.projectV2 and Query.organization are GitHub's", () => {
    expect(
      differences(
        ours.getType("Organization") as GraphQLNamedType,
        github.getType("Organization") ?? undefined,
      ),
    ).toEqual([]);
  });
});
