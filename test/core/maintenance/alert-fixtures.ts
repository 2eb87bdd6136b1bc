import { createRequire } from "node:module";
import type { MaintenanceIssueAction } from "../../../src/core/maintenance/issue-actions.js";
import type { TicketSnapshot } from "../../../src/core/ticket/snapshot.js";

const require = createRequire(import.meta.url);

interface Example {
  readonly name: string;
  readonly examples: readonly Record<string, unknown>[];
}

/** GitHub's own webhook payloads of an event (deep copies). */
export function webhookExamples(name: string): Record<string, unknown>[] {
  const all = require("@octokit/webhooks-examples") as Example[];
  return (all.find((e) => e.name === name)?.examples ?? []).map((e) => structuredClone(e));
}

export const BOT = "firstline[bot]";

/**
 * Carries out planned actions on a snapshot as GitHub would, so a test can follow one ticket
 * through its life. Labels added by `by` are recorded as label events at `at`.
 */
export function apply(params: {
  readonly snapshot: TicketSnapshot | null;
  readonly actions: readonly MaintenanceIssueAction[];
  readonly at: number;
  readonly by?: string;
}): TicketSnapshot | null {
  const by = params.by ?? BOT;
  let snapshot = params.snapshot;
  for (const action of params.actions) {
    if (action.kind === "create-issue") {
      snapshot = {
        repo: action.repo,
        number: 1,
        title: action.title,
        body: action.body,
        author: by,
        state: "open",
        createdAt: params.at,
        labels: [...action.labels],
        assignees: [],
        comments: [],
        events: action.labels.map((label) => ({ type: "labeled" as const, at: params.at, by, label })),
      };
      continue;
    }
    if (snapshot === null) throw new Error(`${action.kind} without a ticket`);
    switch (action.kind) {
      case "update-issue-body":
        snapshot = { ...snapshot, body: action.body };
        break;
      case "close-issue":
        snapshot = {
          ...snapshot,
          state: "closed",
          events: [...snapshot.events, { type: "closed", at: params.at, by }],
        };
        break;
      case "reopen-issue":
        snapshot = {
          ...snapshot,
          state: "open",
          events: [...snapshot.events, { type: "reopened", at: params.at, by }],
        };
        break;
      case "add-labels":
        snapshot = {
          ...snapshot,
          labels: [...snapshot.labels, ...action.labels],
          events: [
            ...snapshot.events,
            ...action.labels.map((label) => ({ type: "labeled" as const, at: params.at, by, label })),
          ],
        };
        break;
      case "remove-labels":
        snapshot = {
          ...snapshot,
          labels: snapshot.labels.filter((l) => !action.labels.includes(l)),
          events: [
            ...snapshot.events,
            ...action.labels.map((label) => ({ type: "unlabeled" as const, at: params.at, by, label })),
          ],
        };
        break;
      case "create-comment":
        snapshot = {
          ...snapshot,
          comments: [
            ...snapshot.comments,
            { id: snapshot.comments.length + 1, author: by, createdAt: params.at, body: action.body },
          ],
        };
        break;
      default:
        throw new Error(`unexpected ${action.kind}`);
    }
  }
  return snapshot;
}
