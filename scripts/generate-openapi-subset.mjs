// Regenerates dev/emulator/openapi/github-subset.json: the operations the GitHub emulator implements,
// cut from GitHub's published REST description (@octokit/openapi 23, generated/api.github.com.json).
// The package unpacks to 385 MB, so it is fetched into a temporary folder here and never installed.
//
//   node scripts/generate-openapi-subset.mjs [--from path/to/api.github.com.json]
//
// These rewrites make the description usable by openapi-backend's Ajv validator:
// - `nullable: true` without `type` (135 schemas) becomes `anyOf: [<schema>, {type: "null"}]`,
//   and a nullable `enum` gets `null` among its values;
// - every object schema written inline in a JSON request body gets `additionalProperties: false`,
//   so a misspelt key (`titel`) is rejected as GitHub rejects it;
// - examples, descriptions of operations and vendor extensions are dropped to keep the file small.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE = "@octokit/openapi@23";
const OUT = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "dev",
  "emulator",
  "openapi",
  "github-subset.json",
);

/** Every REST operation the emulator answers; dev/emulator/routes/* has one handler each. */
export const OPERATIONS = [
  "apps/get-authenticated",
  "apps/list-installations",
  "apps/get-installation",
  "apps/get-repo-installation",
  "apps/create-installation-access-token",
  "apps/list-repos-accessible-to-installation",
  "users/get-authenticated",
  "users/get-by-username",
  "orgs/get",
  "repos/get",
  "repos/list-for-org",
  "repos/get-content",
  "repos/create-or-update-file-contents",
  "git/get-ref",
  "git/create-ref",
  "repos/check-collaborator",
  "repos/get-collaborator-permission-level",
  "issues/list-for-repo",
  "issues/create",
  "issues/get",
  "issues/update",
  "issues/list-comments",
  "issues/create-comment",
  "issues/get-comment",
  "issues/update-comment",
  "issues/delete-comment",
  "issues/list-labels-for-repo",
  "issues/create-label",
  "issues/get-label",
  "issues/update-label",
  "issues/delete-label",
  "issues/list-labels-on-issue",
  "issues/add-labels",
  "issues/set-labels",
  "issues/remove-label",
  "issues/remove-all-labels",
  "issues/add-assignees",
  "issues/remove-assignees",
  "issues/list-events",
  "issues/list-events-for-timeline",
  "reactions/list-for-issue",
  "reactions/create-for-issue",
  "reactions/list-for-issue-comment",
  "reactions/create-for-issue-comment",
  "pulls/list",
  "pulls/create",
  "pulls/get",
  "pulls/update",
  "pulls/list-files",
  "pulls/list-commits",
  "pulls/list-reviews",
  "pulls/create-review",
  "pulls/get-review",
  "pulls/dismiss-review",
  "checks/create",
  "checks/update",
  "checks/get",
  "checks/list-for-ref",
  "checks/list-annotations",
  "teams/list",
  "teams/get-by-name",
  "teams/list-members-in-org",
  "teams/get-membership-for-user-in-org",
  "teams/add-or-update-membership-for-user-in-org",
  "teams/remove-membership-for-user-in-org",
  "dependabot/list-alerts-for-repo",
  "dependabot/get-alert",
  "dependabot/update-alert",
  "search/issues-and-pull-requests",
  "rate-limit/get",
];

const METHODS = ["get", "put", "post", "patch", "delete", "head", "options"];

function loadFullDescription() {
  const fromIndex = process.argv.indexOf("--from");
  if (fromIndex !== -1) return JSON.parse(readFileSync(process.argv[fromIndex + 1], "utf8"));
  const work = mkdtempSync(join(tmpdir(), "octokit-openapi-"));
  try {
    const tarball = execFileSync("npm", ["pack", PACKAGE, "--silent"], { cwd: work, encoding: "utf8" })
      .trim()
      .split("\n")
      .pop();
    execFileSync("tar", ["-xzf", tarball, "package/generated/api.github.com.json"], { cwd: work });
    return JSON.parse(readFileSync(join(work, "package", "generated", "api.github.com.json"), "utf8"));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Drops examples and vendor extensions everywhere; `properties` maps keep every property name. */
function strip(node, key) {
  if (Array.isArray(node)) return node.map((item) => strip(item));
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [name, value] of Object.entries(node)) {
    const isNameMap =
      key === "properties" ||
      key === "schemas" ||
      (key === "parameters" && !Array.isArray(node)) ||
      key === "responses" ||
      key === "headers" ||
      key === "content";
    if (!isNameMap && (name === "examples" || name === "example" || name.startsWith("x-"))) continue;
    out[name] = strip(value, name);
  }
  return out;
}

/** `nullable` without `type` is rejected by Ajv: say the same thing with `anyOf`. */
function rewriteNullable(node, key) {
  if (Array.isArray(node)) return node.map((item) => rewriteNullable(item));
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [name, value] of Object.entries(node)) out[name] = rewriteNullable(value, name);
  const isNameMap = key === "properties" || key === "schemas";
  // OpenAPI 3.0.3: a nullable enum must list null itself, or Ajv rejects null values.
  if (!isNameMap && out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null))
    out.enum = [...out.enum, null];
  if (!isNameMap && out.nullable === true && out.type === undefined) {
    const { nullable: _nullable, description, ...rest } = out;
    return { ...(description === undefined ? {} : { description }), anyOf: [rest, { type: "null" }] };
  }
  return out;
}

