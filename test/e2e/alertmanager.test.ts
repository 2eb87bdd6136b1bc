import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import type { IssueDump } from "../../dev/emulator/state/dump.js";
import {
  ensureAlertmanager,
  startAlertmanager,
  type PostableAlert,
  type RunningAlertmanager,
} from "../helpers/alertmanager.js";
import { skipWithoutServer } from "../helpers/debian-package.js";
import { ALERTS_SECRET, startStack, type Stack } from "./harness.js";

/** How long an alert may take to reach the app: a second of grouping on a quiet machine, far longer under load. */
const POLL_MS = 30_000;

/** Waits until the emulator holds an issue matching `found`, or fails with what Alertmanager logged. */
async function pollIssue(params: {
  stack: Stack;
  alertmanager: RunningAlertmanager;
  repo: string;
  what: string;
  found: (issue: IssueDump) => boolean;
}): Promise<IssueDump> {
  const deadline = Date.now() + POLL_MS;
  for (;;) {
    await params.stack.settle();
    const issue = params.stack.emulator
      .dump()
      .repos.find((r) => r.fullName === params.repo)
      ?.issues.find(params.found);
    if (issue) return issue;
    if (Date.now() > deadline)
      throw new Error(
        `no ${params.what} in ${params.repo} within ${POLL_MS / 1000} s; Alertmanager logged:\n${params.alertmanager.log()}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Installed when missing (as root, with apt-get); skipped with the install command only outside CI.
const skip = skipWithoutServer(ensureAlertmanager());

// Alertmanager runs on real time, so the emulated GitHub (and the app reading its clock) does too.
describe.skipIf(skip)("the real Prometheus Alertmanager end to end", () => {
  let stack: Stack;
  let alertmanager: RunningAlertmanager | undefined;
  // A missing or broken Alertmanager fails each test with the reason (never a skip).
  let notStarted: unknown = new Error("Alertmanager did not start");
  const running = (): RunningAlertmanager => {
    if (!alertmanager) throw notStarted;
    return alertmanager;
  };
  const siteDown = (times: { startsAt: string; endsAt?: string }): PostableAlert => ({
    labels: { alertname: "SiteDown", severity: "critical", client: "acme", instance: "web-1" },
    annotations: { summary: "acme.example is not answering" },
    generatorURL: "http://prometheus.example:9090/graph",
    ...times,
  });
  const firedAt = new Date(Date.now() - 60_000).toISOString();

  beforeAll(async () => {
    stack = await startStack({ seed: agencySeed(), now: new Date() });
    alertmanager = await startAlertmanager({
      webhookUrl: `${stack.app.url}/firstline/alerts`,
      bearer: ALERTS_SECRET,
    }).catch((error: unknown) => {
      notStarted = error;
      return undefined;
    });
  });
  afterAll(async () => {
    await alertmanager?.stop();
    await stack.close();
  });

  it("a firing alert posted to Alertmanager becomes a P1 alert ticket in the client's repository with its runbook", async () => {
    const alertmanager = running();
    stack.emulator.clock.set(new Date());
    await alertmanager.post([siteDown({ startsAt: firedAt })]);
    const issue = await pollIssue({
      stack,
      alertmanager,
      repo: "acme/website",
      what: "SiteDown issue",
      found: (i) => i.labels.includes("type: alert") && i.title.includes("SiteDown"),
    });
    expect(issue.state).toBe("open");
    expect(issue.author).toBe("firstline[bot]");
    expect(issue.labels).toEqual(expect.arrayContaining(["type: alert", "priority: P1", "client: acme"]));
    expect(issue.title).toBe("Alert: SiteDown (acme): acme.example is not answering");
    expect(issue.body).toContain("https://northgate.github.io/support/runbooks/site-down.html");
    expect(issue.body).toContain("http://prometheus.example:9090/graph");
  });

  it("the alert resolved in Alertmanager closes the ticket with a comment", async () => {
    const alertmanager = running();
    stack.emulator.clock.set(new Date());
    await alertmanager.post([
      siteDown({ startsAt: firedAt, endsAt: new Date(Date.now() - 1_000).toISOString() }),
    ]);
    const issue = await pollIssue({
      stack,
      alertmanager,
      repo: "acme/website",
      what: "closed SiteDown issue",
      found: (i) => i.title.includes("SiteDown") && i.state === "closed",
    });
    expect(issue.comments.map((c) => c.body).join("\n")).toMatch(/\*\*SiteDown\*\* is resolved/);
    const all = stack.emulator
      .dump()
      .repos.flatMap((r) => r.issues)
      .filter((i) => i.title.includes("SiteDown"));
    expect(all).toHaveLength(1);
  });
});
