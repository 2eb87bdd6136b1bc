/**
 * Cuts GitHub's published GraphQL schema to what the emulator serves: the listed root fields, every
 * type they reach, object and interface types cut to their listed fields. Arguments, field types,
 * enums and input types stay exactly as GitHub declares them, so a query the emulator accepts is
 * one GitHub accepts too (as far as the cut goes) and one using a field GitHub lacks is refused.
 * Descriptions and GitHub's own directives are left out to keep the output small; deprecations stay.
 */
import {
  assertValidSchema,
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
  Kind,
  print,
  type ConstDirectiveNode,
  type DefinitionNode,
  type FieldDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type InputValueDefinitionNode,
} from "graphql";

export interface SchemaCut {
  /** The root fields served, by root type. */
  readonly roots: { readonly Query: readonly string[]; readonly Mutation: readonly string[] };
  /** Object and interface types cut to these fields; the members a union or interface keeps. */
  readonly fields: Readonly<Record<string, readonly string[]>>;
}

/** GitHub's SDL repeats some field definitions, which strict building refuses. */
export function buildGitHubSchema(sdl: string): GraphQLSchema {
  return buildSchema(sdl, { assumeValidSDL: true });
}

/** The kept types, each with the names of its kept fields (null: not a type with fields). */
function reach(github: GraphQLSchema, cut: SchemaCut): Map<string, Set<string> | null> {
  const kept = new Map<string, Set<string> | null>();
  const queue: string[] = [];
  const typeOf = (name: string): GraphQLNamedType => {
    const type = github.getType(name);
    if (!type) throw new Error(`GitHub's schema has no type ${name}`);
    return type;
  };
  const keep = (name: string, fields?: readonly string[]) => {
    const type = typeOf(name);
    if (!isObjectType(type) && !isInterfaceType(type)) {
      if (!kept.has(name)) {
        kept.set(name, null);
        queue.push(name);
      }
      return;
    }
    const own = type.getFields();
    const wanted = fields ?? cut.fields[name] ?? Object.keys(own);
    const set = kept.get(name) ?? new Set<string>();
    let grew = !kept.has(name);
    for (const field of wanted) {
      if (!own[field]) throw new Error(`GitHub's ${name} has no field ${field}`);
      if (!set.has(field)) {
        set.add(field);
        grew = true;
      }
    }
    kept.set(name, set);
    if (grew) queue.push(name);
  };
  keep("Query", cut.roots.Query);
  keep("Mutation", cut.roots.Mutation);
  for (;;) {
    while (queue.length > 0) {
      const type = typeOf(queue.shift() ?? "");
      if (isObjectType(type) || isInterfaceType(type)) {
        const own = type.getFields();
        for (const name of kept.get(type.name) ?? []) {
          const field = own[name];
          if (!field) continue;
          keep(getNamedType(field.type).name);
          for (const arg of field.args) keep(getNamedType(arg.type).name);
        }
      } else if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) keep(getNamedType(field.type).name);
      } else if (isUnionType(type)) {
        for (const member of type.getTypes()) if (cut.fields[member.name]) keep(member.name);
      }
      if (isInterfaceType(type))
        for (const impl of github.getImplementations(type).objects)
          if (cut.fields[impl.name]) keep(impl.name);
    }
    // A type must have every field of the interfaces it keeps: add those, and go on until nothing grows.
    let grew = false;
    for (const [name, fields] of kept) {
      const type = typeOf(name);
      if (!fields || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const iface of type.getInterfaces()) {
        // A listed interface of a kept type is kept, so fragments on it work as on GitHub.
        if (!kept.has(iface.name) && cut.fields[iface.name]) {
          keep(iface.name);
          grew = true;
        }
        const needed = kept.get(iface.name);
        if (!needed) continue;
        const missing = [...needed].filter((f) => !fields.has(f));
        if (missing.length > 0) {
          keep(name, missing);
          grew = true;
        }
      }
    }
    if (!grew) return kept;
  }
}

