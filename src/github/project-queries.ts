/** The GraphQL Firstline sends for the agency's Project, checked against GitHub's published schema in the tests. */

const ITEM_FIELDS = `
  id
  isArchived
  content { __typename ... on Issue { number state repository { nameWithOwner } } ... on DraftIssue { body } }
  fieldValues(first: 30) {
    nodes {
      __typename
      ... on ProjectV2ItemFieldTextValue { text field { ... on ProjectV2FieldCommon { name } } }
      ... on ProjectV2ItemFieldDateValue { date field { ... on ProjectV2FieldCommon { name } } }
      ... on ProjectV2ItemFieldSingleSelectValue { name field { ... on ProjectV2FieldCommon { name } } }
    }
  }`;

const PROJECT_FIELDS = `
      fields(first: 50) {
        nodes {
          __typename
          ... on ProjectV2FieldCommon { id name dataType }
          ... on ProjectV2SingleSelectField { options { id name } }
        }
      }`;

/** The project, its fields and a page of its (unarchived) items with Firstline's field values. */
export const PROJECT_QUERY = `query FirstlineProject($owner: String!, $number: Int!, $after: String) {
  organization(login: $owner) {
    projectV2(number: $number) {
      id${PROJECT_FIELDS}
      items(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { ${ITEM_FIELDS} }
      }
    }
  }
}`;

/**
 * One ticket and the Project in one request: the Project's id and fields, the issue's node id and
 * its items (archived ones included) on every Project it is on, to pick this Project's from.
 */
export const TICKET_ITEM_QUERY = `query FirstlineTicketItem($owner: String!, $number: Int!, $repoOwner: String!, $repo: String!, $issue: Int!) {
  organization(login: $owner) {
    projectV2(number: $number) {
      id${PROJECT_FIELDS}
    }
  }
  repository(owner: $repoOwner, name: $repo) {
    issue(number: $issue) {
      id
      projectItems(first: 50, includeArchived: true) { nodes { project { id } ${ITEM_FIELDS} } }
    }
  }
}`;

/** The node ids of several issues in one request (one alias each). */
export function issueIdsQuery(count: number): string {
  const parts = Array.from(
    { length: count },
    (_, i) => `i${i}: repository(owner: $o${i}, name: $n${i}) { issue(number: $k${i}) { id } }`,
  );
  const vars = Array.from({ length: count }, (_, i) => `$o${i}: String!, $n${i}: String!, $k${i}: Int!`);
  return `query FirstlineIssueIds(${vars.join(", ")}) {\n  ${parts.join("\n  ")}\n}`;
}

export const ADD_ITEM = `mutation FirstlineAddItem($projectId: ID!, $contentId: ID!) {
  addProjectV2ItemById(input: { projectId: $projectId, contentId: $contentId }) { item { ${ITEM_FIELDS} } }
}`;

export const ADD_DRAFT = `mutation FirstlineAddDraft($projectId: ID!, $title: String!, $body: String!) {
  addProjectV2DraftIssue(input: { projectId: $projectId, title: $title, body: $body }) { projectItem { id } }
}`;

export const SET_FIELD = `mutation FirstlineSetField($projectId: ID!, $itemId: ID!, $fieldId: ID!, $value: ProjectV2FieldValue!) {
  updateProjectV2ItemFieldValue(input: { projectId: $projectId, itemId: $itemId, fieldId: $fieldId, value: $value }) { projectV2Item { id } }
}`;

export const CLEAR_FIELD = `mutation FirstlineClearField($projectId: ID!, $itemId: ID!, $fieldId: ID!) {
  clearProjectV2ItemFieldValue(input: { projectId: $projectId, itemId: $itemId, fieldId: $fieldId }) { projectV2Item { id } }
}`;

export const ARCHIVE_ITEM = `mutation FirstlineArchiveItem($projectId: ID!, $itemId: ID!) {
  archiveProjectV2Item(input: { projectId: $projectId, itemId: $itemId }) { item { id } }
}`;

export const UNARCHIVE_ITEM = `mutation FirstlineUnarchiveItem($projectId: ID!, $itemId: ID!) {
  unarchiveProjectV2Item(input: { projectId: $projectId, itemId: $itemId }) { item { id } }
}`;

export const CREATE_FIELD = `mutation FirstlineCreateField($projectId: ID!, $name: String!, $dataType: ProjectV2CustomFieldType!, $options: [ProjectV2SingleSelectFieldOptionInput!]) {
  createProjectV2Field(input: { projectId: $projectId, name: $name, dataType: $dataType, singleSelectOptions: $options }) {
    projectV2Field { __typename ... on ProjectV2FieldCommon { id name dataType } ... on ProjectV2SingleSelectField { options { id name } } }
  }
}`;

/** Every query and mutation, for the check against GitHub's schema. */
export const PROJECT_DOCUMENTS: readonly string[] = [
  PROJECT_QUERY,
  TICKET_ITEM_QUERY,
  issueIdsQuery(2),
  ADD_ITEM,
  ADD_DRAFT,
  SET_FIELD,
  CLEAR_FIELD,
  ARCHIVE_ITEM,
  UNARCHIVE_ITEM,
  CREATE_FIELD,
];
