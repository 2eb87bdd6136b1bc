import { githubTime } from "../clock.js";
import type { EmulatorState } from "./store.js";

/** A compact, JSON-ready view of the emulated GitHub for assertions (`GET /_emulator/state`). */
export interface StateDump {
  readonly now: string;
  readonly installations: readonly { id: number; account: string }[];
  readonly teams: readonly { org: string; slug: string; members: string[] }[];
  readonly repos: readonly RepoDump[];
}

export interface RepoDump {
  readonly fullName: string;
  readonly branches: Readonly<Record<string, string>>;
  readonly labels: readonly string[];
  readonly issues: readonly IssueDump[];
  readonly checkRuns: readonly {
    id: number;
    name: string;
    headSha: string;
    status: string;
    conclusion: string | null;
    title: string | null;
    summary: string | null;
    annotations: number;
  }[];
  readonly alerts: readonly { number: number; state: string; package: string; severity: string }[];
}

export interface IssueDump {
  readonly number: number;
  readonly title: string;
  readonly body: string | null;
  readonly state: string;
  readonly isPullRequest: boolean;
  readonly author: string;
  readonly labels: readonly string[];
  readonly assignees: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly closedAt: string | null;
  readonly comments: readonly {
    id: number;
    author: string;
    body: string;
    createdAt: string;
    updatedAt: string;
  }[];
  readonly events: readonly {
    event: string;
    actor: string;
    at: string;
    label: string | null;
    assignee: string | null;
  }[];
  readonly reviews: readonly { id: number; author: string; state: string; commitId: string }[];
  readonly headSha: string | null;
}

/** Everything a test may want to assert on, in creation order. */
export function dumpState(state: EmulatorState, now: Date): StateDump {
  return {
    now: githubTime(now),
    installations: [...state.installations.values()].map((record) => ({
      id: record.id,
      account: record.accountLogin,
    })),
    teams: [...state.teams.values()].map((team) => ({
      org: team.org,
      slug: team.slug,
      members: [...team.members.keys()],
    })),
    repos: [...state.repos.values()].map((repo) => ({
      fullName: `${repo.owner}/${repo.name}`,
      branches: Object.fromEntries(repo.branches),
      labels: repo.labels.map((label) => label.name),
      issues: state
        .issuesOf(repo)
        .sort((a, b) => a.number - b.number)
        .map((issue) => ({
          number: issue.number,
          title: issue.title,
          body: issue.body,
          state: issue.state,
          isPullRequest: issue.pull !== null,
          author: issue.authorLogin,
          labels: state.labelsOf(issue).map((label) => label.name),
          assignees: [...issue.assignees],
          createdAt: githubTime(issue.createdAt),
          updatedAt: githubTime(issue.updatedAt),
          closedAt: issue.closedAt ? githubTime(issue.closedAt) : null,
          comments: state
            .commentsOf(issue)
            .sort((a, b) => a.id - b.id)
            .map((c) => ({
              id: c.id,
              author: c.authorLogin,
              body: c.body,
              createdAt: githubTime(c.createdAt),
              updatedAt: githubTime(c.updatedAt),
            })),
          events: state.eventsOf(issue).map((e) => ({
            event: e.event,
            actor: e.actorLogin,
            at: githubTime(e.createdAt),
            label: e.label?.name ?? null,
            assignee: e.assigneeLogin,
          })),
          reviews: state.reviews
            .filter((r) => r.issueId === issue.id)
            .map((r) => ({ id: r.id, author: r.authorLogin, state: r.state, commitId: r.commitId })),
          headSha: issue.pull?.headSha ?? null,
        })),
      checkRuns: [...state.checkRuns.values()]
        .filter((run) => run.repoId === repo.id)
        .map((run) => ({
          id: run.id,
          name: run.name,
          headSha: run.headSha,
          status: run.status,
          conclusion: run.conclusion,
          title: run.output.title,
          summary: run.output.summary,
          annotations: run.annotations.length,
        })),
      alerts: state.alerts
        .filter((a) => a.repoId === repo.id)
        .map((a) => ({ number: a.number, state: a.state, package: a.packageName, severity: a.severity })),
    })),
  };
}
