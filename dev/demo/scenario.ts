import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { main } from "../../src/cli/main.js";
import { nodeIo } from "../../src/shell/node-io.js";
import { loadRota, ROTA_FILE_NAMES } from "../../src/config/rota-load.js";
import { parseConfig } from "../../src/config/load-config.js";
import { buildSlaPolicy } from "../../src/core/sla/policy.js";
import { DASHBOARD_MARKER } from "../../src/core/sweep/dashboard.js";
import { toilTable } from "../../src/core/toil/report.js";
import { toilFromGitHub } from "../../src/github/toil-from-github.js";
import { transportOf } from "../../src/github/transport.js";
import { agencySeed, AUTOMATION_USER } from "./agency-seed.js";
import { siteDownPayload } from "./alert-payloads.js";
import { Narrator } from "./narrate.js";
import { runAction } from "./run-action.js";
import { playEmailDemo } from "./email-scenario.js";
import { startStack, type Stack } from "./stack.js";
import { PagerDutyStandin } from "../emulator/pagers/pagerduty-standin.js";
import { SlackStandin } from "../emulator/slack/slack-standin.js";
import { startSmtpSink } from "../../test/helpers/smtp-sink.js";
import { notificationLines } from "./notification-lines.js";
import { createProject } from "../emulator/graphql/projects-state.js";
import { readRunbooks } from "../../src/core/runbooks/read-runbooks.js";
import { readdirSync } from "node:fs";
import { buildSiteWithService, printProjectItems, withDemoProject } from "./project-and-service.js";

/** The stand-in PagerDuty's keys: the app reads them from its environment, as in production. */
const PAGERDUTY = {
  routingKey: "demo-routing-key-0000000000000000",
  webhookSecret: "demo-pagerduty-webhook-secret",
};
let pagerDuty: PagerDutyStandin | undefined;

const ZONE = "Europe/London";
const SLACK_TOKEN = "xoxb-demo-token";

/** One beat of the scripted fortnight: when, what happens, and what to do. */
interface Beat {
  readonly at: string;
  readonly what: string;
  readonly act: (stack: Stack) => Promise<unknown>;
}

const issue = (stack: Stack, as: string, repo: string, title: string, body: string) => {
  const [owner = "", name = ""] = repo.split("/");
  return stack.as(as).rest.issues.create({ owner, repo: name, title, body });
};
const reply = (stack: Stack, as: string, repo: string, number: number, body: string) => {
  const [owner = "", name = ""] = repo.split("/");
  return stack.as(as).rest.issues.createComment({ owner, repo: name, issue_number: number, body });
};
const action = (stack: Stack, command: string) =>
  runAction({
    inputs: { command, token: `user-${AUTOMATION_USER}`, "bot-login": AUTOMATION_USER },
    env: {
      GITHUB_API_URL: stack.emulator.url,
      FIRSTLINE_NOW: stack.emulator.clock.now().toISOString(),
      GITHUB_REPOSITORY: "northgate/support",
    },
  });

/** Issue numbers the script refers back to, filled as it goes. */
const numbers = {
  login: 0,
  board: 0,
  events: 0,
  outage: 0,
  question: 0,
  hours: 0,
  typo: 0,
  alert: 0,
  swap: 0,
};

const siteDown = (status: "firing" | "resolved") =>
  siteDownPayload({ status, startsAt: "2026-12-06T03:04:00Z", endsAt: "2026-12-06T03:38:00Z" });

const SWAPPED = () =>
  readFileSync("rota/support.yml", "utf8")
    .replace("2027-01-06: { developer: alice-okafor,", "2027-01-06: { developer: @JO@,")
    .replace("2027-01-13: { developer: jo-pereira,", "2027-01-13: { developer: alice-okafor,")
    .replace("developer: @JO@,", "developer: jo-pereira,");

