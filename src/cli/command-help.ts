/**
 * What `firstline <command> --help` says about each option, and one example a command. Defaults
 * that the option schemas hold are added by `help.ts`; defaults worked out when the command runs
 * (today, the repository's folders) are said here. A test checks every command and option has one.
 */
export interface CommandHelp {
  readonly options: Readonly<Record<string, string>>;
  readonly example: string;
}

const CONFIG = "the configuration file";
const ROTA_DIR =
  "the rota folder with people.yml, support.yml and on-call.yml (default: the configured rota folder, rota/, of the current git repository)";
const TIMEZONE = "the IANA zone weeks and working hours are read in";
const TODAY = "the date to check as of (default: today in the zone)";
const GITHUB = "Reads GITHUB_TOKEN (or GH_TOKEN) and GITHUB_API_URL.";

export const COMMAND_HELP: Readonly<Record<string, CommandHelp>> = {
  "sla due": {
    options: {
      config: CONFIG,
      client: "the client id (clients[].id in the configuration)",
      priority: "P1, P2, P3 or P4",
      opened: "when the ticket was opened, an ISO 8601 instant with an offset",
      metric: "firstResponse, nextResponse or resolution",
    },
    example: "firstline sla due --client acme --priority P2 --opened 2026-12-04T17:30:00Z",
  },
  "sla status": {
    options: {
      config: CONFIG,
      ticket: "a ticket timeline as JSON (see CLI.md)",
      now: "the instant to report at, ISO 8601 with an offset",
    },
    example: "firstline sla status --ticket ticket.json --now 2026-10-20T12:00:00Z",
  },
  "sla explain": {
    options: {
      config: CONFIG,
      ticket: "a ticket timeline as JSON",
      now: "the instant to explain at, ISO 8601 with an offset",
    },
    example: "firstline sla explain --ticket ticket.json --now 2026-10-20T12:00:00Z",
  },
  "sla report": {
    options: {
      since: "the first day of the report",
      until: "the last day (default: today)",
      config: CONFIG,
      csv: "CSV instead of a table",
      "bot-login": "Firstline's own login (`<app>[bot]`): only its issues count as email tickets",
    },
    example: `firstline sla report --since 2026-11-01 --until 2026-11-30 --csv   (${GITHUB})`,
  },
  triage: {
    options: {
      config: CONFIG,
      issue: "a GitHub issue as JSON, with its repository (as in a webhook payload)",
    },
    example: "firstline triage --issue issue.json",
  },
  "rota check": {
    options: { dir: ROTA_DIR, today: TODAY, timezone: TIMEZONE },
    example: "firstline rota check --today 2026-12-02",
  },
  "rota diff": {
    options: {
      base: "the rota folder before the change",
      head: "the rota folder after the change",
      author: "who proposes the change (GitHub login)",
      now: "the instant to judge at (default: now)",
      approved: "logins that approved, comma-separated",
      admins: "logins that may approve changes to people.yml, comma-separated",
      timezone: TIMEZONE,
    },
    example: "firstline rota diff --base main-rota --head rota --author alice --approved bob,carol",
  },
  "rota who": {
    options: { dir: ROTA_DIR, at: "the instant to ask about (default: now)", timezone: TIMEZONE },
    example: "firstline rota who --at 2026-12-05T02:00:00Z",
  },
  "rota plan": {
    options: { dir: ROTA_DIR, from: "the Wednesday the plan starts on", weeks: "how many weeks to plan" },
    example: "firstline rota plan --from 2026-12-02 --weeks 8",
  },
  "rota ics": {
    options: {
      dir: ROTA_DIR,
      out: "the iCalendar file to write",
      login: "only this person's shifts",
      timezone: TIMEZONE,
    },
    example: "firstline rota ics --out rota.ics --login alice",
  },
  "runbooks check": {
    options: {
      dir: "the runbooks folder (default: runbooks/ of the current git repository)",
      today: TODAY,
      timezone: TIMEZONE,
    },
    example: "firstline runbooks check",
  },
  "site build": {
    options: {
      out: "the folder to write the site to",
      "rota-dir": ROTA_DIR,
      "runbooks-dir": "the runbooks folder (default: runbooks/ of the current git repository)",
      config:
        "the configuration file (default: .github/firstline.yml of the current git repository, or every default when it has none)",
      today: "the date the rota pages show (default: today in the configured zone)",
    },
    example: "firstline site build --out _site",
  },
  toil: {
    options: {
      config: "the configuration file",
      alerts: "a log of out-of-hours alerts as JSON",
      repo: "a repository whose alert issues are read (repeat for more)",
      from: "the first day read from GitHub",
      to: "the last day read from GitHub",
      "rota-dir": "the rota folder, to name who was on call",
      csv: "CSV instead of a table",
    },
    example: "firstline toil --config .github/firstline.yml --alerts alerts.json",
  },
  "alert ingest": {
    options: {
      config: "the configuration file",
      payload: "an Alertmanager or Grafana webhook body as JSON",
      repo: "the repository alert issues go to (owner/name)",
      "rota-dir": "the rota folder, to page who is on call",
      "bot-login": "the login the issues are written as",
    },
    example: `firstline alert ingest --payload alert.json --repo northgate/support   (${GITHUB})`,
  },
  "maintenance plan": {
    options: {
      config: "the configuration file with its maintenance tasks",
      from: "the first day",
      to: "the last day",
    },
    example: "firstline maintenance plan --config .github/firstline.yml --from 2026-12-01 --to 2026-12-31",
  },
  emulator: {
    options: {
      port: "the port to listen on (0: any free port)",
      host: "the address to listen on",
      now: "the emulated clock's start (default: now)",
      seed: "a YAML or JSON file of users, organisations, repositories and issues",
      "webhook-url": "where webhooks are delivered",
      "webhook-secret": "the secret webhooks are signed with",
      "app-id": "the GitHub App id to emulate",
      "private-key": "the App's private key (PEM file)",
      "private-key-out": "write the generated private key to this file",
    },
    example: "npm run emulator -- --port 3001 --seed seed.yml",
  },
};
