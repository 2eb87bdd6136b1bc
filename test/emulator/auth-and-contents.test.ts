import { generateKeyPairSync } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Octokit } from "@octokit/rest";
import type { Emulator } from "../../dev/emulator/index.js";
import { appJwt, installationClient, quiet, startAgency } from "./helpers.js";

describe("app authentication", () => {
  let emulator: Emulator;
  beforeEach(async () => {
    ({ emulator } = await startAgency());
  });
  afterEach(async () => {
    expect(emulator.responseProblems()).toEqual([]);
    await emulator.close();
  });

  const tokenRequest = (jwt: string): Promise<Response> =>
    fetch(`${emulator.url}/app/installations/42/access_tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${jwt}` },
    });

  it("issues an installation token for a valid RS256 app JWT", async () => {
    const jwt = appJwt({ privateKeyPem: String(emulator.privateKeyPem), appId: emulator.appId });
    const app = new Octokit({ auth: jwt, baseUrl: emulator.url, log: quiet });
    const installations = await app.rest.apps.listInstallations();
    expect(
      installations.data.map((i) => [i.id, i.account && "login" in i.account ? i.account.login : null]),
    ).toEqual([[42, "acme"]]);
    const repoInstallation = await app.rest.apps.getRepoInstallation({ owner: "acme", repo: "website" });
    expect(repoInstallation.data.id).toBe(42);
    const response = await tokenRequest(jwt);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { token: string; expires_at: string };
    expect(body.token).toMatch(/^ghs_/);
    expect(body.expires_at).toBe("2026-10-16T16:00:00Z");
    const asApp = new Octokit({ auth: body.token, baseUrl: emulator.url, log: quiet });
    expect((await asApp.rest.repos.get({ owner: "acme", repo: "website" })).status).toBe(200);
  });

  it("refuses a JWT signed with another key, for another app, or expired", async () => {
    const stranger = generateKeyPairSync("rsa", { modulusLength: 1024 })
      .privateKey.export({ type: "pkcs1", format: "pem" })
      .toString();
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      {
        jwt: appJwt({ privateKeyPem: stranger, appId: emulator.appId }),
        message: "A JSON web token could not be decoded",
      },
      {
        jwt: appJwt({ privateKeyPem: String(emulator.privateKeyPem), appId: 999 }),
        message: "A JSON web token could not be decoded",
      },
      {
        jwt: appJwt({
          privateKeyPem: String(emulator.privateKeyPem),
          appId: emulator.appId,
          iat: now - 1200,
          exp: now - 600,
        }),
        message: expect.stringMatching(/'Expiration time' claim/),
      },
      {
        jwt: appJwt({
          privateKeyPem: String(emulator.privateKeyPem),
          appId: emulator.appId,
          exp: now + 3600,
        }),
        message: "'Expiration time' claim ('exp') is too far in the future",
      },
      { jwt: "not.a.jwt", message: "A JSON web token could not be decoded" },
    ];
    for (const { jwt, message } of cases) {
      const response = await tokenRequest(jwt);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ message });
    }
    expect(emulator.log.count("apps/create-installation-access-token")).toBe(cases.length);
  });

  it("keeps installation tokens off app endpoints and JWTs off repository endpoints", async () => {
    const installation = await installationClient(emulator);
    await expect(installation.rest.apps.listInstallations()).rejects.toMatchObject({ status: 401 });
    const jwt = appJwt({ privateKeyPem: String(emulator.privateKeyPem), appId: emulator.appId });
    await expect(
      new Octokit({ auth: jwt, baseUrl: emulator.url, log: quiet }).rest.issues.listForRepo({
        owner: "acme",
        repo: "website",
      }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe("repository contents", () => {
  let emulator: Emulator;
  beforeEach(async () => {
    ({ emulator } = await startAgency());
  });
  afterEach(async () => {
    expect(emulator.responseProblems()).toEqual([]);
    await emulator.close();
  });

  it("serves files as base64 with an ETag, and a matching If-None-Match is a 304 that costs no quota", async () => {
    const headers = { authorization: "token user-alice" };
    const first = await fetch(`${emulator.url}/repos/acme/website/contents/.github%2Ffirstline.yml`, {
      headers,
    });
    expect(first.status).toBe(200);
    const file = (await first.json()) as {
      type: string;
      encoding: string;
      content: string;
      path: string;
      sha: string;
    };
    expect(file).toMatchObject({ type: "file", encoding: "base64", path: ".github/firstline.yml" });
    expect(Buffer.from(file.content, "base64").toString("utf8")).toBe("timezone: Europe/London\n");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
    const remaining = Number(first.headers.get("x-ratelimit-remaining"));

    const second = await fetch(`${emulator.url}/repos/acme/website/contents/.github/firstline.yml`, {
      headers: { ...headers, "if-none-match": String(etag) },
    });
    expect(second.status).toBe(304);
    expect(Number(second.headers.get("x-ratelimit-remaining"))).toBe(remaining);
    expect(emulator.log.summary().requests.map((r) => r.status)).toEqual([200, 304]);

    emulator.push("acme/website", { files: { ".github/firstline.yml": "timezone: Europe/Dublin\n" } });
    const changed = await fetch(`${emulator.url}/repos/acme/website/contents/.github/firstline.yml`, {
      headers: { ...headers, "if-none-match": String(etag) },
    });
    expect(changed.status).toBe(200);
    expect(Number(changed.headers.get("x-ratelimit-remaining"))).toBe(remaining - 1);
  });

  it("lists folders, reads other refs and answers 404 for what is not there", async () => {
    emulator.seed({
      repos: [
        {
          owner: "acme",
          name: "website",
          branches: { "fix-docs": { "docs/runbook.md": "Turn it off and on.\n" } },
        },
      ],
    });
    const app = await installationClient(emulator);
    const root = await app.rest.repos.getContent({ owner: "acme", repo: "website", path: "docs" });
    expect(Array.isArray(root.data) && root.data.map((entry) => [entry.type, entry.path])).toEqual([
      ["file", "docs/runbook.md"],
    ]);
    const topLevel = await app.rest.repos.getContent({ owner: "acme", repo: "website", path: ".github" });
    expect(Array.isArray(topLevel.data) && topLevel.data.map((entry) => entry.name)).toEqual([
      "firstline.yml",
    ]);
    const onBranch = await app.rest.repos.getContent({
      owner: "acme",
      repo: "website",
      path: "docs/runbook.md",
      ref: "fix-docs",
    });
    expect("content" in onBranch.data && Buffer.from(onBranch.data.content, "base64").toString()).toBe(
      "Turn it off and on.\n",
    );
    await expect(
      app.rest.repos.getContent({ owner: "acme", repo: "website", path: "nope.md" }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      app.rest.repos.getContent({ owner: "acme", repo: ".github", path: ".github/firstline.yml" }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