/**
 * GitHub's description has a few schemas that contradict GitHub itself; the emulator validates
 * requests and checks its own answers against them, so they are corrected here:
 * - `GET /app/installations` declares the account `allOf` a user and an enterprise, where the
 *   `installation` component says `anyOf`;
 * - `PUT .../issues/{issue_number}/labels` says "you can pass an empty array to remove all labels"
 *   but declares `minItems: 1` (and `oneOf` forms an empty array matches twice).
 */
function fixKnownDescriptionBugs(operationId, operation) {
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const titles = Array.isArray(node.allOf)
      ? node.allOf
          .map((member) => member?.title)
          .sort()
          .join("|")
      : "";
    if (titles === "Enterprise|Simple User") {
      node.anyOf = node.allOf;
      delete node.allOf;
    }
    Object.values(node).forEach(visit);
  };
  visit(operation);
  const body = operation.requestBody?.content?.["application/json"]?.schema;
  if (operationId === "issues/set-labels" && Array.isArray(body?.oneOf)) {
    // An empty list matches both the names and the objects form, so `oneOf` becomes `anyOf`.
    for (const branch of body.oneOf) if (branch.properties?.labels) delete branch.properties.labels.minItems;
    body.anyOf = body.oneOf;
    delete body.oneOf;
  }
}

/** Inline request-body objects accept only the keys GitHub documents. */
function closeObjects(schema, insideAllOf) {
  if (Array.isArray(schema)) return schema.forEach((item) => closeObjects(item, insideAllOf));
  if (schema === null || typeof schema !== "object" || "$ref" in schema) return;
  if (schema.properties && schema.additionalProperties === undefined && !insideAllOf)
    schema.additionalProperties = false;
  for (const value of Object.values(schema.properties ?? {})) closeObjects(value, false);
  if (schema.items) closeObjects(schema.items, false);
  for (const combiner of ["oneOf", "anyOf"]) if (schema[combiner]) closeObjects(schema[combiner], false);
  if (schema.allOf) closeObjects(schema.allOf, true);
}

function collectRefs(node, found) {
  if (Array.isArray(node)) return node.forEach((item) => collectRefs(item, found));
  if (node === null || typeof node !== "object") return;
  for (const [name, value] of Object.entries(node)) {
    if (name === "$ref" && typeof value === "string") found.add(value);
    else collectRefs(value, found);
  }
}

function resolvePointer(root, ref) {
  return ref
    .slice(2)
    .split("/")
    .reduce((node, part) => node?.[part.replace(/~1/g, "/").replace(/~0/g, "~")], root);
}

function buildSubset(full) {
  const paths = {};
  const missing = new Set(OPERATIONS);
  for (const [path, item] of Object.entries(full.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation || !missing.has(operation.operationId)) continue;
      missing.delete(operation.operationId);
      const { description: _description, externalDocs: _docs, tags: _tags, ...kept } = operation;
      fixKnownDescriptionBugs(operation.operationId, kept);
      const body = kept.requestBody?.content?.["application/json"]?.schema;
      if (body) closeObjects(body, false);
      paths[path] ??= {};
      paths[path][method] = kept;
    }
  }
  if (missing.size > 0) throw new Error(`operations not in the description: ${[...missing].join(", ")}`);

  const components = {};
  const seen = new Set();
  const queue = new Set();
  collectRefs(paths, queue);
  while (queue.size > 0) {
    const [ref] = queue;
    queue.delete(ref);
    if (seen.has(ref)) continue;
    seen.add(ref);
    const [, , section, name] = ref.split("/");
    if (section === "examples") continue;
    const target = resolvePointer(full, ref);
    if (target === undefined) throw new Error(`unresolvable $ref ${ref}`);
    components[section] ??= {};
    components[section][name] = target;
    const more = new Set();
    collectRefs(target, more);
    for (const next of more) if (!seen.has(next)) queue.add(next);
  }
  for (const section of Object.keys(components)) {
    components[section] = Object.fromEntries(
      Object.entries(components[section]).sort(([a], [b]) => a.localeCompare(b)),
    );
  }
  const subset = {
    openapi: full.openapi,
    info: {
      title: "GitHub REST API (subset implemented by the Firstline emulator)",
      version: full.info.version,
    },
    servers: [{ url: "/" }],
    paths,
    components,
  };
  return rewriteNullable(strip(subset));
}

const full = loadFullDescription();
const subset = buildSubset(full);
// Formatted as the repository's Prettier settings would, so `npm run format` leaves it alone.
const prettier = await import("prettier");
const text = await prettier.format(JSON.stringify(subset), {
  ...(await prettier.resolveConfig(OUT)),
  parser: "json",
});
writeFileSync(OUT, text);
const operations = Object.values(subset.paths).reduce((sum, item) => sum + Object.keys(item).length, 0);
console.log(
  `wrote ${OUT}: ${operations} operations, ${Object.keys(subset.components.schemas ?? {}).length} schemas`,
);
