import { appendFileSync, cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { startEmulator, type Emulator } from "../../dev/emulator/index.js";
import { userClient } from "../emulator/helpers.js";
import { resultOutput, runAction } from "../helpers/run-action.js";

/** The scheduled commands that read GitHub with the automation user's token: toil and rota-horizon. */
describe("toil and rota-horizon in the Action", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({
      now: new Date("2026-12-05T02:00:00Z"),
      seed: agencySeed(),
      stderr: () => undefined,
    });
  });
  afterAll(async () => emulator.close());

  const env = (now: string) => ({ GITHUB_API_URL: emulator.url, FIRSTLINE_NOW: now });
  const inputs = (command: string, more: Record<string, string> = {}) => ({
    command,
    token: "user-northgate-ops",
    "bot-login": "northgate-ops",
    ...more,
  });
  const support = () => emulator.dump().repos.find((r) => r.fullName === "northgate/support");

  it("toil: last month's ledger from an alert issue with a /toil claim by the person on call, as a table and CSV", async () => {
    // Saturday 5 December 02:00 GMT, out of hours; alice-okafor is the on-call primary that week (rota/on-call.yml).
    const ops = userClient(emulator, "northgate-ops");
    const { data: alert } = await ops.rest.issues.create({
      owner: "acme",
      repo: "website",
      title: "SiteDown: www.acme.example",
      body: "The probe failed.",
      labels: ["type: alert"],
    });
    emulator.clock.set(new Date("2026-12-05T02:45:00Z"));
    await userClient(emulator, "alice-okafor").rest.issues.createComment({
      owner: "acme",
      repo: "website",
      issue_number: alert.number,
      body: "Restarted PHP-FPM.\n\n/toil woke 40m",
    });
    await userClient(emulator, "bob-adeyemi").rest.issues.createComment({
      owner: "acme",
      repo: "website",
      issue_number: alert.number,
      body: "/toil woke 30m",
    });

    const run = await runAction({ inputs: inputs("toil"), env: env("2027-01-01T06:00:00Z") });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "::warning::acme/intranet cannot be read with this token (404), so its alerts are not counted",
    );
    expect(run.output).toContain("result<<");
    const csv = /result<<(\S+)\n([\s\S]*?)\n\1/.exec(run.output)?.[2];
    expect(csv?.split("\r\n")).toEqual([
      "login,group_start,alerts,base,extra,days",
      "alice-okafor,2026-12-05T02:00:00Z,1,0.5,0,0.5",
      "",
    ]);
    expect(run.summary).toContain("## TOIL from 2026-12-01 to 2026-12-31");
    expect(run.summary).toContain("| alice-okafor | 0.5 | 1 |");
    expect(run.summary).toContain("| alice-okafor | Sat 5 Dec 2026 02:00 GMT | 1 | yes | 40m | 0.5 |");
    expect(run.summary).toMatch(new RegExp(`acme/website#${alert.number}: bob-adeyemi was not on call`));
    // The on-call report beside the ledger: a table in the summary, CSV and JSON as outputs.
    expect(run.summary).toContain("## On call from 2026-12-01 to 2026-12-31");
    expect(run.summary).toContain("| alice-okafor | 1 | 0 | 7 | 0 | 0 | 0.5 |");
    const onCall = /on-call-report<<(\S+)\n([\s\S]*?)\n\1/.exec(run.output)?.[2];
    expect(onCall?.split("\r\n")[0]).toBe(
      "login,weeks_primary,weeks_second_line,nights_on_call,pages,woken_nights,toil_days",
    );
    expect(onCall).toContain("alice-okafor,1,0,7,0,0,0.5");
    expect(run.output).toContain("on-call-report-json<<");
  });

  it("toil: from and to choose the period; a month with no claims is an empty ledger", async () => {
    const run = await runAction({
      inputs: inputs("toil", { from: "2026-11-01", to: "2026-11-30" }),
      env: env("2027-01-01T06:00:00Z"),
    });
    expect(run.code).toBe(0);
    expect(run.summary).toContain("## TOIL from 2026-11-01 to 2026-11-30");
    expect(run.summary).toContain("Nobody has TOIL to claim.");
    const backwards = await runAction({
      inputs: inputs("toil", { from: "2026-12-10", to: "2026-12-01" }),
      env: env("2027-01-01T06:00:00Z"),
    });
    expect(backwards.code).toBe(1);
    expect(backwards.stdout).toContain("::error::inputs: to: 2026-12-01 is before from (2026-12-10)");
    const bad = await runAction({
      inputs: inputs("toil", { from: "December" }),
      env: env("2027-01-01T06:00:00Z"),
    });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("must be a date such as 2026-12-02");
  });

  it("rota-horizon: nothing while the rota is covered; one issue when the 13 weeks ahead are not; closed once filled in", async () => {
    const quiet = await runAction({ inputs: inputs("rota-horizon"), env: env("2026-12-02T07:00:00Z") });
    expect(quiet.code).toBe(0);
    expect(resultOutput(quiet.output)).toMatchObject({
      ok: true,
      issue: "none",
      number: null,
      horizon: "2027-03-03",
    });

    const late = await runAction({ inputs: inputs("rota-horizon"), env: env("2027-04-15T07:00:00Z") });
    expect(late.stderr).toBe("");
    expect(late.code).toBe(0);
    expect(late.stdout).toMatch(
      /::warning::the rota needs attention \(2 errors, 1 warning\): issue northgate\/support#\d+ created/,
    );
    const opened = resultOutput(late.output) as { ok: boolean; issue: string; number: number };
    expect(opened).toMatchObject({ ok: false, issue: "created", horizon: "2027-07-14" });
    const issue = () => support()?.issues.find((i) => i.number === opened.number);
    expect(issue()?.title).toBe("The rota does not cover the next 13 weeks");
    expect(issue()?.author).toBe("northgate-ops");
    expect(issue()?.body).toContain("For: @dana-whitfield @grace-kowalski");
    expect(issue()?.body).toContain("weeks 2027-07-07 to 2027-07-14 have no first line support");
    expect(issue()?.body).toContain("weeks 2027-07-07 to 2027-07-14 have no on-call rota");
    expect(late.summary).toContain("## Rota horizon for 2027-04-15: needs attention");

    const writes = emulator.log.summary().writes;
    const again = await runAction({ inputs: inputs("rota-horizon"), env: env("2027-04-16T07:00:00Z") });
    expect(resultOutput(again.output)).toMatchObject({ issue: "unchanged", number: opened.number });
    expect(emulator.log.summary().writes).toBe(writes);

    const dir = mkdtempSync(join(tmpdir(), "rota-"));
    cpSync("rota", dir, { recursive: true });
    appendFileSync(
      join(dir, "support.yml"),
      "  2027-07-07: { developer: jo-pereira, operations: grace-kowalski }\n  2027-07-14: { developer: erin-walsh, operations: ivan-petrov }\n",
    );
    appendFileSync(
      join(dir, "on-call.yml"),
      "  2027-07-07: { primary: hamza-iqbal, secondLine: [grace-kowalski] }\n  2027-07-14: { primary: mei-chen, secondLine: [sam-oduya] }\n",
    );
    const fixed = await runAction({
      inputs: inputs("rota-horizon", { "rota-dir": dir }),
      env: env("2027-04-17T07:00:00Z"),
    });
    expect(fixed.code).toBe(0);
    expect(resultOutput(fixed.output)).toMatchObject({ ok: true, issue: "closed", number: opened.number });
    expect(issue()?.state).toBe("closed");
    expect(issue()?.comments.at(-1)?.body).toBe(
      "The rota passes its rules again and covers every week to 2027-07-14, so this can close.",
    );

    const after = await runAction({
      inputs: inputs("rota-horizon", { "rota-dir": dir }),
      env: env("2027-04-18T07:00:00Z"),
    });
    expect(resultOutput(after.output)).toMatchObject({ ok: true, issue: "none" });
  });
});