/** The scripted fortnight: tickets at awkward hours, staff replies, waiting, a breach, a swap, an alert. */
const BEATS: readonly Beat[] = [
  {
    at: "2026-12-02T10:05:00Z",
    what: "Wednesday handover: the rota workflow publishes this week's announcement",
    act: (s) => action(s, "publish-rota"),
  },
  {
    at: "2026-12-02T10:12:00Z",
    what: "The app's first scheduled sweep: Acme's monthly upkeep is due today (first Wednesday), and Riverside's certificate review from last Wednesday is still to do",
    act: (s) => s.sweep(),
  },
  {
    at: "2026-12-02T11:00:00Z",
    what: "Rosa (Riverside) reports a bug with no details",
    act: async (s) =>
      (numbers.login = (
        await issue(s, "rosa", "riverside/tenant-portal", "Login is broken", "I can't get in.")
      ).data.number),
  },
  {
    at: "2026-12-02T13:00:00Z",
    what: "Rosa replies with the details",
    act: (s) =>
      reply(
        s,
        "rosa",
        "riverside/tenant-portal",
        numbers.login,
        "Steps: 1. go to https://portal.riverside.example/login 2. enter my details and press Sign in. I expected my dashboard but it shows an error page.",
      ),
  },
  {
    at: "2026-12-02T14:10:00Z",
    what: "Erin (support developer this week) answers",
    act: (s) =>
      reply(
        s,
        "erin-walsh",
        "riverside/tenant-portal",
        numbers.login,
        "Thanks Rosa, I can reproduce it and I'm on it.",
      ),
  },
  {
    at: "2026-12-03T10:00:00Z",
    what: "Rosa asks for a content change; nobody picks it up",
    act: async (s) =>
      (numbers.board = (
        await issue(
          s,
          "rosa",
          "riverside/tenant-portal",
          "Please update the board members page",
          "Please change the names on the board page to the new list.",
        )
      ).data.number),
  },
  {
    at: "2026-12-03T16:10:00Z",
    what: "The scheduled sweep runs (6 of 8 working hours gone)",
    act: (s) => s.sweep(),
  },
  {
    at: "2026-12-04T10:05:00Z",
    what: "Friday's first sweep: the 8 working hours ran out at Thursday 18:00",
    act: (s) => s.sweep(),
  },
  {
    at: "2026-12-04T15:00:00Z",
    what: "Pat (Acme) asks for new functionality",
    act: async (s) =>
      (numbers.events = (
        await issue(
          s,
          "pat",
          "acme/website",
          "New events calendar",
          "Could you build a new events calendar with online booking? It is a new feature for our residents.",
        )
      ).data.number),
  },
  {
    at: "2026-12-04T15:20:00Z",
    what: "Alice confirms it is chargeable",
    act: (s) =>
      reply(
        s,
        "alice-okafor",
        "acme/website",
        numbers.events,
        "/chargeable 5d new booking functionality, not a support change",
      ),
  },
  {
    at: "2026-12-05T02:00:00Z",
    what: "Saturday 02:00: Pat reports Acme's website down (Acme has out-of-hours cover)",
    act: async (s) =>
      (numbers.outage = (
        await issue(
          s,
          "pat",
          "acme/website",
          "Website down",
          "### What is wrong, or what do you need?\n\nEvery page shows a 502 error.\n\n### Page or URL\n\nhttps://www.acme.example\n\n### Steps to reproduce\n\nOpen any page\n\n### Expected behaviour\n\nThe site\n\n### Actual behaviour\n\n502 Bad Gateway\n\n### Impact\n\nThe live site is down or unusable, or we think it has been hacked\n\n### Type of request\n\nSomething is broken",
        )
      ).data.number),
  },
  {
    at: "2026-12-05T02:03:00Z",
    what: "Alice's phone rings: she acknowledges the page in PagerDuty's app",
    act: async (s) =>
      pagerDuty?.webhook({
        dedupKey: `firstline/acme/website#${numbers.outage}`,
        type: "incident.acknowledged",
        agent: { id: "PALICE1", name: "Alice Okafor" },
        at: s.emulator.clock.now(),
        url: `${s.app.url}/firstline/pagers/pagerduty`,
      }),
  },
  { at: "2026-12-05T02:25:00Z", what: "The sweep at 02:25: 25 of 30 minutes gone", act: (s) => s.sweep() },
  {
    at: "2026-12-05T02:28:00Z",
    what: "Alice (on call) answers",
    act: (s) =>
      reply(
        s,
        "alice-okafor",
        "acme/website",
        numbers.outage,
        "On it: the web server ran out of memory, restarting now.",
      ),
  },
  {
    at: "2026-12-05T09:02:00Z",
    what: "Saturday 09:02: the morning sweep; Alice was woken at 02:03",
    act: (s) => s.sweep(),
  },
  {
    at: "2026-12-06T03:05:00Z",
    what: "Sunday 03:05: Alertmanager fires SiteDown for Acme",
    act: async (s) => {
      const result = (await s.alert(siteDown("firing"))).json as { alerts: { number: number }[] };
      numbers.alert = result.alerts[0]?.number ?? 0;
    },
  },
  {
    at: "2026-12-06T03:08:00Z",
    what: "Three minutes on: nobody has acknowledged the page",
    act: (s) => s.sweep(),
  },
  { at: "2026-12-06T03:10:30Z", what: "Five minutes on: still no acknowledgement", act: (s) => s.sweep() },
  {
    at: "2026-12-06T03:14:00Z",
    what: "Sam (second line) takes it",
    act: (s) => reply(s, "sam-oduya", "acme/website", numbers.alert, "Got it, restarting php-fpm on web-1."),
  },
  { at: "2026-12-06T03:39:00Z", what: "The alert resolves", act: (s) => s.alert(siteDown("resolved")) },
  {
    at: "2026-12-06T03:45:00Z",
    what: "Sam records the time off in lieu",
    act: (s) => reply(s, "sam-oduya", "acme/website", numbers.alert, "/toil woke 40m"),
  },
  {
    at: "2026-12-07T09:30:00Z",
    what: "Dependabot finds two vulnerabilities in one package of Glenmore's shop",
    act: async (s) => {
      s.emulator.createAlert("glenmore/shop", {
        package: "guzzlehttp/guzzle",
        ecosystem: "composer",
        manifestPath: "composer.lock",
        severity: "high",
        summary: "Cross-domain cookie leakage in Guzzle",
        ghsaId: "GHSA-cwmx-hcrq-mhc3",
        cveId: "CVE-2022-31042",
        vulnerableVersionRange: "< 7.4.5",
        firstPatchedVersion: "7.4.5",
      });
      await s.settle();
      s.emulator.createAlert("glenmore/shop", {
        package: "guzzlehttp/guzzle",
        ecosystem: "composer",
        manifestPath: "composer.lock",
        severity: "medium",
        summary: "Failure to strip the Authorization header on redirect",
        ghsaId: "GHSA-w248-ffj2-4v5q",
        cveId: "CVE-2022-31043",
        vulnerableVersionRange: "< 7.4.5",
        firstPatchedVersion: "7.4.5",
      });
    },
  },
  {
    at: "2026-12-07T10:00:00Z",
    what: "Monday: Rosa sends a change request",
    act: async (s) =>
      (numbers.question = (
        await issue(
          s,
          "rosa",
          "riverside/tenant-portal",
          "Please update the opening hours text",
          "Please change the opening hours on the contact page.",
        )
      ).data.number),
  },
  {
    at: "2026-12-07T13:00:00Z",
    what: "Grace looks at it three hours later: the contact page is how tenants report repairs, so she raises it to P2",
    act: (s) => reply(s, "grace-kowalski", "riverside/tenant-portal", numbers.question, "/priority P2"),
  },
  {
    at: "2026-12-08T11:00:00Z",
    what: "Tuesday: Rosa reports a typo; Erin needs the right wording from her",
    act: async (s) =>
      (numbers.hours = (
        await issue(
          s,
          "rosa",
          "riverside/tenant-portal",
          "Wrong wording on the rent page",
          "The rent page wording is wrong, it should say 'monthly' but it shows 'weekly'. Steps: 1. open https://portal.riverside.example/rent 2. read the first line.",
        )
      ).data.number),
  },
  {
    at: "2026-12-08T11:30:00Z",
    what: "Erin asks and sets it waiting on the client",
    act: (s) =>
      reply(
        s,
        "erin-walsh",
        "riverside/tenant-portal",
        numbers.hours,
        "Can you confirm the exact wording you'd like?\n\n/waiting",
      ),
  },
  {
    at: "2026-12-09T10:05:00Z",
    what: "Wednesday handover: the new week is announced",
    act: (s) => action(s, "publish-rota"),
  },
  {
    at: "2026-12-09T11:00:00Z",
    what: "Alice opens a pull request to swap her January week with Jo",
    act: async (s) => {
      s.emulator.push("northgate/support", {
        branch: "swap-january",
        files: { "rota/support.yml": SWAPPED() },
        sender: "alice-okafor",
      });
      numbers.swap = (
        await s.as("alice-okafor").rest.pulls.create({
          owner: "northgate",
          repo: "support",
          head: "swap-january",
          base: "main",
          title: "Swap my January week with Jo",
        })
      ).data.number;
    },
  },
  {
    at: "2026-12-09T14:00:00Z",
    what: "Jo approves the swap; the delivery leads have not yet",
    act: (s) => approveSwap(s, "jo-pereira"),
  },
  {
    at: "2026-12-09T14:20:00Z",
    what: "Dana (delivery lead) approves; one approval to go",
    act: (s) => approveSwap(s, "dana-whitfield"),
  },
  {
    at: "2026-12-09T14:45:00Z",
    what: "Lee (delivery lead) approves: every approval is in, so the swap is ready to merge",
    act: (s) => approveSwap(s, "lee-harrington"),
  },
  {
    at: "2026-12-09T15:00:00Z",
    what: "Dana merges the swap: Alice, Jo and their delivery leads hear what changed",
    act: async (s) => {
      s.emulator.push("northgate/support", {
        branch: "main",
        files: { "rota/support.yml": SWAPPED() },
        message: `Merge pull request #${numbers.swap} from northgate/swap-january`,
        sender: "dana-whitfield",
      });
    },
  },
  {
    at: "2026-12-15T10:30:00Z",
    what: "A week later: the sweep asks this week's pair to follow up tickets with no reply for 3 working days",
    act: (s) => s.sweep(),
  },
  {
    at: "2026-12-16T10:30:00Z",
    what: "Rosa has not answered for 5 working days: the sweep reminds her and brings the dashboard up to date",
    act: (s) => s.sweep(),
  },
];

