import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startEmulator, type Emulator } from "../../dev/emulator/index.js";
import { openIssueQueries, searchOpenTicketsReporting } from "../../src/github/search-tickets.js";
import { transportOf, type GitHubTransport } from "../../src/github/transport.js";

describe("reading open tickets through GitHub's search", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    const seed = agencySeed();
    const at = (i: number) =>
      new Date(Date.UTC(2026, 0, 1) + i * 6 * 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");
    const issues = Array.from({ length: 1150 }, (_, i) => ({
      repo: "acme/website",
      title: `Ticket ${i}`,
      author: "pat",
      createdAt: at(i),
      // Two long threads on the second page, which the search reads to the end.
      ...(i === 120 || i === 150
        ? {
            comments: Array.from({ length: 130 }, (_, c) => ({
              author: "pat",
              body: `Any news? (${c + 1})`,
              createdAt: at(i),
            })),
          }
        : {}),
    }));
    emulator = await startEmulator({
      now: new Date("2026-11-26T12:00:00Z"),
      seed: {
        ...seed,
        issues: [...issues, { repo: "riverside/tenant-portal", title: "One", author: "rosa" }],
      },
      stderr: () => undefined,
    });
  });
  afterAll(async () => emulator.close());

  const gh = () => transportOf(new Octokit({ auth: "user-northgate-ops", baseUrl: emulator.url }));

  it("splits queries to fit GitHub's query length", () => {
    const repos = Array.from({ length: 30 }, (_, i) => `some-organisation/repository-${i}`);
    const queries = openIssueQueries(repos);
    expect(queries.length).toBeGreaterThan(1);
    expect(queries.every((q) => q.length <= 256)).toBe(true);
    expect(queries.join(" ").match(/repo:/g)).toHaveLength(30);
  });

  it("reads past GitHub's 1,000-result cap by splitting the search, losing and doubling nothing", async () => {
    const { tickets, unreadable } = await searchOpenTicketsReporting({
      gh: gh(),
      repos: ["acme/website", "riverside/tenant-portal"],
      botLogin: null,
    });
    expect(unreadable).toEqual([]);
    expect(tickets).toHaveLength(1151);
    expect(new Set(tickets.map((t) => `${t.repo}#${t.number}`)).size).toBe(1151);
  });

  it("asks for one page at a time, and hands each page over while the next is on its way", async () => {
    const base = gh();
    let inFlight = 0;
    let most = 0;
    const counted = {
      request: base.request,
      graphql: (async (query: string, variables?: Record<string, unknown>) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        try {
          return await base.graphql(query, variables);
        } finally {
          inFlight -= 1;
        }
      }) as unknown as GitHubTransport["graphql"],
    };
    const handed: { readonly tickets: number; readonly nextOnItsWay: boolean }[] = [];
    const { tickets } = await searchOpenTicketsReporting({
      gh: counted,
      repos: ["acme/website"],
      botLogin: null,
      onPage: async (page) => {
        handed.push({ tickets: page.length, nextOnItsWay: inFlight === 1 });
        await Promise.resolve();
      },
    });
    expect(most).toBe(1);
    expect(tickets).toHaveLength(1150);
    const long = tickets.find((t) => t.title === "Ticket 120");
    expect(long?.comments).toHaveLength(130);
    // 10 pages of 100, then past the 1,000-result cap 2 more (the last one read again, and the rest).
    expect(handed.reduce((n, p) => n + p.tickets, 0)).toBeGreaterThanOrEqual(1150);
    expect(handed.filter((p) => p.nextOnItsWay).length).toBe(handed.length - 2);
    expect(handed[9]?.nextOnItsWay).toBe(false);
  });

  it("names a repository it cannot search instead of losing the others", async () => {
    const { tickets, unreadable } = await searchOpenTicketsReporting({
      gh: gh(),
      repos: ["riverside/tenant-portal", "nobody/nothing"],
      botLogin: null,
    });
    expect(tickets.map((t) => t.repo)).toContain("riverside/tenant-portal");
    expect(unreadable.length).toBeLessThanOrEqual(1);
  });
});
