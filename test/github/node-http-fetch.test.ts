import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync, brotliCompressSync } from "node:zlib";
import { RequestError } from "@octokit/request-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed, AUTOMATION_USER } from "../../dev/demo/agency-seed.js";
import { startEmulator, type Emulator } from "../../dev/emulator/index.js";
import { nodeHttpFetch } from "../../src/github/node-http-fetch.js";
import { githubClient } from "../../src/github/octokit.js";
import { timedFetch } from "../../src/github/timed-fetch.js";

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

/** A server that answers each path its own way, and remembers what it was sent. */
async function startServer(
  answer: (seen: Seen, response: ServerResponse) => void,
): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const one = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      seen.push(one);
      answer(one, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

describe("the Action's fetch on Node's own HTTP client", () => {
  let main: Awaited<ReturnType<typeof startServer>>;
  let other: Awaited<ReturnType<typeof startServer>>;
  const fetch = nodeHttpFetch();

  beforeAll(async () => {
    other = await startServer((_seen, response) => response.end("elsewhere"));
    main = await startServer((seen, response) => {
      const path = new URL(seen.url, "http://x").pathname;
      if (path === "/json") {
        response.setHeader("content-type", "application/json; charset=utf-8");
        response.setHeader("x-ratelimit-remaining", "4999");
        response.end(JSON.stringify({ method: seen.method, body: seen.body }));
      } else if (path === "/gzip") {
        response.setHeader("content-encoding", "gzip");
        response.end(gzipSync("packed"));
      } else if (path === "/bomb") {
        // 80 MB of zeros, packed into about 80 KB.
        response.setHeader("content-encoding", "gzip");
        response.end(gzipSync(Buffer.alloc(80 * 1024 * 1024)));
      } else if (path === "/br") {
        response.setHeader("content-encoding", "br");
        response.end(brotliCompressSync("packed too"));
      } else if (path === "/see-other") {
        response.writeHead(303, { location: "/json" }).end();
      } else if (path === "/temporary") {
        response.writeHead(307, { location: "/json" }).end();
      } else if (path === "/away") {
        response.writeHead(302, { location: `${other.url}/there` }).end();
      } else if (path === "/loop") {
        response.writeHead(302, { location: "/loop" }).end();
      } else if (path === "/never") {
        // No answer: the caller's time limit ends the request.
      } else {
        response.writeHead(404, { "content-type": "application/json" }).end('{"message":"Not Found"}');
      }
    });
  });
  afterAll(async () => {
    for (const { server } of [main, other]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("sends the method, headers and body, and reads status, headers and JSON", async () => {
    const response = await fetch(`${main.url}/json`, {
      method: "POST",
      headers: { authorization: "token abc", "content-type": "application/json" },
      body: '{"a":1}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-ratelimit-remaining")).toBe("4999");
    expect([...(response.headers as unknown as Iterable<[string, string]>)]).toContainEqual([
      "x-ratelimit-remaining",
      "4999",
    ]);
    expect(await response.json()).toEqual({ method: "POST", body: '{"a":1}' });
    expect(main.seen.at(-1)?.headers["authorization"]).toBe("token abc");
    expect(main.seen.at(-1)?.headers["content-length"]).toBe("7");
  });

  it("decompresses gzip and brotli answers", async () => {
    expect(await (await fetch(`${main.url}/gzip`)).text()).toBe("packed");
    expect(await (await fetch(`${main.url}/br`)).text()).toBe("packed too");
  });

  it("refuses an answer that unpacks past its limit, rather than holding it in memory", async () => {
    const refused = await fetch(`${main.url}/bomb`).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TypeError);
    expect(String((refused as TypeError).cause)).toMatch(/buffer|length|limit/i);
  });

  it("follows redirects as fetch does", async () => {
    const seeOther = await fetch(`${main.url}/see-other`, { method: "POST", body: "x" });
    expect(await seeOther.json()).toEqual({ method: "GET", body: "" });
    const temporary = await fetch(`${main.url}/temporary`, { method: "POST", body: "kept" });
    expect(await temporary.json()).toEqual({ method: "POST", body: "kept" });
    expect(temporary.url).toBe(`${main.url}/json`);
    const away = await fetch(`${main.url}/away`, { headers: { authorization: "token abc" } });
    expect(await away.text()).toBe("elsewhere");
    expect(other.seen.at(-1)?.headers["authorization"]).toBeUndefined();
    const manual = await fetch(`${main.url}/see-other`, { redirect: "manual" });
    expect(manual.status).toBe(303);
    await expect(fetch(`${main.url}/see-other`, { redirect: "error" })).rejects.toThrow(TypeError);
    await expect(fetch(`${main.url}/loop`)).rejects.toThrow("too many redirects");
  });

  it("fails as fetch does: a refused connection is a TypeError with its cause, a time limit its reason", async () => {
    const refused = await fetch("http://127.0.0.1:1/").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TypeError);
    expect((refused as TypeError).cause).toBeInstanceOf(Error);
    const limited = await timedFetch(200, fetch)(`${main.url}/never`).catch((error: unknown) => error);
    expect((limited as Error).name).toBe("TimeoutError");
    const aborted = new AbortController();
    aborted.abort();
    await expect(fetch(`${main.url}/json`, { signal: aborted.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  describe("under Octokit, against the emulator", () => {
    let emulator: Emulator;
    beforeAll(async () => {
      emulator = await startEmulator({
        now: new Date("2026-12-02T11:00:00Z"),
        seed: agencySeed(),
        stderr: () => undefined,
      });
    });
    afterAll(async () => emulator.close());

    it("reads REST and GraphQL, and turns a refusal into Octokit's RequestError", async () => {
      const gh = githubClient({
        token: `user-${AUTOMATION_USER}`,
        baseUrl: emulator.url,
        userAgent: "firstline-test",
        warn: () => undefined,
        fetch: nodeHttpFetch(),
      });
      const labels = await gh.request("GET /repos/{owner}/{repo}/labels", { owner: "acme", repo: "website" });
      expect(labels.status).toBe(200);
      expect(Array.isArray(labels.data)).toBe(true);
      const read = await gh.graphql<{ repository: { nameWithOwner: string } }>(
        'query { repository(owner: "acme", name: "website") { nameWithOwner } }',
      );
      expect(read.repository.nameWithOwner).toBe("acme/website");
      const missing = await gh
        .request("GET /repos/{owner}/{repo}", { owner: "nobody", repo: "nothing" })
        .catch((error: unknown) => error);
      expect(missing).toBeInstanceOf(RequestError);
      expect((missing as RequestError).status).toBe(404);
    });
  });
});
