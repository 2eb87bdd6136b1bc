import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../dev/emulator/index.js";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { actionRuntimes } from "../helpers/node24.js";
import { resultOutput, runAction as runActionOn } from "../helpers/run-action.js";

/** The Action against the GitHub emulator, with a token acting as the agency's automation user, on each runtime. */
describe.each(actionRuntimes())("the Action against GitHub (emulated), on $name", ({ path }) => {
  const runAction = (params: Parameters<typeof runActionOn>[0]) => runActionOn({ ...params, node: path });
  let emulator: Emulator;
  beforeAll(async () => {
    // The token's user (northgate-ops) has write access, as it needs on GitHub: without it labels and assignees are dropped.
    emulator = await startEmulator({
      now: new Date("2026-12-02T11:00:00Z"),
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
  });

  it("publish-rota opens the week's announcement, assigned to the pair; run again it changes nothing", async () => {
    const first = await runAction({ inputs: inputs("publish-rota"), env: env("2026-12-02T11:00:00Z") });
    expect(first.stdout).not.toContain("::error");
    expect(first.code).toBe(0);
    expect(resultOutput(first.output)).toMatchObject({ week: "2026-12-02", issue: "created" });
    const issue = emulator
      .dump()
      .repos.find((r) => r.fullName === "northgate/support")
      ?.issues.find((i) => i.title === "Support rota: week of Wed 2 Dec 2026");
    expect([...(issue?.assignees ?? [])].sort()).toEqual(["erin-walsh", "grace-kowalski"]);
    expect(issue?.body).toContain("Reminder for @hamza-iqbal @ivan-petrov");
    const writesBefore = emulator.log.summary().writes;
    const again = await runAction({ inputs: inputs("publish-rota"), env: env("2026-12-02T15:00:00Z") });
    expect(resultOutput(again.output)).toMatchObject({ issue: "unchanged", closed: [] });
    expect(emulator.log.summary().writes).toBe(writesBefore);
    expect(again.summary).toContain("Support rota: week of Wed 2 Dec 2026");
  });

  it("the next Wednesday's run opens the new week and closes the old one", async () => {
    const run = await runAction({ inputs: inputs("publish-rota"), env: env("2026-12-09T10:05:00Z") });
    expect(resultOutput(run.output)).toMatchObject({ week: "2026-12-09", issue: "created" });
    const issues =
      emulator
        .dump()
        .repos.find((r) => r.fullName === "northgate/support")
        ?.issues.filter((i) => i.title.startsWith("Support rota")) ?? [];
    expect(issues.map((i) => [i.title, i.state])).toEqual([
      ["Support rota: week of Wed 2 Dec 2026", "closed"],
      ["Support rota: week of Wed 9 Dec 2026", "open"],
    ]);
  });

  it("sla-sweep reads every open ticket and keeps the dashboard, with a job summary", async () => {
    emulator.clock.set(new Date("2026-12-09T10:00:00Z"));
    const client = await fetch(`${emulator.url}/repos/riverside/tenant-portal/issues`, {
      method: "POST",
      headers: { authorization: "token user-rosa", "content-type": "application/json" },
      body: JSON.stringify({ title: "Please update the board page", body: "Please change the names." }),
    });
    expect(client.status).toBe(201);
    const run = await runAction({ inputs: inputs("sla-sweep"), env: env("2026-12-09T16:30:00Z") });
    expect(run.stdout).not.toContain("::error");
    expect(run.code).toBe(0);
    expect(resultOutput(run.output)).toMatchObject({ dashboard: "created" });
    expect(run.summary).toContain("## SLA sweep");
    expect(run.summary).toMatch(/riverside\/tenant-portal#\d+ \| riverside \| P3 \| firstResponse/);
    // The first run also opened Acme's monthly upkeep (first Wednesday, within the week's look-back);
    // the next run gives that ticket its card, and the one after finds nothing to do.
    expect(resultOutput(run.output)).toMatchObject({ maintenanceOpened: 1 });
    await runAction({ inputs: inputs("sla-sweep"), env: env("2026-12-09T16:31:00Z") });
    const quiet = await runAction({ inputs: inputs("sla-sweep"), env: env("2026-12-09T16:32:00Z") });
    expect(resultOutput(quiet.output)).toMatchObject({
      writes: 0,
      dashboard: "unchanged",
      maintenanceOpened: 0,
    });
  });

  it("sla-sweep with a configuration that reads but does not validate fails naming its line, and writes nothing", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "firstline-config-")), "firstline.yml");
    // The repositories read (so the first page is asked for early); the time zone does not.
    writeFileSync(
      file,
      "clients:\n  - id: acme\n    name: Acme\n    repos: [acme/website]\ntimezone: Mars/Olympus\n",
    );
    const before = emulator.log.summary();
    const run = await runAction({
      inputs: { ...inputs("sla-sweep"), config: file },
      env: env("2026-12-09T16:40:00Z"),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error title=unusable input,file=[^,]*firstline\.yml,line=5::timezone/);
    expect(run.stdout).toContain("timezone");
    const after = emulator.log.summary();
    expect(after.writes).toBe(before.writes);
    expect(after.total - before.total).toBeLessThanOrEqual(1);
  });

  it("sla-report summarises the period's tickets and gives the CSV as its result", async () => {
    const run = await runAction({
      inputs: { ...inputs("sla-report"), from: "2026-12-01", to: "2026-12-31" },
      env: env("2026-12-10T12:00:00Z"),
    });
    expect(run.stdout).not.toContain("::error");
    expect(run.code).toBe(0);
    expect(run.summary).toContain("## SLA report: tickets opened 2026-12-01 to 2026-12-31");
    expect(run.summary).toContain("| riverside | P3 | 1 |");
    expect(run.summary).toContain("### Trends\n\n```mermaid\nxychart-beta");
    expect(run.output).toMatch(/result<<\S+\nclient,priority,tickets,/);
  });
});