/** One approval of the rota swap pull request. */
async function approveSwap(s: Stack, login: string): Promise<void> {
  await s.as(login).rest.pulls.createReview({
    owner: "northgate",
    repo: "support",
    pull_number: numbers.swap,
    event: "APPROVE",
  });
}

/** Plays the fortnight and prints what Firstline did; returns the exit code. */
export async function playDemo(out: (line: string) => void): Promise<number> {
  pagerDuty = await new PagerDutyStandin({
    routingKey: PAGERDUTY.routingKey,
    webhookSecret: PAGERDUTY.webhookSecret,
  }).start();
  const pd = pagerDuty;
  const pagers = `  pagers:\n    - kind: pagerduty\n      eventsUrl: ${pd.eventsUrl}\n      users: { alice-okafor: PALICE1, sam-oduya: PSAMO01 }`;
  let clock = () => Date.parse("2026-12-02T09:00:00Z");
  const slack = await new SlackStandin({
    token: SLACK_TOKEN,
    channels: ["C0SUPPORT", "C0ACME"],
    members: ["U0ALICE", "U0ERIN", "U0HAMZA", "U0DANA"],
    now: () => clock(),
  }).start();
  const smtp = await startSmtpSink();
  const stack = await startStack({
    seed: agencySeed({
      editConfig: (text) => withDemoProject(text.replace(/^ {2}pagers: \[\].*$/m, pagers)),
    }),
    now: new Date("2026-12-02T09:00:00Z"),
    env: {
      FIRSTLINE_PAGERDUTY_ROUTING_KEY: PAGERDUTY.routingKey,
      FIRSTLINE_PAGERDUTY_WEBHOOK_SECRET: PAGERDUTY.webhookSecret,
      SLACK_BOT_TOKEN: SLACK_TOKEN,
      SLACK_API_URL: slack.apiUrl,
      SMTP_URL: smtp.url,
    },
  });
  clock = () => stack.emulator.clock.now().getTime();
  const notified = notificationLines({ slack, smtp });
  createProject(stack.emulator.state, {
    owner: "northgate",
    title: "Support queue",
    now: new Date("2026-12-01T09:00:00Z"),
  });
  let seen = 0;
  const pagerLines = () =>
    pd.server.requests.splice(0).map((r) => {
      seen += 1;
      const event = JSON.parse(r.body) as {
        event_action?: string;
        dedup_key?: string;
        payload?: { summary?: string };
      };
      return `PagerDuty (stand-in) got ${event.event_action ?? "?"} ${event.dedup_key ?? ""}${event.payload?.summary ? `: "${event.payload.summary}"` : ""}, answered ${r.status}`;
    });
  try {
    out("Firstline demo: Northgate Digital's support desk for a fortnight, on a built-in GitHub emulator.");
    out(
      `The emulator is at ${stack.emulator.url}; the Firstline app serves webhooks at ${stack.app.webhookUrl}.`,
    );
    out(
      "Clients: Acme (enhanced plan, out-of-hours cover), Riverside (standard), Glenmore (standard, Scottish holidays).",
    );
    out(
      `The agency's pager is a stand-in PagerDuty at ${pd.eventsUrl} (Events API v2, schema-checked); it sends its webhooks back signed.`,
    );
    out(
      `Slack is a stand-in Web API at ${slack.apiUrl} (SLACK_BOT_TOKEN); email goes to a real SMTP server at ${smtp.url.replace(/\/\/[^@]*@/, "//")} (SMTP_URL).`,
    );
    const narrator = new Narrator(
      () => stack.emulator.dump(),
      ZONE,
      out,
      () => [...pagerLines(), ...notified()],
    );
    for (const beat of BEATS) {
      stack.emulator.clock.set(new Date(beat.at));
      narrator.step(stack.emulator.clock.now(), beat.what);
      await beat.act(stack);
      await stack.settle();
      narrator.report();
    }
    const dashboard = stack.emulator
      .dump()
      .repos.find((r) => r.fullName === "northgate/support")
      ?.issues.find((i) => (i.body ?? "").includes(DASHBOARD_MARKER));
    out(`\nThe first-line dashboard (northgate/support#${dashboard?.number ?? "?"}) now reads:\n`);
    out(
      (dashboard?.body ?? "(none)")
        .replace(DASHBOARD_MARKER, "")
        .replace(/<sub>.*<\/sub>/, "")
        .trim()
        .replace(/^/gm, "    "),
    );
    printProjectItems({ stack, out });
    await printToil({ stack, out });
    await playEmailDemo(out);
    await buildSite(out);
    await buildServiceSite({ stack, out });
    out(
      `\nDemo finished: every step above went through real HTTP, signed webhooks and GitHub's API rules (${seen} requests to the pager).`,
    );
    return 0;
  } finally {
    await stack.close();
    await pd.close();
    await slack.close();
    await smtp.close();
  }
}

