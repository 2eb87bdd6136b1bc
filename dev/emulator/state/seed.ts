import type { z } from "zod";
import { commitFiles } from "./git.js";
import { seedSchema, type SeedInput } from "./seed-schema.js";
import type { EmulatorState } from "./store.js";
import type { AccountRecord, IssueRecord, LabelRecord, Permission, RepoRecord } from "./types.js";

function ensureAccount(
  state: EmulatorState,
  name: string,
  type: AccountRecord["type"],
  now: Date,
): AccountRecord {
  const existing = state.account(name);
  if (existing) return existing;
  const created: AccountRecord = {
    id: state.nextId(),
    login: name,
    type,
    name: null,
    email: null,
    createdAt: now,
  };
  state.accounts.set(name.toLowerCase(), created);
  return created;
}

function ensureLabel(
  state: EmulatorState,
  repo: RepoRecord,
  spec: string | { name: string; color?: string | undefined; description?: string | undefined },
): LabelRecord {
  const { name, color, description } =
    typeof spec === "string" ? { name: spec, color: undefined, description: undefined } : spec;
  const existing = state.labelByName(repo, name);
  if (existing) return existing;
  const label: LabelRecord = {
    id: state.nextId(),
    name,
    color: (color ?? "ededed").replace(/^#/, ""),
    description: description ?? null,
    isDefault: false,
  };
  repo.labels.push(label);
  return label;
}

function seedRepo(state: EmulatorState, spec: z.output<typeof seedSchema>["repos"][number], now: Date): void {
  const owner = state.account(spec.owner) ?? ensureAccount(state, spec.owner, "User", now);
  let repo = state.repo(owner.login, spec.name);
  if (!repo) {
    repo = {
      id: state.nextId(),
      owner: owner.login,
      name: spec.name,
      isPrivate: spec.private,
      description: spec.description ?? null,
      defaultBranch: spec.defaultBranch,
      createdAt: now,
      updatedAt: now,
      pushedAt: now,
      collaborators: new Map(),
      labels: [],
      branches: new Map(),
      commits: new Map(),
      nextIssueNumber: 1,
      nextAlertNumber: 1,
    };
    state.repos.set(`${owner.login}/${spec.name}`.toLowerCase(), repo);
    commitFiles({
      repo,
      branch: repo.defaultBranch,
      files: spec.files,
      message: "Initial commit",
      authorLogin: owner.login,
      at: now,
    });
  } else if (Object.keys(spec.files).length > 0) {
    commitFiles({
      repo,
      branch: repo.defaultBranch,
      files: spec.files,
      message: "Seed files",
      authorLogin: owner.login,
      at: now,
    });
  }
  for (const [name, permission] of Object.entries(spec.collaborators)) {
    ensureAccount(state, name, "User", now);
    repo.collaborators.set(name.toLowerCase(), permission as Permission);
  }
  for (const label of spec.labels) ensureLabel(state, repo, label);
  for (const [branch, changes] of Object.entries(spec.branches)) {
    commitFiles({
      repo,
      branch,
      files: changes,
      message: `Seed ${branch}`,
      authorLogin: owner.login,
      at: now,
    });
  }
}

function seedIssue(
  state: EmulatorState,
  spec: z.output<typeof seedSchema>["issues"][number],
  now: Date,
): IssueRecord {
  const [ownerName = "", repoName = ""] = spec.repo.split("/");
  const repo = state.repo(ownerName, repoName);
  if (!repo) throw new Error(`seed issue: repository ${spec.repo} is not seeded`);
  const author = ensureAccount(state, spec.author, "User", now).login;
  const at = spec.createdAt ? new Date(spec.createdAt) : now;
  const labels = spec.labels.map((name) => ensureLabel(state, repo, name));
  const issue: IssueRecord = {
    id: state.nextId(),
    repoId: repo.id,
    number: repo.nextIssueNumber++,
    title: spec.title,
    body: spec.body ?? null,
    authorLogin: author,
    state: spec.state,
    stateReason: spec.state === "closed" ? "completed" : null,
    labelIds: labels.map((label) => label.id),
    assignees: spec.assignees.map((name) => ensureAccount(state, name, "User", now).login),
    createdAt: at,
    updatedAt: at,
    closedAt: spec.state === "closed" ? at : null,
    closedBy: spec.state === "closed" ? author : null,
    locked: false,
    pull: null,
  };
  state.issues.set(issue.id, issue);
  const event = { issueId: issue.id, actorLogin: author, createdAt: at };
  const labeler = spec.labeledBy ? ensureAccount(state, spec.labeledBy, "User", now).login : author;
  for (const label of labels)
    state.events.push({
      ...event,
      actorLogin: labeler,
      id: state.nextId(),
      event: "labeled",
      label: { name: label.name, color: label.color },
      assigneeLogin: null,
    });
  for (const name of issue.assignees)
    state.events.push({ ...event, id: state.nextId(), event: "assigned", label: null, assigneeLogin: name });
  for (const comment of spec.comments) {
    const commentAt = comment.createdAt ? new Date(comment.createdAt) : at;
    const record = {
      id: state.nextId(),
      issueId: issue.id,
      authorLogin: ensureAccount(state, comment.author, "User", now).login,
      body: comment.body,
      createdAt: commentAt,
      updatedAt: commentAt,
    };
    state.comments.set(record.id, record);
    if (commentAt > issue.updatedAt) issue.updatedAt = commentAt;
  }
  if (spec.state === "closed")
    state.events.push({ ...event, id: state.nextId(), event: "closed", label: null, assigneeLogin: null });
  return issue;
}

/** Adds seed data to the state (repeatable: existing records are kept and extended). */
export function applySeed(state: EmulatorState, input: SeedInput, now: Date): void {
  const seed = seedSchema.parse(input);
  for (const user of seed.users) {
    const account = ensureAccount(state, user.login, "User", now);
    if (user.name !== undefined) account.name = user.name;
    if (user.email !== undefined) account.email = user.email;
  }
  for (const org of seed.orgs) {
    const account = ensureAccount(state, org.login, "Organization", now);
    if (account.type !== "Organization") throw new Error(`seed org: ${org.login} is already a user`);
    if (org.name !== undefined) account.name = org.name;
    const record = state.orgs.get(org.login.toLowerCase()) ?? { login: account.login, members: new Map() };
    state.orgs.set(org.login.toLowerCase(), record);
    for (const entry of org.members) {
      const { login: name, role } =
        typeof entry === "string" ? { login: entry, role: "member" as const } : entry;
      ensureAccount(state, name, "User", now);
      record.members.set(name.toLowerCase(), role);
    }
  }
  for (const repo of seed.repos) seedRepo(state, repo, now);
  for (const team of seed.teams) {
    const org = state.orgs.get(team.org.toLowerCase());
    if (!org) throw new Error(`seed team: organisation ${team.org} is not seeded`);
    const record = state.team(team.org, team.slug) ?? {
      id: state.nextId(),
      org: org.login,
      slug: team.slug,
      name: team.name ?? team.slug,
      description: team.description ?? null,
      members: new Map(),
      createdAt: now,
    };
    state.teams.set(`${org.login}/${team.slug}`.toLowerCase(), record);
    for (const entry of team.members) {
      const { login: name, role } =
        typeof entry === "string" ? { login: entry, role: "member" as const } : entry;
      ensureAccount(state, name, "User", now);
      if (!org.members.has(name.toLowerCase())) org.members.set(name.toLowerCase(), "member");
      record.members.set(name.toLowerCase(), role);
    }
  }
  for (const installation of seed.installations) {
    const account = state.account(installation.account);
    if (!account) throw new Error(`seed installation: account ${installation.account} is not seeded`);
    if (state.installationFor(account.login)) continue;
    const id = installation.id ?? state.nextId();
    state.installations.set(id, { id, accountLogin: account.login, createdAt: now });
  }
  for (const issue of seed.issues) seedIssue(state, issue, now);
}
