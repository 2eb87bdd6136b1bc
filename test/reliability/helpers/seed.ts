import { parseConfig } from "../../../src/config/load-config.js";
import type { SeedInput } from "../../../dev/emulator/index.js";
import { labelCatalogue } from "../../../src/github/label-catalogue.js";

/** The support team: staff in the configuration and collaborators on every repository. */
export const STAFF = ["alice-okafor", "bob-adeyemi", "erin-walsh", "grace-kowalski"] as const;

/** People on the client's side, who open tickets and comment. */
export const CLIENTS = ["pat", "rosa"] as const;

/** The client organisation whose many repositories the scale tests use. */
export const CLIENT_ORG = "bigco";

/** The agency's support repository: configuration, rota, dashboard. */
export const SUPPORT_REPO = "northgate/support";

/** `bigco/site-01` ... `bigco/site-NN`. */
export function clientRepos(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${CLIENT_ORG}/site-${String(i + 1).padStart(2, "0")}`);
}

/**
 * The agency configuration for `count` client repositories, all belonging to one client on the
 * standard plan (working hours only), plus `acme/website` with 24/7 cover.
 */
export function reliabilityConfig(count: number): string {
  return [
    "timezone: Europe/London",
    `supportRepo: ${SUPPORT_REPO}`,
    "staff:",
    `  logins: [${STAFF.join(", ")}]`,
    "clients:",
    `  - id: ${CLIENT_ORG}`,
    "    name: Big Co",
    "    plan: standard",
    `    repos: [${clientRepos(count).join(", ")}]`,
    "    keywords: [bigco]",
    "    accountManager: carol-hughes",
    "  - id: acme",
    "    name: Acme Borough Council",
    "    plan: enhanced",
    "    outOfHours: true",
    "    repos: [acme/website]",
    "    accountManager: carol-hughes",
    "",
  ].join("\n");
}

/** A small valid rota, independent of the repository's own rota files, covering Nov 2026 to Mar 2027. */
export function reliabilityRota(): Record<string, string> {
  const weeks: string[] = [];
  const onCall: string[] = [];
  // Wednesdays from 2026-11-25, 20 weeks.
  for (let i = 0; i < 20; i++) {
    const date = new Date(Date.UTC(2026, 10, 25 + 7 * i)).toISOString().slice(0, 10);
    const [dev, ops] = i % 2 === 0 ? ["alice-okafor", "bob-adeyemi"] : ["erin-walsh", "grace-kowalski"];
    weeks.push(`  ${date}: { developer: ${dev}, operations: ${ops} }`);
    onCall.push(
      `  ${date}: { primary: ${i % 2 === 0 ? "bob-adeyemi" : "alice-okafor"}, secondLine: [grace-kowalski] }`,
    );
  }
  const person = (login: string, role: string, extra = "") =>
    `  - { login: ${login}, name: ${login}, role: ${role}, vetted: true, deliveryLead: grace-kowalski, onCall: true${extra} }`;
  return {
    "rota/people.yml": [
      "people:",
      person("alice-okafor", "developer"),
      person("erin-walsh", "developer"),
      person("bob-adeyemi", "operations"),
      person("grace-kowalski", "operations", ", secondLine: true"),
      "",
    ].join("\n"),
    "rota/support.yml": ["weeks:", ...weeks, ""].join("\n"),
    "rota/on-call.yml": ["weeks:", ...onCall, ""].join("\n"),
  };
}

/**
 * Emulator seed: the agency's support repository, `count` repositories of one client organisation
 * and `acme/website`, each carrying the same configuration, and the app installed on all three
 * organisations. `extraRepos` adds more repositories to the client organisation (with their own files).
 */
export function reliabilitySeed(params: {
  readonly count: number;
  readonly extraRepos?: readonly { name: string; files: Record<string, string> }[];
  /** Create Firstline's labels in every repository up front (saves a write per label when writes are throttled). */
  readonly labels?: boolean;
}): SeedInput {
  const config = reliabilityConfig(params.count);
  const parsed = parseConfig({ file: "firstline.yml", text: config });
  if (!parsed.ok)
    throw new Error(`the reliability configuration is invalid: ${JSON.stringify(parsed.problems)}`);
  const labels = params.labels
    ? labelCatalogue(parsed.value.value).map(({ name, color, description }) => ({ name, color, description }))
    : [];
  const write = Object.fromEntries(STAFF.map((login) => [login, "write" as const]));
  return {
    users: [...CLIENTS.map((login) => ({ login })), { login: "carol-hughes" }, { login: "mallory" }],
    orgs: [
      { login: "northgate", members: [...STAFF] },
      { login: CLIENT_ORG, members: ["pat"] },
      { login: "acme", members: ["rosa"] },
    ],
    repos: [
      {
        owner: "northgate",
        name: "support",
        files: { ".github/firstline.yml": config, ...reliabilityRota() },
        collaborators: write,
      },
      ...clientRepos(params.count).map((full) => ({
        owner: CLIENT_ORG,
        name: full.split("/")[1] ?? "",
        files: { ".github/firstline.yml": config },
        collaborators: write,
        labels,
      })),
      ...(params.extraRepos ?? []).map((repo) => ({
        owner: CLIENT_ORG,
        name: repo.name,
        files: repo.files,
        collaborators: write,
      })),
      {
        owner: "acme",
        name: "website",
        files: { ".github/firstline.yml": config },
        collaborators: write,
        labels,
      },
    ],
    installations: [{ account: "northgate" }, { account: CLIENT_ORG }, { account: "acme" }],
  };
}
