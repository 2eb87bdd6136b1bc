import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Octokit } from "@octokit/rest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startEmulator, type Emulator } from "../../dev/emulator/index.js";
import { sendEarlyRead } from "../../src/github/early-read.js";
import { firstSearchPage, searchOpenTicketsReporting } from "../../src/github/search-tickets.js";
import { transportOf } from "../../src/github/transport.js";

describe("a read sent early", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      now: new Date("2026-12-02T11:00:00Z"),
      seed: { ...agencySeed(), issues: [{ repo: "acme/website", title: "One", author: "pat" }] },
      stderr: () => undefined,
    });
  });
  afterAll(async () => emulator.close());
  const gh = () => transportOf(new Octokit({ auth: "user-northgate-ops", baseUrl: emulator.url }));
  const graphqlRequests = () => emulator.log.summary().requests.filter((r) => r.path === "/graphql").length;

  it("is the search's first page: the search asks GitHub for it once, not twice", async () => {
    const repos = ["acme/website"];
    const first = firstSearchPage(repos);
    if (!first) throw new Error("no first page");
    emulator.log.reset();
    const early = sendEarlyRead({ gh: gh(), ...first });
    await early.answered;
    const { tickets } = await searchOpenTicketsReporting({ gh: early.gh, repos, botLogin: null });
    expect(tickets.map((t) => t.title)).toEqual(["One"]);
    expect(graphqlRequests()).toBe(1);
  });

  it("is not used for another query, which waits for it and then goes to GitHub", async () => {
    const first = firstSearchPage(["acme/website"]);
    if (!first) throw new Error("no first page");
    emulator.log.reset();
    const early = sendEarlyRead({ gh: gh(), ...first });
    const { tickets } = await searchOpenTicketsReporting({
      gh: early.gh,
      repos: ["riverside/tenant-portal"],
      botLogin: null,
    });
    expect(tickets).toEqual([]);
    expect(graphqlRequests()).toBe(2);
  });

  it("that fails is told to the search that takes it, and to nobody else", async () => {
    emulator.faults.set({ serverErrorShare: 1 });
    try {
      const early = sendEarlyRead({ gh: gh(), query: "query { nothing }", variables: {} });
      await early.answered;
      await expect(early.gh.graphql("query { nothing }", {})).rejects.toThrow();
    } finally {
      emulator.faults.set({ serverErrorShare: 0 });
    }
  });
});
