import { readFileSync, readdirSync } from "node:fs";
import type { SeedInput } from "../../src/emulator/index.js";

const read = (path: string) => readFileSync(path, "utf8");
const ROTA_PEOPLE = [...read("rota/people.yml").matchAll(/login: ([a-z0-9-]+)/g)].map((m) => m[1] ?? "");
const rotaFiles = Object.fromEntries(readdirSync("rota").map((name) => [`rota/${name}`, read(`rota/${name}`)]));

/** This repository's own configuration, rota and staff, as the agency's support repository. */
export const AGENCY_CONFIG = read(".github/firstline.yml");
export const STAFF = ["alice-okafor", "bob-adeyemi", "erin-walsh", "mei-chen", "grace-kowalski"];

/**
 * Each client repository carries the agency's configuration (an installation token reads only the
 * repositories of its own installation, so `_extends` across organisations needs a public base).
 */
const EXTENDS = AGENCY_CONFIG;

/** The agency of the README: Northgate Digital, with Acme (out-of-hours cover), Riverside and Glenmore as clients. */
export function agencySeed(overrides: { supportFiles?: Record<string, string> } = {}): SeedInput {
  return {
    users: [{ login: "pat", name: "Pat from Acme" }, { login: "rosa", name: "Rosa from Riverside" }, { login: "carol-hughes" }],
    orgs: [
      { login: "northgate", members: [...new Set([...STAFF, ...ROTA_PEOPLE, "dana-whitfield", "lee-harrington"])].map((login) => ({ login, role: "member" as const })) },
      { login: "acme", members: ["pat"] },
      { login: "riverside", members: ["rosa"] },
      { login: "glenmore", members: [] },
    ],
    repos: [
      {
        owner: "northgate",
        name: "support",
        files: { ".github/firstline.yml": AGENCY_CONFIG, ...rotaFiles, ...overrides.supportFiles },
        collaborators: Object.fromEntries(ROTA_PEOPLE.map((login) => [login, "write" as const])),
      },
      {
        owner: "acme",
        name: "website",
        files: { ".github/firstline.yml": EXTENDS },
        collaborators: Object.fromEntries([...STAFF, "carol-hughes"].map((s) => [s, "write" as const])),
      },
      { owner: "riverside", name: "tenant-portal", files: { ".github/firstline.yml": EXTENDS }, collaborators: Object.fromEntries(STAFF.map((s) => [s, "write" as const])) },
      { owner: "glenmore", name: "shop", files: { ".github/firstline.yml": EXTENDS } },
    ],
    installations: [{ account: "northgate" }, { account: "acme" }, { account: "riverside" }, { account: "glenmore" }],
  };
}
