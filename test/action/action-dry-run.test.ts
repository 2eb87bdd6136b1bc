import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startEmulator, type Emulator } from "../../dev/emulator/index.js";
import { resultOutput, runAction } from "../helpers/run-action.js";

interface DryRunResult {
  readonly dryRun: { readonly writes: readonly { readonly method: string; readonly path: string }[] };
}

/**
 * `dry-run: true` reads GitHub as a real run does and sends no write: the emulator's request log
 * holds only reads (GET and GraphQL queries), and the result and job summary list the writes the
 * run would have made.
 */
describe("the Action's dry run", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      now: new Date("2026-12-09T10:00:00Z"),
      seed: agencySeed(),
      stderr: () => undefined,
    });
  });
  afterAll(async () => emulator.close());

  const env = (now: string) => ({
    GITHUB_API_URL: emulator.url,
    FIRSTLINE_NOW: now,
    GITHUB_REPOSITORY: "northgate/support",
  });
  const inputs = (command: string) => ({
    command,
    token: "user-northgate-ops",
    "bot-login": "northgate-ops",
    "dry-run": "true",
  });
  const onlyReads = async (run: () => Promise<void>) => {
    emulator.log.reset();
    await run();
    const requests = emulator.log.summary().requests;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((r) => r.write)).toEqual([]);
    expect(requests.every((r) => r.method === "GET" || r.operationId === "graphql")).toBe(true);
  };

  it("sla-sweep: reads every ticket, writes nothing, and lists the card, labels and dashboard it would write", async () => {
    const client = await fetch(`${emulator.url}/repos/riverside/tenant-portal/issues`, {
      method: "POST",
      headers: { authorization: "token user-rosa", "content-type": "application/json" },
      body: JSON.stringify({ title: "Please update the board page", body: "Please change the names." }),
    });
    expect(client.status).toBe(201);
    const { number } = (await client.json()) as { number: number };
    await onlyReads(async () => {
      const run = await runAction({ inputs: inputs("sla-sweep"), env: env("2026-12-09T16:30:00Z") });
      expect(run.stdout).not.toContain("::error");
      expect(run.code).toBe(0);
      const result = resultOutput(run.output) as DryRunResult & { dashboard: string };
      expect(result.dashboard).toBe("created");
      const writes = result.dryRun.writes.map((w) => `${w.method} ${w.path}`);
      expect(writes).toContain(`POST /repos/riverside/tenant-portal/issues/${number}/labels`);
      expect(writes).toContain(`POST /repos/riverside/tenant-portal/issues/${number}/comments`);
      expect(writes).toContain("POST /repos/northgate/support/issues");
      expect(run.summary).toContain("## SLA sweep (dry run)");
      expect(run.summary).toContain("### Dry run");
      expect(run.summary).toContain(`- \`POST /repos/riverside/tenant-portal/issues/${number}/comments\``);
    });
    const ticket = emulator
      .dump()
      .repos.find((r) => r.fullName === "riverside/tenant-portal")
      ?.issues.find((i) => i.number === number);
    expect(ticket?.labels ?? []).toEqual([]);
  });

  it("publish-rota: would open the week's announcement, and opens nothing", async () => {
    await onlyReads(async () => {
      const run = await runAction({ inputs: inputs("publish-rota"), env: env("2026-12-09T10:05:00Z") });
      expect(run.code).toBe(0);
      const result = resultOutput(run.output) as DryRunResult & { issue: string };
      expect(result.issue).toBe("created");
      expect(result.dryRun.writes.map((w) => `${w.method} ${w.path}`)).toContain(
        "POST /repos/northgate/support/issues",
      );
      expect(run.summary).toContain("Announcement issue (new): created");
    });
    const announcements =
      emulator
        .dump()
        .repos.find((r) => r.fullName === "northgate/support")
        ?.issues.filter((i) => i.title.startsWith("Support rota")) ?? [];
    expect(announcements).toEqual([]);
  });

  it("rota-horizon: a rota running short would get its issue; none is opened", async () => {
    await onlyReads(async () => {
      const run = await runAction({ inputs: inputs("rota-horizon"), env: env("2027-04-15T07:00:00Z") });
      expect(run.code).toBe(0);
      const result = resultOutput(run.output) as DryRunResult & { issue: string };
      expect(result.issue).toBe("created");
      expect(result.dryRun.writes).toEqual([{ method: "POST", path: "/repos/northgate/support/issues" }]);
      expect(run.summary).toContain("## Rota horizon for 2027-04-15: needs attention (dry run)");
    });
    const horizon =
      emulator
        .dump()
        .repos.find((r) => r.fullName === "northgate/support")
        ?.issues.filter((i) => i.title.startsWith("The rota")) ?? [];
    expect(horizon).toEqual([]);
  });
});
