/**
 * GitHub's Projects (v2) types, a subset of its published schema with the same names,
 * nullability and arguments (test/emulator/projects-schema.test.ts holds every field here to
 * GitHub's): the organisation's project, its fields and items, and the mutations Firstline uses.
 */
export const PROJECTS_SDL = /* GraphQL */ `
  scalar Date

  enum ProjectV2FieldType {
    ASSIGNEES
    DATE
    ITERATION
    LABELS
    LINKED_PULL_REQUESTS
    MILESTONE
    NUMBER
    PARENT_ISSUE
    REPOSITORY
    REVIEWERS
    SINGLE_SELECT
    SUB_ISSUES_PROGRESS
    TEXT
    TITLE
    TRACKED_BY
    TRACKS
  }
  enum ProjectV2CustomFieldType {
    DATE
    ITERATION
    NUMBER
    SINGLE_SELECT
    TEXT
  }
  enum ProjectV2ItemType {
    DRAFT_ISSUE
    ISSUE
    PULL_REQUEST
    REDACTED
  }
  enum ProjectV2SingleSelectFieldOptionColor {
    BLUE
    GRAY
    GREEN
    ORANGE
    PINK
    PURPLE
    RED
    YELLOW
  }

  interface ProjectV2FieldCommon {
    createdAt: DateTime!
    dataType: ProjectV2FieldType!
    databaseId: Int
    id: ID!
    name: String!
    project: ProjectV2!
    updatedAt: DateTime!
  }
  type ProjectV2Field implements Node & ProjectV2FieldCommon {
    createdAt: DateTime!
    dataType: ProjectV2FieldType!
    databaseId: Int
    id: ID!
    name: String!
    project: ProjectV2!
    updatedAt: DateTime!
  }
  type ProjectV2SingleSelectFieldOption {
    color: ProjectV2SingleSelectFieldOptionColor!
    description: String!
    descriptionHTML: String!
    id: String!
    name: String!
    nameHTML: String!
  }
  type ProjectV2SingleSelectField implements Node & ProjectV2FieldCommon {
    createdAt: DateTime!
    dataType: ProjectV2FieldType!
    databaseId: Int
    id: ID!
    name: String!
    options(names: [String!]): [ProjectV2SingleSelectFieldOption!]!
    project: ProjectV2!
    updatedAt: DateTime!
  }
  type ProjectV2IterationField implements Node & ProjectV2FieldCommon {
    createdAt: DateTime!
    dataType: ProjectV2FieldType!
    databaseId: Int
    id: ID!
    name: String!
    project: ProjectV2!
    updatedAt: DateTime!
  }
  union ProjectV2FieldConfiguration = ProjectV2Field | ProjectV2IterationField | ProjectV2SingleSelectField

  interface ProjectV2ItemFieldValueCommon {
    createdAt: DateTime!
    creator: Actor
    databaseId: Int
    field: ProjectV2FieldConfiguration!
    id: ID!
    item: ProjectV2Item!
    updatedAt: DateTime!
  }
  type ProjectV2ItemFieldTextValue implements Node & ProjectV2ItemFieldValueCommon {
    createdAt: DateTime!
    creator: Actor
    databaseId: Int
    field: ProjectV2FieldConfiguration!
    id: ID!
    item: ProjectV2Item!
    text: String
    updatedAt: DateTime!
  }
  type ProjectV2ItemFieldDateValue implements Node & ProjectV2ItemFieldValueCommon {
    createdAt: DateTime!
    creator: Actor
    databaseId: Int
    date: Date
    field: ProjectV2FieldConfiguration!
    id: ID!
    item: ProjectV2Item!
    updatedAt: DateTime!
  }
  type ProjectV2ItemFieldSingleSelectValue implements Node & ProjectV2ItemFieldValueCommon {
    color: ProjectV2SingleSelectFieldOptionColor!
    createdAt: DateTime!
    creator: Actor
    databaseId: Int
    description: String
    field: ProjectV2FieldConfiguration!
    id: ID!
    item: ProjectV2Item!
    name: String
    optionId: String
    updatedAt: DateTime!
  }
  union ProjectV2ItemFieldValue = ProjectV2ItemFieldDateValue | ProjectV2ItemFieldSingleSelectValue | ProjectV2ItemFieldTextValue

  type DraftIssue implements Node {
    body: String!
    createdAt: DateTime!
    creator: Actor
    id: ID!
    title: String!
    updatedAt: DateTime!
  }
  union ProjectV2ItemContent = DraftIssue | Issue | PullRequest

  type ProjectV2Item implements Node {
    content: ProjectV2ItemContent
    createdAt: DateTime!
    creator: Actor
    databaseId: Int
    fieldValueByName(name: String!): ProjectV2ItemFieldValue
    fieldValues(first: Int, after: String, last: Int, before: String): ProjectV2ItemFieldValueConnection!
    id: ID!
    isArchived: Boolean!
    project: ProjectV2!
    type: ProjectV2ItemType!
    updatedAt: DateTime!
  }

  type ProjectV2 implements Node {
    closed: Boolean!
    closedAt: DateTime
    createdAt: DateTime!
    databaseId: Int
    field(name: String!): ProjectV2FieldConfiguration
    fields(first: Int, after: String, last: Int, before: String): ProjectV2FieldConfigurationConnection!
    id: ID!
    items(first: Int, after: String, last: Int, before: String): ProjectV2ItemConnection!
    number: Int!
    public: Boolean!
    shortDescription: String
    title: String!
    updatedAt: DateTime!
    url: URI!
  }

  type ProjectV2FieldConfigurationEdge {
    cursor: String!
    node: ProjectV2FieldConfiguration
  }
  type ProjectV2FieldConfigurationConnection {
    edges: [ProjectV2FieldConfigurationEdge]
    nodes: [ProjectV2FieldConfiguration]
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type ProjectV2ItemEdge {
    cursor: String!
    node: ProjectV2Item
  }
  type ProjectV2ItemConnection {
    edges: [ProjectV2ItemEdge]
    nodes: [ProjectV2Item]
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type ProjectV2ItemFieldValueEdge {
    cursor: String!
    node: ProjectV2ItemFieldValue
  }
  type ProjectV2ItemFieldValueConnection {
    edges: [ProjectV2ItemFieldValueEdge]
    nodes: [ProjectV2ItemFieldValue]
    pageInfo: PageInfo!
    totalCount: Int!
  }

  extend type Organization {
    projectV2(number: Int!): ProjectV2
  }
  extend type Issue {
    projectItems(first: Int, after: String, last: Int, before: String, includeArchived: Boolean = true): ProjectV2ItemConnection!
  }

  input ProjectV2FieldValue {
    date: Date
    iterationId: String
    number: Float
    singleSelectOptionId: String
    text: String
  }
  input ProjectV2SingleSelectFieldOptionInput {
    color: ProjectV2SingleSelectFieldOptionColor!
    description: String!
    name: String!
  }
  input AddProjectV2ItemByIdInput {
    clientMutationId: String
    contentId: ID!
    projectId: ID!
  }
  type AddProjectV2ItemByIdPayload {
    clientMutationId: String
    item: ProjectV2Item
  }
  input AddProjectV2DraftIssueInput {
    assigneeIds: [ID!]
    body: String
    clientMutationId: String
    projectId: ID!
    title: String!
  }
  type AddProjectV2DraftIssuePayload {
    clientMutationId: String
    projectItem: ProjectV2Item
  }
  input UpdateProjectV2ItemFieldValueInput {
    clientMutationId: String
    fieldId: ID!
    itemId: ID!
    projectId: ID!
    value: ProjectV2FieldValue!
  }
  type UpdateProjectV2ItemFieldValuePayload {
    clientMutationId: String
    projectV2Item: ProjectV2Item
  }
  input ClearProjectV2ItemFieldValueInput {
    clientMutationId: String
    fieldId: ID!
    itemId: ID!
    projectId: ID!
  }
  type ClearProjectV2ItemFieldValuePayload {
    clientMutationId: String
    projectV2Item: ProjectV2Item
  }
  input ArchiveProjectV2ItemInput {
    clientMutationId: String
    itemId: ID!
    projectId: ID!
  }
  type ArchiveProjectV2ItemPayload {
    clientMutationId: String
    item: ProjectV2Item
  }
  input UnarchiveProjectV2ItemInput {
    clientMutationId: String
    itemId: ID!
    projectId: ID!
  }
  type UnarchiveProjectV2ItemPayload {
    clientMutationId: String
    item: ProjectV2Item
  }
  input CreateProjectV2FieldInput {
    clientMutationId: String
    dataType: ProjectV2CustomFieldType!
    name: String!
    projectId: ID!
    singleSelectOptions: [ProjectV2SingleSelectFieldOptionInput!]
  }
  type CreateProjectV2FieldPayload {
    clientMutationId: String
    projectV2Field: ProjectV2FieldConfiguration
  }

  extend type Query {
    organization(login: String!): Organization
  }

  type Mutation {
    addProjectV2DraftIssue(input: AddProjectV2DraftIssueInput!): AddProjectV2DraftIssuePayload
    addProjectV2ItemById(input: AddProjectV2ItemByIdInput!): AddProjectV2ItemByIdPayload
    archiveProjectV2Item(input: ArchiveProjectV2ItemInput!): ArchiveProjectV2ItemPayload
    clearProjectV2ItemFieldValue(input: ClearProjectV2ItemFieldValueInput!): ClearProjectV2ItemFieldValuePayload
    createProjectV2Field(input: CreateProjectV2FieldInput!): CreateProjectV2FieldPayload
    unarchiveProjectV2Item(input: UnarchiveProjectV2ItemInput!): UnarchiveProjectV2ItemPayload
    updateProjectV2ItemFieldValue(input: UpdateProjectV2ItemFieldValueInput!): UpdateProjectV2ItemFieldValuePayload
  }
`;
