import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { SeedInput } from "../emulator/index.js";

/** The support team members who are GitHub collaborators of the client repositories. */
export const STAFF = ["alice-okafor", "bob-adeyemi", "erin-walsh", "mei-chen", "grace-kowalski"];

/** The account the agency's workflows run the Action as. */
export const AUTOMATION_USER = "northgate-ops";

function filesUnder(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => !name.startsWith("."))
      .map((name) => [`${dir}/${name}`, readFileSync(`${dir}/${name}`, "utf8")]),
  );
}

/**
 * Northgate Digital, the agency of the README, as emulator seed: its support repository holds this
 * repository's own configuration, rota and runbooks (the only configuration Firstline reads); Acme
 * (out-of-hours cover), Riverside and Glenmore are clients with a repository each.
 */
export function agencySeed(
  overrides: { supportFiles?: Record<string, string>; editConfig?: (text: string) => string } = {},
): SeedInput {
  const original = readFileSync(".github/firstline.yml", "utf8");
  const config = overrides.editConfig ? overrides.editConfig(original) : original;
  const rotaPeople = [...readFileSync("rota/people.yml", "utf8").matchAll(/login: ([a-z0-9-]+)/g)].map(
    (m) => m[1] ?? "",
  );
  const team = [...new Set([...STAFF, ...rotaPeople, "dana-whitfield", "lee-harrington"])];
  const write = (logins: readonly string[]) =>
    Object.fromEntries(logins.map((login) => [login, "write" as const]));
  return {
    users: [
      { login: "pat", name: "Pat from Acme" },
      { login: "rosa", name: "Rosa from Riverside" },
      { login: "carol-hughes" },
      { login: AUTOMATION_USER },
    ],
    orgs: [
      { login: "northgate", members: team.map((login) => ({ login, role: "member" as const })) },
      { login: "acme", members: ["pat"] },
      { login: "riverside", members: ["rosa"] },
      { login: "glenmore", members: [] },
    ],
    repos: [
      {
        owner: "northgate",
        name: "support",
        files: {
          ".github/firstline.yml": config,
          ...filesUnder("rota"),
          ...filesUnder("runbooks"),
          ...overrides.supportFiles,
        },
        collaborators: write([...rotaPeople, AUTOMATION_USER]),
      },
      // Everyone on the rota can work on the clients' repositories (so they can be assigned there).
      {
        owner: "acme",
        name: "website",
        files: { "README.md": "# Acme website\n" },
        collaborators: write([...team, "carol-hughes", AUTOMATION_USER]),
      },
      {
        owner: "riverside",
        name: "tenant-portal",
        files: { "README.md": "# Tenant portal\n" },
        collaborators: write([...team, AUTOMATION_USER]),
      },
      {
        owner: "glenmore",
        name: "shop",
        files: { "README.md": "# Glenmore shop\n" },
        collaborators: write([...team, AUTOMATION_USER]),
      },
    ],
    installations: [
      { account: "northgate" },
      { account: "acme" },
      { account: "riverside" },
      { account: "glenmore" },
    ],
  };
}
