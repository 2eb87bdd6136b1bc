import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startEmulator, type Emulator } from "../../dev/emulator/index.js";
import { openIssueQueries, searchOpenTicketsReporting } from "../../src/github/search-tickets.js";
import { transportOf } from "../../src/github/transport.js";

describe("reading open tickets through GitHub's search", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    const seed = agencySeed();
    const issues = Array.from({ length: 1150 }, (_, i) => ({
      repo: "acme/website",
      title: `Ticket ${i}`,
      author: "pat",
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 6 * 3_600_000).toISOString().replace(/\.\d+Z$/, "Z"),
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
