import { notFound } from "../http-error.js";
import {
  PERMISSION_ORDER,
  type AccountRecord,
  type AlertRecord,
  type CheckRunRecord,
  type CommentRecord,
  type InstallationRecord,
  type IssueEventRecord,
  type IssueRecord,
  type LabelRecord,
  type OrgRecord,
  type Permission,
  type ReactionRecord,
  type RepoRecord,
  type ReviewRecord,
  type TeamRecord,
} from "./types.js";

/** The one GitHub App the emulator knows, and its bot user. */
export interface AppInfo {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly ownerLogin: string;
  readonly botLogin: string;
}

export type AuthorAssociation = "OWNER" | "MEMBER" | "COLLABORATOR" | "NONE";

const key = (text: string): string => text.toLowerCase();

/** A Map that counts the changes made to it, so an index built from it knows when it is stale. */
export class CountedMap<K, V> extends Map<K, V> {
  changes = 0;

  override set(k: K, value: V): this {
    this.changes += 1;
    return super.set(k, value);
  }

  override delete(k: K): boolean {
    this.changes += 1;
    return super.delete(k);
  }

  override clear(): void {
    this.changes += 1;
    super.clear();
  }
}

/** All records of the emulated GitHub, with the lookups every route needs. */
export class EmulatorState {
  readonly app: AppInfo;
  readonly accounts = new Map<string, AccountRecord>();
  readonly orgs = new Map<string, OrgRecord>();
  readonly teams = new Map<string, TeamRecord>();
  readonly repos = new Map<string, RepoRecord>();
  readonly issues = new Map<number, IssueRecord>();
  readonly comments = new CountedMap<number, CommentRecord>();
  readonly reactions: ReactionRecord[] = [];
  readonly events: IssueEventRecord[] = [];
  readonly reviews: ReviewRecord[] = [];
  readonly checkRuns = new Map<number, CheckRunRecord>();
  readonly alerts: AlertRecord[] = [];
  readonly installations = new Map<number, InstallationRecord>();
  private lastId = 1000;

  constructor(params: { readonly app: AppInfo; readonly now: Date }) {
    this.app = params.app;
    this.accounts.set(key(params.app.botLogin), {
      id: this.nextId(),
      login: params.app.botLogin,
      type: "Bot",
      name: null,
      email: null,
      createdAt: params.now,
    });
  }

  /** A fresh database id; ids only grow, so they also order records created at the same instant. */
  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  account(login: string): AccountRecord | undefined {
    return this.accounts.get(key(login));
  }

  requireAccount(login: string): AccountRecord {
    const account = this.account(login);
    if (!account) throw notFound();
    return account;
  }

  repo(owner: string, name: string): RepoRecord | undefined {
    return this.repos.get(key(`${owner}/${name}`));
  }

  repoById(id: number): RepoRecord {
    for (const repo of this.repos.values()) if (repo.id === id) return repo;
    throw new Error(`no repository with id ${id}`);
  }

  requireRepo(owner: string, name: string): RepoRecord {
    const repo = this.repo(owner, name);
    if (!repo) throw notFound();
    return repo;
  }

  issue(repo: RepoRecord, number: number): IssueRecord | undefined {
    for (const issue of this.issues.values())
      if (issue.repoId === repo.id && issue.number === number) return issue;
    return undefined;
  }

  requireIssue(repo: RepoRecord, number: number): IssueRecord {
    const issue = this.issue(repo, number);
    if (!issue) throw notFound();
    return issue;
  }

  requirePull(
    repo: RepoRecord,
    number: number,
  ): IssueRecord & { readonly pull: NonNullable<IssueRecord["pull"]> } {
    const issue = this.issue(repo, number);
    if (!issue?.pull) throw notFound();
    return issue as IssueRecord & { readonly pull: NonNullable<IssueRecord["pull"]> };
  }

  issuesOf(repo: RepoRecord): IssueRecord[] {
    return [...this.issues.values()].filter((issue) => issue.repoId === repo.id);
  }

  commentsOf(issue: IssueRecord): CommentRecord[] {
    return (this.commentIndex().get(issue.id) ?? []).flatMap((id) => this.comments.get(id) ?? []);
  }

  eventsOf(issue: IssueRecord): IssueEventRecord[] {
    return [...(this.eventIndex().get(issue.id) ?? [])];
  }