async function buildSite(out: (line: string) => void): Promise<void> {
  const dir = ".firstline-demo/site";
  let text = "";
  const io = {
    ...nodeIo(),
    stdout: (line: string) => void (text += line),
    stderr: (line: string) => void (text += line),
  };
  const code = await main(["site", "build", "--out", dir, "--today", "2026-12-16"], io);
  out(
    `\nThe runbook and rota site (firstline site build): ${code === 0 ? text.trim() : `failed: ${text.trim()}`}`,
  );
  if (code === 0) out(`Open ${resolve(dir, "index.html")} in a browser: it works offline.`);
}

/** This repository's configuration and rota, as the support repository holds them; null if either does not load. */
function repositoryConfigAndRota() {
  const parsed = parseConfig({
    file: ".github/firstline.yml",
    text: readFileSync(".github/firstline.yml", "utf8"),
  });
  const rota = loadRota({
    people: { file: "rota/people.yml", text: readFileSync(`rota/${ROTA_FILE_NAMES.people}`, "utf8") },
    support: { file: "rota/support.yml", text: readFileSync(`rota/${ROTA_FILE_NAMES.support}`, "utf8") },
    onCall: { file: "rota/on-call.yml", text: readFileSync(`rota/${ROTA_FILE_NAMES.onCall}`, "utf8") },
  });
  return parsed.ok && rota.ok ? { config: parsed.value.value, rota: rota.value } : null;
}