/** A definition without its description and with only the `@deprecated` of GitHub's directives. */
function plain<T extends { readonly directives?: readonly ConstDirectiveNode[] | undefined }>(node: T): T {
  const copy = Object.fromEntries(
    Object.entries(node).filter(([key]) => key !== "description" && key !== "loc"),
  ) as T;
  return { ...copy, directives: (node.directives ?? []).filter((d) => d.name.value === "deprecated") };
}

function plainField(node: FieldDefinitionNode): FieldDefinitionNode {
  return {
    ...plain(node),
    arguments: (node.arguments ?? []).map((arg: InputValueDefinitionNode) => plain(arg)),
  };
}

/** The SDL definition of one kept type, cut and without descriptions. */
function definitionOf(type: GraphQLNamedType, kept: Map<string, Set<string> | null>): DefinitionNode {
  const node = type.astNode;
  if (!node) throw new Error(`GitHub's ${type.name} has no definition`);
  const base = plain(node);
  if (isObjectType(type) || isInterfaceType(type)) {
    const fields = kept.get(type.name) ?? new Set<string>();
    const interfaces = type
      .getInterfaces()
      .filter((i) => kept.has(i.name))
      .map((i) => ({ kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: i.name } }) as const);
    const own = type.getFields();
    return {
      ...base,
      kind: isObjectType(type) ? Kind.OBJECT_TYPE_DEFINITION : Kind.INTERFACE_TYPE_DEFINITION,
      name: { kind: Kind.NAME, value: type.name },
      interfaces,
      fields: Object.keys(own)
        .filter((f) => fields.has(f))
        .map((f) => {
          const fieldNode = own[f]?.astNode;
          if (!fieldNode) throw new Error(`GitHub's ${type.name}.${f} has no definition`);
          return plainField(fieldNode);
        }),
    } as DefinitionNode;
  }
  if (isUnionType(type)) {
    const members = type.getTypes().filter((t) => kept.has(t.name));
    if (members.length === 0)
      throw new Error(`the union ${type.name} keeps no member: list one of its types in the served fields`);
    return {
      ...base,
      kind: Kind.UNION_TYPE_DEFINITION,
      name: { kind: Kind.NAME, value: type.name },
      types: members.map((t) => ({ kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: t.name } })),
    } as DefinitionNode;
  }
  if (isInputObjectType(type)) {
    return {
      ...base,
      kind: Kind.INPUT_OBJECT_TYPE_DEFINITION,
      name: { kind: Kind.NAME, value: type.name },
      fields: Object.values(type.getFields()).map((f) => {
        if (!f.astNode) throw new Error(`GitHub's ${type.name}.${f.name} has no definition`);
        return plain(f.astNode);
      }),
    } as DefinitionNode;
  }
  if (isEnumType(type)) {
    return {
      ...base,
      kind: Kind.ENUM_TYPE_DEFINITION,
      name: { kind: Kind.NAME, value: type.name },
      values: type.getValues().map((v) => {
        if (!v.astNode) throw new Error(`GitHub's ${type.name}.${v.name} has no definition`);
        return plain(v.astNode);
      }),
    } as DefinitionNode;
  }
  return base as DefinitionNode;
}

/** GitHub's schema cut to what the emulator serves, as SDL: Query and Mutation first, then by name. */
export function cutGitHubSchema(params: { readonly sdl: string; readonly cut: SchemaCut }): string {
  const github = buildGitHubSchema(params.sdl);
  const kept = reach(github, params.cut);
  const names = [...kept.keys()]
    .filter((name) => {
      const type = github.getType(name);
      return type !== undefined && type !== null && !(isScalarType(type) && isSpecifiedScalarType(type));
    })
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const definitions = names.map((name) => definitionOf(github.getType(name) as GraphQLNamedType, kept));
  const sdl = `${print({ kind: Kind.DOCUMENT, definitions })}\n`;
  // The cut must itself be a valid schema: every interface's fields on its implementations, no empty union.
  assertValidSchema(buildSchema(sdl));
  return sdl;
}

function rank(name: string): number {
  return name === "Query" ? 0 : name === "Mutation" ? 1 : 2;
}
