import type { GraphQLSchema } from "graphql";
import { LABEL_MUTATIONS_SDL } from "./label-mutations.js";
import { PROJECTS_SDL } from "./projects-sdl.js";

/**
 * A faithful subset of GitHub's GraphQL schema (names, nullability and arguments as GitHub
 * declares them): repositories with issues and pull requests, issue search, timelines and the
 * rate limit. Fields GitHub has and this subset lacks fail validation, so a query the app sends
 * here is known to be well-formed against GitHub too, as far as it goes.
 */
export const GITHUB_SUBSET_SDL = /* GraphQL */ `
  scalar DateTime
  scalar URI
  scalar GitObjectID

  interface Node {
    id: ID!
  }

  interface Actor {
    login: String!
    avatarUrl(size: Int): URI!
    url: URI!
  }

  interface RepositoryOwner {
    id: ID!
    login: String!
    avatarUrl(size: Int): URI!
    url: URI!
  }

  type User implements Node & Actor & RepositoryOwner {
    id: ID!
    databaseId: Int
    login: String!
    name: String
    avatarUrl(size: Int): URI!
    url: URI!
  }

  type Bot implements Node & Actor {
    id: ID!
    databaseId: Int
    login: String!
    avatarUrl(size: Int): URI!
    url: URI!
  }

  type Organization implements Node & Actor & RepositoryOwner {
    id: ID!
    databaseId: Int
    login: String!
    name: String
    avatarUrl(size: Int): URI!
    url: URI!
  }

  union Assignee = Bot | Organization | User

  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  type RateLimit {
    cost: Int!
    limit: Int!
    nodeCount: Int!
    remaining: Int!
    resetAt: DateTime!
    used: Int!
  }

  enum IssueState {
    OPEN
    CLOSED
  }
  enum IssueStateReason {
    COMPLETED
    DUPLICATE
    NOT_PLANNED
    REOPENED
  }
  enum PullRequestState {
    OPEN
    CLOSED
    MERGED
  }
  enum OrderDirection {
    ASC
    DESC
  }
  enum IssueOrderField {
    CREATED_AT
    UPDATED_AT
    COMMENTS
  }
  input IssueOrder {
    field: IssueOrderField!
    direction: OrderDirection!
  }
  input IssueFilters {
    assignee: String
    createdBy: String
    labels: [String!]
    mentioned: String
    since: DateTime
    states: [IssueState!]
  }

  enum CommentAuthorAssociation {
    COLLABORATOR
    CONTRIBUTOR
    FIRST_TIMER
    FIRST_TIME_CONTRIBUTOR
    MANNEQUIN
    MEMBER
    NONE
    OWNER
  }
  enum ReactionContent {
    CONFUSED
    EYES
    HEART
    HOORAY
    LAUGH
    ROCKET
    THUMBS_DOWN
    THUMBS_UP
  }
  enum SearchType {
    DISCUSSION
    ISSUE
    ISSUE_ADVANCED
    REPOSITORY
    USER
  }

  type Repository implements Node {
    id: ID!
    databaseId: Int
    name: String!
    nameWithOwner: String!
    owner: RepositoryOwner!
    url: URI!
    isPrivate: Boolean!
    createdAt: DateTime!
    updatedAt: DateTime!
    issue(number: Int!): Issue
    issues(
      first: Int
      after: String
      last: Int
      before: String
      states: [IssueState!]
      labels: [String!]
      orderBy: IssueOrder
      filterBy: IssueFilters
    ): IssueConnection!
    pullRequest(number: Int!): PullRequest
    pullRequests(
      first: Int
      after: String
      last: Int
      before: String
      states: [PullRequestState!]
      labels: [String!]
      headRefName: String
      baseRefName: String
      orderBy: IssueOrder
    ): PullRequestConnection!
    labels(first: Int, after: String, last: Int, before: String, query: String): LabelConnection
  }

  type Label implements Node {
    id: ID!
    name: String!
    color: String!
    description: String
    isDefault: Boolean!
    url: URI!
  }

  type Issue implements Node {
    id: ID!
    databaseId: Int
    number: Int!
    title: String!
    body: String!
    url: URI!
    createdAt: DateTime!
    updatedAt: DateTime!
    closedAt: DateTime
    closed: Boolean!
    locked: Boolean!
    state: IssueState!
    stateReason: IssueStateReason
    author: Actor
    authorAssociation: CommentAuthorAssociation!
    repository: Repository!
    labels(first: Int, after: String, last: Int, before: String): LabelConnection
    comments(first: Int, after: String, last: Int, before: String): IssueCommentConnection!
    assignees(first: Int, after: String, last: Int, before: String): UserConnection!
    reactions(
      first: Int
      after: String
      last: Int
      before: String
      content: ReactionContent
    ): ReactionConnection!
    timelineItems(
      first: Int
      after: String
      last: Int
      before: String
      itemTypes: [IssueTimelineItemsItemType!]
      since: DateTime
    ): IssueTimelineItemsConnection!
  }

  type PullRequest implements Node {
    id: ID!
    databaseId: Int
    number: Int!
    title: String!
    body: String!
    url: URI!
    createdAt: DateTime!
    updatedAt: DateTime!
    closedAt: DateTime
    mergedAt: DateTime
    closed: Boolean!
    merged: Boolean!
    isDraft: Boolean!
    state: PullRequestState!
    author: Actor
    authorAssociation: CommentAuthorAssociation!
    repository: Repository!
    headRefName: String!
    headRefOid: GitObjectID!
    baseRefName: String!
    changedFiles: Int!
    additions: Int!
    deletions: Int!
    labels(first: Int, after: String, last: Int, before: String): LabelConnection
    comments(first: Int, after: String, last: Int, before: String): IssueCommentConnection!
    assignees(first: Int, after: String, last: Int, before: String): UserConnection!
  }

  type IssueComment implements Node {
    id: ID!
    databaseId: Int
    author: Actor
    authorAssociation: CommentAuthorAssociation!
    body: String!
    createdAt: DateTime!
    updatedAt: DateTime!
    lastEditedAt: DateTime
    url: URI!
  }

  type Reaction implements Node {
    id: ID!
    databaseId: Int
    content: ReactionContent!
    createdAt: DateTime!
    user: User
  }

  type LabeledEvent implements Node {
    id: ID!
    actor: Actor
    createdAt: DateTime!
    label: Label!
  }
  type UnlabeledEvent implements Node {
    id: ID!
    actor: Actor
    createdAt: DateTime!
    label: Label!
  }
  type ClosedEvent implements Node {
    id: ID!
    actor: Actor
    createdAt: DateTime!
    stateReason: IssueStateReason
  }
  type ReopenedEvent implements Node {
    id: ID!
    actor: Actor
    createdAt: DateTime!
    stateReason: IssueStateReason
  }
  type AssignedEvent implements Node {
    id: ID!
    actor: Actor
    createdAt: DateTime!
    assignee: Assignee
  }
  type UnassignedEvent implements Node {
    id: ID!
    actor: Actor
    createdAt: DateTime!
    assignee: Assignee
  }

  union IssueTimelineItems =
    | AssignedEvent
    | ClosedEvent
    | IssueComment
    | LabeledEvent
    | ReopenedEvent
    | UnassignedEvent
    | UnlabeledEvent

  enum IssueTimelineItemsItemType {
    ASSIGNED_EVENT
    CLOSED_EVENT
    CONNECTED_EVENT
    CROSS_REFERENCED_EVENT
    DEMILESTONED_EVENT
    ISSUE_COMMENT
    LABELED_EVENT
    LOCKED_EVENT
    MENTIONED_EVENT
    MILESTONED_EVENT
    PINNED_EVENT
    REFERENCED_EVENT
    RENAMED_TITLE_EVENT
    REOPENED_EVENT
    SUBSCRIBED_EVENT
    TRANSFERRED_EVENT
    UNASSIGNED_EVENT
    UNLABELED_EVENT
    UNLOCKED_EVENT
    UNPINNED_EVENT
  }

  union SearchResultItem = Issue | PullRequest

  type IssueEdge {
    cursor: String!
    node: Issue
  }
  type IssueConnection {
    totalCount: Int!
    pageInfo: PageInfo!
    nodes: [Issue]
    edges: [IssueEdge]
  }
  type PullRequestEdge {
    cursor: String!
    node: PullRequest
  }
  type PullRequestConnection {
    totalCount: Int!
    pageInfo: PageInfo!
    nodes: [PullRequest]
    edges: [PullRequestEdge]
  }
  type LabelEdge {
    cursor: String!
    node: Label
  }
  type LabelConnection {
    totalCount: Int!
    pageInfo: PageInfo!
    nodes: [Label]
    edges: [LabelEdge]
  }
  type IssueCommentEdge {
    cursor: String!
    node: IssueComment
  }
  type IssueCommentConnection {
    totalCount: Int!
    pageInfo: PageInfo!
    nodes: [IssueComment]
    edges: [IssueCommentEdge]
  }
  type UserEdge {
    cursor: String!
    node: User
  }
  type UserConnection {
    totalCount: Int!
    pageInfo: PageInfo!
    nodes: [User]
    edges: [UserEdge]
  }
  type ReactionEdge {
    cursor: String!
    node: Reaction
  }
  type ReactionConnection {
    totalCount: Int!
    pageInfo: PageInfo!
    nodes: [Reaction]
    edges: [ReactionEdge]
    viewerHasReacted: Boolean!
  }
  type IssueTimelineItemsEdge {
    cursor: String!
    node: IssueTimelineItems
  }
  type IssueTimelineItemsConnection {
    totalCount: Int!
    filteredCount: Int!
    pageCount: Int!
    updatedAt: DateTime!
    pageInfo: PageInfo!
    nodes: [IssueTimelineItems]
    edges: [IssueTimelineItemsEdge]
  }
  type SearchResultItemEdge {
    cursor: String!
    node: SearchResultItem
  }
  type SearchResultItemConnection {
    issueCount: Int!
    codeCount: Int!
    discussionCount: Int!
    repositoryCount: Int!
    userCount: Int!
    wikiCount: Int!
    pageInfo: PageInfo!
    nodes: [SearchResultItem]
    edges: [SearchResultItemEdge]
  }

  type Query {
    repository(owner: String!, name: String!, followRenames: Boolean = true): Repository
    search(
      query: String!
      type: SearchType!
      first: Int
      after: String
      last: Int
      before: String
    ): SearchResultItemConnection!
    rateLimit(dryRun: Boolean = false): RateLimit
    node(id: ID!): Node
  }
`;

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process (graphql is loaded only when first needed). */
export function githubSchema(): Promise<GraphQLSchema> {
  built ??= import("graphql").then(({ buildSchema }) =>
    buildSchema(GITHUB_SUBSET_SDL + PROJECTS_SDL + LABEL_MUTATIONS_SDL),
  );
  return built;
}
