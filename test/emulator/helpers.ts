import { createPrivateKey, generateKeyPairSync, sign } from "node:crypto";
import { Octokit } from "@octokit/rest";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../dev/emulator/index.js";

/** The instant every emulator test starts at (a Friday afternoon in London, BST). */
export const START = new Date("2026-10-16T15:00:00Z");

/** A small agency: org `acme` with staff, a client user, one repository and the app installed. */
export const AGENCY_SEED = {
  users: [{ login: "pat", name: "Pat Client" }, { login: "sam" }],
  orgs: [{ login: "acme", members: [{ login: "alice", role: "admin" as const }, "bob"] }],
  repos: [
    {
      owner: "acme",
      name: "website",
      collaborators: { bob: "write" as const },
      labels: ["bug", { name: "priority: P1", color: "b60205" }],
      files: {
        ".github/firstline.yml": "timezone: Europe/London\n",
        "README.md": "# Website\n",
        "docs/runbook.md": "Restart it.\n",
      },
    },
    { owner: "acme", name: "intranet", private: true },
  ],
  teams: [{ org: "acme", slug: "support", members: ["alice", "bob"] }],
  installations: [{ account: "acme", id: 42 }],
};

/**
 * One app key for the whole test file. GitHub's keys have 2048 bits; 1024 signs and verifies the
 * same way and is made in a fraction of the time.
 */
export const APP_KEY_PEM = generateKeyPairSync("rsa", { modulusLength: 1024 })
  .privateKey.export({ type: "pkcs1", format: "pem" })
  .toString();

/** Starts a seeded emulator that checks its own answers against GitHub's response schemas. */
export async function startAgency(
  options: EmulatorOptions = {},
): Promise<{ emulator: Emulator; stderr: string[] }> {
  const stderr: string[] = [];
  const emulator = await startEmulator({
    now: START,
    privateKeyPem: APP_KEY_PEM,
    validateResponses: true,
    seed: AGENCY_SEED,
    stderr: (line) => stderr.push(line),
    ...options,
  });
  return { emulator, stderr };
}

/** An RS256 app JWT, as Probot makes one; claims and key may be overridden to make bad ones. */
export function appJwt(params: {
  privateKeyPem: string;
  appId: number | string;
  iat?: number;
  exp?: number;
}): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${part({ alg: "RS256", typ: "JWT" })}.${part({ iat: params.iat ?? now - 30, exp: params.exp ?? now + 570, iss: params.appId })}`;
  const signature = sign(
    "RSA-SHA256",
    Buffer.from(unsigned),
    createPrivateKey(params.privateKeyPem),
  ).toString("base64url");
  return `${unsigned}.${signature}`;
}

/** Octokit logs every failed request; the tests expect many and assert on them instead. */
export const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** An Octokit acting as the app's installation (token fetched with a JWT, as Probot does). */
export async function installationClient(emulator: Emulator, installationId = 42): Promise<Octokit> {
  const jwt = appJwt({ privateKeyPem: String(emulator.privateKeyPem), appId: emulator.appId });
  const app = new Octokit({ auth: jwt, baseUrl: emulator.url, log: quiet });
  const { data } = await app.rest.apps.createInstallationAccessToken({ installation_id: installationId });
  return new Octokit({ auth: data.token, baseUrl: emulator.url, log: quiet });
}

/** An Octokit acting as a seeded user (`token user-<login>`). */
export function userClient(emulator: Emulator, login: string): Octokit {
  return new Octokit({ auth: `user-${login}`, baseUrl: emulator.url, log: quiet });
}