/** The site again, with the Service page drawn from the fortnight's tickets. */
async function buildServiceSite(params: { stack: Stack; out: (line: string) => void }): Promise<void> {
  const loaded = repositoryConfigAndRota();
  if (!loaded) return;
  const { runbooks } = readRunbooks(
    readdirSync("runbooks")
      .filter((name) => name.endsWith(".md"))
      .map((name) => ({ file: `runbooks/${name}`, text: readFileSync(`runbooks/${name}`, "utf8") })),
  );
  await buildSiteWithService({
    stack: params.stack,
    config: loaded.config,
    rota: loaded.rota,
    runbooks,
    today: "2026-12-16",
    out: params.out,
  });
}

async function printToil(params: { stack: Stack; out: (line: string) => void }): Promise<void> {
  const { stack, out } = params;
  const loaded = repositoryConfigAndRota();
  if (!loaded) return;
  const { config } = loaded;
  const calendar = buildSlaPolicy({ config }).termsFor({ repo: "" }).calendar;
  const gh = transportOf(stack.as(AUTOMATION_USER));
  const { report } = await toilFromGitHub({
    gh,
    repos: config.clients.flatMap((c) => c.repos).filter((r) => r !== "acme/intranet"),
    from: Date.parse("2026-12-01T00:00:00Z"),
    to: Date.parse("2027-01-01T00:00:00Z"),
    rota: loaded.rota,
    zone: config.timezone,
    calendar,
  });
  out("\nTOIL for December, from the /toil claims on alert issues (firstline toil):\n");
  out(toilTable({ report, zone: config.timezone }).replace(/^/gm, "    "));
}
