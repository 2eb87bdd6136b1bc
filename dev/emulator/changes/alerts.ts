import { dependabotAlert } from "../shapes/dependabot.js";
import type { AlertRecord, RepoRecord } from "../state/types.js";
import { emitRepoEvent, type ChangeEnv } from "./env.js";

/** What a seeded Dependabot alert says about the vulnerable dependency. */
export interface AlertInput {
  readonly ecosystem: string;
  readonly packageName: string;
  readonly manifestPath: string;
  readonly scope: "development" | "runtime";
  readonly ghsaId: string;
  readonly cveId: string | null;
  readonly summary: string;
  readonly description: string;
  readonly severity: AlertRecord["severity"];
  readonly vulnerableVersionRange: string;
  readonly firstPatchedVersion: string | null;
}

function emitAlert(env: ChangeEnv, repo: RepoRecord, record: AlertRecord, action: string): void {
  emitRepoEvent(env, {
    name: "dependabot_alert",
    action,
    repo,
    fields: { alert: dependabotAlert(env.shapes, record) },
  });
}

/** Dependabot finds a vulnerability: a new open alert and `dependabot_alert.created`. */
export function createAlert(env: ChangeEnv, repo: RepoRecord, input: AlertInput): AlertRecord {
  const record: AlertRecord = {
    ...input,
    number: repo.nextAlertNumber++,
    repoId: repo.id,
    state: "open",
    createdAt: env.now,
    updatedAt: env.now,
    dismissedAt: null,
    dismissedBy: null,
    dismissedReason: null,
    dismissedComment: null,
    fixedAt: null,
  };
  env.state.alerts.push(record);
  emitAlert(env, repo, record, "created");
  return record;
}

/** The vulnerable version is gone: the alert is fixed (`dependabot_alert.fixed`). */
export function fixAlert(env: ChangeEnv, repo: RepoRecord, record: AlertRecord): void {
  record.state = "fixed";
  record.fixedAt = env.now;
  record.updatedAt = env.now;
  emitAlert(env, repo, record, "fixed");
}

/** Someone dismisses the alert (`dependabot_alert.dismissed`). */
export function dismissAlert(
  env: ChangeEnv,
  repo: RepoRecord,
  record: AlertRecord,
  reason: string,
  comment: string | null,
): void {
  record.state = "dismissed";
  record.dismissedAt = env.now;
  record.dismissedBy = env.actorLogin;
  record.dismissedReason = reason;
  record.dismissedComment = comment;
  record.updatedAt = env.now;
  emitAlert(env, repo, record, "dismissed");
}

/** A dismissed alert is opened again (`dependabot_alert.reopened`). */
export function reopenAlert(env: ChangeEnv, repo: RepoRecord, record: AlertRecord): void {
  record.state = "open";
  record.dismissedAt = null;
  record.dismissedBy = null;
  record.dismissedReason = null;
  record.dismissedComment = null;
  record.updatedAt = env.now;
  emitAlert(env, repo, record, "reopened");
}