  // Each issue's comments and events, so a search page of 100 issues does not scan every comment
  // and event 100 times. Rebuilt whenever the collections changed: the comments count their
  // changes (the index keeps ids and reads the records afresh); events are only ever appended.
  private commentsIndexed = -1;
  private commentsByIssue = new Map<number, number[]>();
  private eventsIndexed: { readonly length: number; readonly last: IssueEventRecord | undefined } | undefined;
  private eventsByIssue = new Map<number, IssueEventRecord[]>();

  private commentIndex(): ReadonlyMap<number, readonly number[]> {
    if (this.commentsIndexed === this.comments.changes) return this.commentsByIssue;
    this.commentsByIssue = new Map();
    for (const [id, comment] of this.comments) {
      const list = this.commentsByIssue.get(comment.issueId);
      if (list) list.push(id);
      else this.commentsByIssue.set(comment.issueId, [id]);
    }
    this.commentsIndexed = this.comments.changes;
    return this.commentsByIssue;
  }

  private eventIndex(): ReadonlyMap<number, readonly IssueEventRecord[]> {
    const last = this.events[this.events.length - 1];
    const seen = this.eventsIndexed;
    if (seen?.length === this.events.length && seen.last === last) return this.eventsByIssue;
    this.eventsByIssue = new Map();
    for (const event of this.events) {
      const list = this.eventsByIssue.get(event.issueId);
      if (list) list.push(event);
      else this.eventsByIssue.set(event.issueId, [event]);
    }
    this.eventsIndexed = { length: this.events.length, last };
    return this.eventsByIssue;
  }

  reactionsOf(subject: ReactionRecord["subject"]): ReactionRecord[] {
    return this.reactions.filter(
      (reaction) => reaction.subject.kind === subject.kind && reaction.subject.id === subject.id,
    );
  }

  labelById(repo: RepoRecord, id: number): LabelRecord | undefined {
    return repo.labels.find((label) => label.id === id);
  }

  labelByName(repo: RepoRecord, name: string): LabelRecord | undefined {
    return repo.labels.find((label) => key(label.name) === key(name));
  }

  labelsOf(issue: IssueRecord): LabelRecord[] {
    const repo = this.repoById(issue.repoId);
    return issue.labelIds.flatMap((id) => this.labelById(repo, id) ?? []);
  }

  team(org: string, slug: string): TeamRecord | undefined {
    return this.teams.get(key(`${org}/${slug}`));
  }

  installationFor(ownerLogin: string): InstallationRecord | undefined {
    for (const installation of this.installations.values())
      if (key(installation.accountLogin) === key(ownerLogin)) return installation;
    return undefined;
  }

  /** A login's permission on a repository: owner, org role, collaborator entry, else read. */
  permissionOf(repo: RepoRecord, login: string): Permission {
    if (key(login) === key(this.app.botLogin)) return this.installationFor(repo.owner) ? "write" : "none";
    if (key(login) === key(repo.owner)) return "admin";
    const org = this.orgs.get(key(repo.owner));
    const orgRole = org?.members.get(key(login));
    const candidates: Permission[] = [
      repo.isPrivate ? "none" : "read",
      repo.collaborators.get(key(login)) ?? "none",
    ];
    if (orgRole === "admin") candidates.push("admin");
    if (orgRole === "member") candidates.push("read");
    return candidates.reduce(
      (best, next) => (PERMISSION_ORDER.indexOf(next) > PERMISSION_ORDER.indexOf(best) ? next : best),
      "none",
    );
  }

  /** True when the login may label, assign and close (GitHub's triage permission or above). */
  canTriage(repo: RepoRecord, login: string): boolean {
    return PERMISSION_ORDER.indexOf(this.permissionOf(repo, login)) >= PERMISSION_ORDER.indexOf("triage");
  }

  /** GitHub's `author_association` of a login towards a repository. */
  authorAssociation(repo: RepoRecord, login: string): AuthorAssociation {
    if (key(login) === key(repo.owner)) return "OWNER";
    if (this.orgs.get(key(repo.owner))?.members.has(key(login))) return "MEMBER";
    if (repo.collaborators.has(key(login))) return "COLLABORATOR";
    return "NONE";
  }
}
