import * as z from "zod";
import { createAlert, dismissAlert, fixAlert } from "../changes/alerts.js";
import type { ChangeEnv } from "../changes/env.js";
import { pushFiles } from "../changes/pulls.js";
import type { EmulatorCore } from "../core.js";
import { applySeed } from "../state/seed.js";
import type { SeedInput } from "../state/seed-schema.js";
import type { AlertRecord, RepoRecord } from "../state/types.js";
import type { WebhookEvent } from "../webhooks/payloads.js";

/** A push made outside the API (GitHub has no REST call for `git push`). */
export const pushSchema = z.strictObject({
  /** Branch to push to; created from the default branch when new. Defaults to the default branch. */
  branch: z.string().optional(),
  /** path → new UTF-8 content, or null to delete the file. */
  files: z.record(z.string().min(1), z.string().nullable()),
  message: z.string().default("Update files"),
  /** Who pushes (the webhook's sender); defaults to the repository owner. */
  sender: z.string().optional(),
});

/** A vulnerability Dependabot finds in a repository. */
export const alertSchema = z.strictObject({
  package: z.string(),
  ecosystem: z.string().default("npm"),
  manifestPath: z.string().default("package-lock.json"),
  scope: z.enum(["development", "runtime"]).default("runtime"),
  severity: z.enum(["low", "medium", "high", "critical"]),
  summary: z.string(),
  description: z.string().default(""),
  ghsaId: z.string().default("GHSA-xxxx-xxxx-xxxx"),
  cveId: z.string().nullable().default(null),
  vulnerableVersionRange: z.string().default("< 1.0.0"),
  firstPatchedVersion: z.string().nullable().default(null),
});

export const dismissSchema = z.strictObject({
  reason: z.enum(["fix_started", "inaccurate", "no_bandwidth", "not_used", "tolerable_risk"]),
  comment: z.string().optional(),
  sender: z.string().optional(),
});

const DEPENDABOT = "dependabot[bot]";

/** The control actions that change the emulated GitHub (and may send webhooks). */
export interface ControlActions {
  readonly seed: (input: SeedInput) => void;
  readonly push: (
    repo: string,
    input: z.input<typeof pushSchema>,
  ) => { before: string | null; after: string };
  readonly createAlert: (repo: string, input: z.input<typeof alertSchema>) => { number: number };
  readonly fixAlert: (repo: string, number: number) => void;
  readonly dismissAlert: (repo: string, number: number, input: z.input<typeof dismissSchema>) => void;
}

/** Builds the control actions over the emulator's parts. */
export function controlActions(core: EmulatorCore): ControlActions {
  const repoOf = (fullName: string): RepoRecord => {
    const [owner = "", name = ""] = fullName.split("/");
    const repo = core.state.repo(owner, name);
    if (!repo) throw new Error(`repository ${fullName} is not seeded`);
    return repo;
  };
  const alertOf = (repo: RepoRecord, number: number): AlertRecord => {
    const alert = core.state.alerts.find((a) => a.repoId === repo.id && a.number === number);
    if (!alert) throw new Error(`no Dependabot alert #${number} in ${repo.owner}/${repo.name}`);
    return alert;
  };
  // A control change runs like an API request: its webhooks go out once it is done.
  const change = <T>(actorLogin: string, run: (env: ChangeEnv) => T): T => {
    const events: WebhookEvent[] = [];
    const result = run({
      state: core.state,
      shapes: core.shapes,
      now: core.clock.now(),
      emit: (event) => events.push(event),
      actorLogin,
    });
    core.dispatcher.enqueue(events);
    return result;
  };
  const dependabot = (): string => {
    if (!core.state.account(DEPENDABOT)) {
      core.state.accounts.set(DEPENDABOT, {
        id: core.state.nextId(),
        login: DEPENDABOT,
        type: "Bot",
        name: null,
        email: null,
        createdAt: core.clock.now(),
      });
    }
    return DEPENDABOT;
  };
  return {
    seed: (input) => applySeed(core.state, input, core.clock.now()),
    push: (fullName, raw) => {
      const repo = repoOf(fullName);
      const input = pushSchema.parse(raw);
      return change(input.sender ?? repo.owner, (env) =>
        pushFiles(env, repo, {
          branch: input.branch ?? repo.defaultBranch,
          files: input.files,
          message: input.message,
        }),
      );
    },
    createAlert: (fullName, raw) => {
      const repo = repoOf(fullName);
      const input = alertSchema.parse(raw);
      const { package: packageName, ...rest } = input;
      const record = change(dependabot(), (env) => createAlert(env, repo, { ...rest, packageName }));
      return { number: record.number };
    },
    fixAlert: (fullName, number) => {
      const repo = repoOf(fullName);
      const alert = alertOf(repo, number);
      change(dependabot(), (env) => fixAlert(env, repo, alert));
    },
    dismissAlert: (fullName, number, raw) => {
      const repo = repoOf(fullName);
      const input = dismissSchema.parse(raw);
      const alert = alertOf(repo, number);
      change(input.sender ?? repo.owner, (env) =>
        dismissAlert(env, repo, alert, input.reason, input.comment ?? null),
      );
    },
  };
}
