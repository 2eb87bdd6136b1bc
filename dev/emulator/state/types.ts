/**
 * The in-memory GitHub: plain records, keyed and linked by id or login. Everything the REST
 * routes, GraphQL resolvers and webhook payloads show is derived from these.
 */

/** A repository permission, strongest last. */
export type Permission = "none" | "read" | "triage" | "write" | "maintain" | "admin";
export const PERMISSION_ORDER: readonly Permission[] = [
  "none",
  "read",
  "triage",
  "write",
  "maintain",
  "admin",
];

export type AccountType = "User" | "Organization" | "Bot";

/** A user, an organisation or the app's bot user: anything with a login. */
export interface AccountRecord {
  readonly id: number;
  readonly login: string;
  readonly type: AccountType;
  name: string | null;
  email: string | null;
  readonly createdAt: Date;
}

export type OrgRole = "admin" | "member";

export interface OrgRecord {
  readonly login: string;
  /** Member login (lower case) → role. */
  readonly members: Map<string, OrgRole>;
}

export type TeamRole = "member" | "maintainer";

export interface TeamRecord {
  readonly id: number;
  readonly org: string;
  readonly slug: string;
  name: string;
  description: string | null;
  /** Member login (lower case) → role. */
  readonly members: Map<string, TeamRole>;
  readonly createdAt: Date;
}

export interface LabelRecord {
  readonly id: number;
  name: string;
  color: string;
  description: string | null;
  readonly isDefault: boolean;
}

/** One commit: the complete file tree at that point (path → UTF-8 text). */
export interface CommitRecord {
  readonly sha: string;
  readonly parent: string | null;
  readonly tree: ReadonlyMap<string, string>;
  readonly message: string;
  readonly authorLogin: string;
  readonly at: Date;
}

export interface RepoRecord {
  readonly id: number;
  readonly owner: string;
  readonly name: string;
  isPrivate: boolean;
  description: string | null;
  defaultBranch: string;
  readonly createdAt: Date;
  updatedAt: Date;
  pushedAt: Date;
  /** Collaborator login (lower case) → permission. */
  readonly collaborators: Map<string, Permission>;
  readonly labels: LabelRecord[];
  /** Branch name → head commit sha. */
  readonly branches: Map<string, string>;
  readonly commits: Map<string, CommitRecord>;
  nextIssueNumber: number;
  nextAlertNumber: number;
}

export type IssueState = "open" | "closed";
export type StateReason = "completed" | "not_planned" | "reopened" | "duplicate" | null;

/** The pull-request half of an issue that is a pull request. */
export interface PullRecord {
  readonly id: number;
  readonly headRef: string;
  headSha: string;
  readonly baseRef: string;
  draft: boolean;
  merged: boolean;
  mergedAt: Date | null;
}

export interface IssueRecord {
  readonly id: number;
  readonly repoId: number;
  readonly number: number;
  title: string;
  body: string | null;
  readonly authorLogin: string;
  state: IssueState;
  stateReason: StateReason;
  /** Label ids, in the order they were added. */
  labelIds: number[];
  /** Assignee logins, in the order they were assigned. */
  assignees: string[];
  readonly createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
  locked: boolean;
  readonly pull: PullRecord | null;
}

export interface CommentRecord {
  readonly id: number;
  readonly issueId: number;
  readonly authorLogin: string;
  body: string;
  readonly createdAt: Date;
  updatedAt: Date;
}

export const REACTION_CONTENTS = [
  "+1",
  "-1",
  "laugh",
  "confused",
  "heart",
  "hooray",
  "rocket",
  "eyes",
] as const;
export type ReactionContent = (typeof REACTION_CONTENTS)[number];

export interface ReactionRecord {
  readonly id: number;
  readonly subject: { readonly kind: "issue" | "comment"; readonly id: number };
  readonly userLogin: string;
  readonly content: ReactionContent;
  readonly createdAt: Date;
}

export type IssueEventType = "labeled" | "unlabeled" | "closed" | "reopened" | "assigned" | "unassigned";

export interface IssueEventRecord {
  readonly id: number;
  readonly issueId: number;
  readonly event: IssueEventType;
  readonly actorLogin: string;
  readonly createdAt: Date;
  readonly label: { readonly name: string; readonly color: string } | null;
  readonly assigneeLogin: string | null;
}

export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";

export interface ReviewRecord {
  readonly id: number;
  readonly issueId: number;
  readonly authorLogin: string;
  readonly body: string;
  state: ReviewState;
  readonly commitId: string;
  readonly submittedAt: Date;
}

export interface AnnotationRecord {
  readonly path: string;
  readonly startLine: number;
  readonly endLine: number;
  readonly startColumn: number | null;
  readonly endColumn: number | null;
  readonly level: "notice" | "warning" | "failure";
  readonly message: string;
  readonly title: string | null;
  readonly rawDetails: string | null;
}

export interface CheckRunRecord {
  readonly id: number;
  readonly repoId: number;
  name: string;
  readonly headSha: string;
  status: "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";
  conclusion: string | null;
  startedAt: Date;
  completedAt: Date | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  readonly annotations: AnnotationRecord[];
}

export type AlertState = "open" | "fixed" | "dismissed" | "auto_dismissed";

export interface AlertRecord {
  readonly number: number;
  readonly repoId: number;
  state: AlertState;
  readonly ecosystem: string;
  readonly packageName: string;
  readonly manifestPath: string;
  readonly scope: "development" | "runtime";
  readonly ghsaId: string;
  readonly cveId: string | null;
  readonly summary: string;
  readonly description: string;
  readonly severity: "low" | "medium" | "high" | "critical";
  readonly vulnerableVersionRange: string;
  readonly firstPatchedVersion: string | null;
  readonly createdAt: Date;
  updatedAt: Date;
  dismissedAt: Date | null;
  dismissedBy: string | null;
  dismissedReason: string | null;
  dismissedComment: string | null;
  fixedAt: Date | null;
}

export interface InstallationRecord {
  readonly id: number;
  readonly accountLogin: string;
  readonly createdAt: Date;
}

/** Who is making a request, once the Authorization header has been checked. */
export type Actor =
  | { readonly kind: "app" }
  | { readonly kind: "installation"; readonly installationId: number; readonly login: string }
  | { readonly kind: "user"; readonly login: string };
