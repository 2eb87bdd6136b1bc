import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Octokit } from "@octokit/rest";
import type { Emulator } from "../../dev/emulator/index.js";
import { installationClient, startAgency } from "./helpers.js";

async function statusOf(call: Promise<{ status: number }>): Promise<number> {
  try {
    return (await call).status;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe("clock, faults and the request log", () => {
  let emulator: Emulator;
  let app: Octokit;
  const repo = { owner: "acme", repo: "website" };

  beforeEach(async () => {
    ({ emulator } = await startAgency({ validateResponses: false }));
    app = await installationClient(emulator);
    emulator.log.reset();
  });
  afterEach(async () => {
    await emulator.close();
  });

  it("sets and advances the clock through the control API", async () => {
    const post = (body: unknown): Promise<Response> =>
      fetch(`${emulator.url}/_emulator/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect(await (await post({ now: "2026-12-24T17:30:00+00:00" })).json()).toEqual({
      now: "2026-12-24T17:30:00.000Z",
    });
    expect(await (await post({ advanceMinutes: 45 })).json()).toEqual({ now: "2026-12-24T18:15:00.000Z" });
    const { data } = await app.rest.issues.create({ ...repo, title: "Late" });
    expect(data.created_at).toBe("2026-12-24T18:15:00Z");
    const bad = await post({ now: "tomorrow" });
    expect(bad.status).toBe(400);
    const date = (
      await fetch(`${emulator.url}/rate_limit`, { headers: { authorization: "token user-alice" } })
    ).headers.get("date");
    expect(date).toBe("Thu, 24 Dec 2026 18:15:00 GMT");
  });

  it("answers a seeded share of requests with 502, the same ones every run, and changes nothing for them", async () => {
    const run = async (): Promise<number[]> => {
      emulator.faults.set({ serverErrorShare: 0.3, seed: 7 });
      const statuses: number[] = [];
      for (let n = 0; n < 20; n += 1) statuses.push(await statusOf(app.rest.issues.listForRepo(repo)));
      emulator.faults.reset();
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const failures = first.filter((status) => status === 502).length;
    expect(failures).toBeGreaterThan(2);
    expect(failures).toBeLessThan(12);
    expect(emulator.log.summary().requests.filter((r) => r.fault === "server-error")).toHaveLength(
      failures * 2,
    );

    emulator.faults.set({ serverErrorShare: 1, writesOnly: true });
    expect(await statusOf(app.rest.issues.create({ ...repo, title: "Lost" }))).toBe(502);
    expect(await statusOf(app.rest.issues.listForRepo(repo))).toBe(200);
    expect(emulator.dump().repos[0]?.issues).toEqual([]);
  });

  it("adds latency to every API answer", async () => {
    emulator.faults.set({ latencyMs: 60 });
    const started = performance.now();
    await app.rest.issues.listForRepo(repo);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(emulator.faults.reset().latencyMs).toBe(0);
  });

  it("injects secondary rate limits with retry-after, as GitHub words them", async () => {
    emulator.faults.set({ secondaryRateLimitNext: 2, retryAfterSeconds: 30 });
    const response = await fetch(`${emulator.url}/repos/acme/website/issues`, {
      headers: { authorization: "token user-alice" },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("retry-after")).toBe("30");
    expect(((await response.json()) as { message: string }).message).toMatch(
      /^You have exceeded a secondary rate limit/,
    );
    expect(await statusOf(app.rest.issues.listForRepo(repo))).toBe(403);
    expect(await statusOf(app.rest.issues.listForRepo(repo))).toBe(200);
    const faults = await (await fetch(`${emulator.url}/_emulator/faults`)).json();
    expect(faults).toMatchObject({ secondaryRateLimitNext: 0, retryAfterSeconds: 30 });
  });

  it("counts requests per operation and writes, and resets", async () => {
    const { data: issue } = await app.rest.issues.create({ ...repo, title: "Counted" });
    await app.rest.issues.get({ ...repo, issue_number: issue.number });
    await app.rest.issues.get({ ...repo, issue_number: issue.number });
    await app.rest.issues.addLabels({ ...repo, issue_number: issue.number, labels: ["bug"] });
    await app.graphql("query { rateLimit { cost remaining } }");
    const log = (await (await fetch(`${emulator.url}/_emulator/log`)).json()) as ReturnType<
      Emulator["log"]["summary"]
    >;
    expect(log).toMatchObject({
      total: 5,
      writes: 2,
      unknownOperations: 0,
      counts: { "issues/create": 1, "issues/get": 2, "issues/add-labels": 1, graphql: 1 },
    });
    expect(log.requests[0]).toMatchObject({
      method: "POST",
      route: "POST /repos/{owner}/{repo}/issues",
      status: 201,
      write: true,
      actor: "firstline[bot]",
    });
    expect(log.requests[1]?.at).toBe("2026-10-16T15:00:00.000Z");
    expect((await fetch(`${emulator.url}/_emulator/log`, { method: "DELETE" })).status).toBe(204);
    expect(emulator.log.summary().total).toBe(0);
  });

  it("seeds, pushes, dumps and lists deliveries through the HTTP control routes", async () => {
    const control = async (
      method: string,
      path: string,
      body?: unknown,
    ): Promise<{ status: number; json: unknown }> => {
      const response = await fetch(`${emulator.url}/_emulator${path}`, {
        method,
        headers: { "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, json: response.status === 204 ? null : await response.json() };
    };
    const seeded = await control("POST", "/seed", {
      users: [{ login: "dana" }],
      repos: [{ owner: "acme", name: "docs", files: { "index.md": "# Docs\n" }, labels: ["docs"] }],
      issues: [
        {
          repo: "acme/docs",
          title: "Old question",
          author: "dana",
          createdAt: "2026-10-01T09:00:00Z",
          comments: [{ author: "alice", body: "Answered", createdAt: "2026-10-01T10:00:00Z" }],
        },
      ],
    });
    expect(seeded.status).toBe(200);
    expect(seeded.json).toMatchObject({
      appId: 1,
      installations: [{ id: 42, account: "acme" }],
      users: expect.arrayContaining([{ login: "dana", token: "user-dana" }]),
    });
    expect(
      (await control("POST", "/seed", { repos: [{ owner: "acme", name: "x", colour: "red" }] })).status,
    ).toBe(400);
    expect(
      (
        await control("POST", "/repos/acme/docs/push", {
          branch: "draft",
          files: { "index.md": "# Draft\n" },
        })
      ).status,
    ).toBe(201);
    const state = (await control("GET", "/state")).json as ReturnType<Emulator["dump"]>;
    const docs = state.repos.find((r) => r.fullName === "acme/docs");
    expect(Object.keys(docs?.branches ?? {})).toEqual(["main", "draft"]);
    expect(docs?.issues[0]).toMatchObject({
      title: "Old question",
      createdAt: "2026-10-01T09:00:00Z",
      updatedAt: "2026-10-01T10:00:00Z",
      comments: [{ author: "alice" }],
    });
    const deliveries = (await control("GET", "/deliveries")).json as {
      id: string;
      event: string;
      error: string | null;
    }[];
    expect(deliveries.map((d) => [d.event, d.error])).toEqual([["push", "no webhook URL configured"]]);
    expect((await control("POST", `/deliveries/${deliveries[0]?.id ?? ""}/redeliver`)).status).toBe(202);
    expect((await control("GET", "/nothing-here")).status).toBe(404);
    expect(emulator.log.summary().total).toBe(0);
  });

  it("keeps a primary rate limit per caller, and rate_limit itself is free", async () => {
    const first = await app.rest.issues.listForRepo(repo);
    const second = await app.rest.issues.listForRepo(repo);
    expect(
      Number(first.headers["x-ratelimit-remaining"]) - Number(second.headers["x-ratelimit-remaining"]),
    ).toBe(1);
    const limits = await app.rest.rateLimit.get();
    const again = await app.rest.rateLimit.get();
    expect(again.data.resources.core.remaining).toBe(limits.data.resources.core.remaining);
    expect(limits.data.resources.core).toMatchObject({ limit: 5000, used: 2 });
    const search = await app.rest.search.issuesAndPullRequests({ q: "repo:acme/website" });
    expect(search.headers["x-ratelimit-resource"]).toBe("search");
    expect(search.headers["x-ratelimit-limit"]).toBe("30");
  });
});
