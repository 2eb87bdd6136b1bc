import { githubTime } from "../clock.js";
import { nodeId } from "../state/ids.js";
import { canSeeRepo } from "../routes/context.js";
import {
  argNumber,
  argObject,
  argString,
  connection,
  GitHubGraphQLError,
  type Args,
  type ConnectionPage,
} from "./connection.js";
import {
  projectsOf,
  type ProjectFieldRecord,
  type ProjectItemRecord,
  type ProjectRecord,
  type ProjectValueRecord,
} from "./projects-state.js";
import { actorView, issueView, type GraphQLContext, type View } from "./views.js";

const DATE = /^\d{4}-\d\d-\d\d$/;

function nowOf(ctx: GraphQLContext, project: ProjectRecord): Date {
  return ctx.now ?? project.createdAt;
}

/** Whether the caller may see an organisation's projects: its installation, or a member. */
function canSeeProjects(ctx: GraphQLContext, owner: string): boolean {
  const { state } = ctx.shapes;
  if (ctx.actor.kind === "app") return false;
  if (ctx.actor.kind === "installation") {
    return (
      state.installations.get(ctx.actor.installationId)?.accountLogin.toLowerCase() === owner.toLowerCase()
    );
  }
  return state.orgs.get(owner.toLowerCase())?.members.has(ctx.actor.login.toLowerCase()) ?? false;
}

function fieldView(ctx: GraphQLContext, project: ProjectRecord, field: ProjectFieldRecord): View {
  const typename =
    field.dataType === "SINGLE_SELECT"
      ? "ProjectV2SingleSelectField"
      : field.dataType === "ITERATION"
        ? "ProjectV2IterationField"
        : "ProjectV2Field";
  return {
    __typename: typename,
    id: nodeId(typename, field.id),
    databaseId: field.id,
    name: field.name,
    dataType: field.dataType,
    createdAt: githubTime(field.createdAt),
    updatedAt: githubTime(field.createdAt),
    project: () => projectView(ctx, project),
    options: (args: Args) => {
      const names = args["names"];
      const wanted = Array.isArray(names) ? new Set(names) : null;
      return field.options
        .filter((o) => !wanted || wanted.has(o.name))
        .map((o) => ({ ...o, nameHTML: o.name, descriptionHTML: o.description }));
    },
  };
}

function valueView(
  ctx: GraphQLContext,
  project: ProjectRecord,
  item: ProjectItemRecord,
  field: ProjectFieldRecord,
  value: ProjectValueRecord,
): View {
  const common = {
    databaseId: null,
    createdAt: githubTime(item.updatedAt),
    updatedAt: githubTime(item.updatedAt),
    creator: null,
    field: fieldView(ctx, project, field),
    item: () => itemView(ctx, project, item),
  };
  if ("text" in value)
    return {
      ...common,
      __typename: "ProjectV2ItemFieldTextValue",
      id: nodeId("ProjectV2ItemFieldTextValue", `${item.id}:${field.id}`),
      text: value.text,
    };
  if ("date" in value)
    return {
      ...common,
      __typename: "ProjectV2ItemFieldDateValue",
      id: nodeId("ProjectV2ItemFieldDateValue", `${item.id}:${field.id}`),
      date: value.date,
    };
  const option = field.options.find((o) => o.id === value.optionId);
  return {
    ...common,
    __typename: "ProjectV2ItemFieldSingleSelectValue",
    id: nodeId("ProjectV2ItemFieldSingleSelectValue", `${item.id}:${field.id}`),
    name: option?.name ?? null,
    optionId: value.optionId,
    color: option?.color ?? "GRAY",
    description: option?.description ?? null,
  };
}

function itemView(ctx: GraphQLContext, project: ProjectRecord, item: ProjectItemRecord): View {
  const { state } = ctx.shapes;
  const issue = item.issueId === null ? undefined : state.issues.get(item.issueId);
  const draft = item.draft
    ? {
        __typename: "DraftIssue",
        id: nodeId("DraftIssue", item.id),
        title: item.draft.title,
        body: item.draft.body,
        createdAt: githubTime(item.createdAt),
        updatedAt: githubTime(item.updatedAt),
        creator: null,
      }
    : null;
  const values = () =>
    [...item.values].flatMap(([fieldId, value]) => {
      const field = project.fields.find((f) => f.id === fieldId);
      return field ? [valueView(ctx, project, item, field, value)] : [];
    });
  return {
    __typename: "ProjectV2Item",
    id: nodeId("ProjectV2Item", item.id),
    databaseId: item.id,
    isArchived: item.archived,
    type: draft ? "DRAFT_ISSUE" : issue?.pull ? "PULL_REQUEST" : "ISSUE",
    createdAt: githubTime(item.createdAt),
    updatedAt: githubTime(item.updatedAt),
    creator: null,
    project: () => projectView(ctx, project),
    content: () =>
      draft ??
      (issue && canSeeRepo(state, ctx.actor, state.repoById(issue.repoId)) ? issueView(ctx, issue) : null),
    fieldValues: (args: Args) => connection(values(), args, "fieldValues", (v) => v),
    fieldValueByName: (args: Args) => {
      const field = project.fields.find((f) => f.name === argString(args, "name"));
      const value = field ? item.values.get(field.id) : undefined;
      return field && value ? valueView(ctx, project, item, field, value) : null;
    },
  };
}

function projectView(ctx: GraphQLContext, project: ProjectRecord): View {
  return {
    __typename: "ProjectV2",
    id: nodeId("ProjectV2", project.id),
    databaseId: project.id,
    number: project.number,
    title: project.title,
    shortDescription: null,
    public: false,
    closed: false,
    closedAt: null,
    createdAt: githubTime(project.createdAt),
    updatedAt: githubTime(project.createdAt),
    url: `${ctx.shapes.base}/orgs/${project.owner}/projects/${project.number}`,
    field: (args: Args) => {
      const field = project.fields.find((f) => f.name === argString(args, "name"));
      return field ? fieldView(ctx, project, field) : null;
    },
    fields: (args: Args) => connection(project.fields, args, "fields", (f) => fieldView(ctx, project, f)),
    // As on GitHub, archived items are not listed.
    items: (args: Args) =>
      connection(
        project.items.filter((i) => !i.archived),
        args,
        "items",
        (i) => itemView(ctx, project, i),
      ),
  };
}

/** `Issue.projectItems`: the issue's items on every project the caller can see, archived ones unless told not to. */
export function issueProjectItems(ctx: GraphQLContext, issueId: number, args: Args): ConnectionPage<View> {
  const withArchived = args["includeArchived"] !== false;
  const found = projectsOf(ctx.shapes.state)
    .projects.filter((project) => canSeeProjects(ctx, project.owner))
    .flatMap((project) =>
      project.items
        .filter((item) => item.issueId === issueId && (withArchived || !item.archived))
        .map((item) => ({ project, item })),
    );
  return connection(found, args, "projectItems", ({ project, item }) => itemView(ctx, project, item));
}

/** `organization(login:)` with its `projectV2(number:)`. */
export function organizationField(ctx: GraphQLContext): (args: Args) => View {
  return (args) => {
    const login = argString(args, "login") ?? "";
    const account = ctx.shapes.state.account(login);
    if (account?.type !== "Organization")
      throw new GitHubGraphQLError(
        `Could not resolve to an Organization with the login of '${login}'.`,
        "NOT_FOUND",
      );
    return {
      ...actorView(ctx, account.login),
      projectV2: (inner: Args) => {
        const number = argNumber(inner, "number") ?? 0;
        const project = projectsOf(ctx.shapes.state).find(account.login, number);
        if (!project || !canSeeProjects(ctx, account.login))
          throw new GitHubGraphQLError(
            `Could not resolve to a ProjectV2 with the number ${number}.`,
            "NOT_FOUND",
          );
        return projectView(ctx, project);
      },
    };
  };
}

function fromNodeId<T extends { readonly id: number }>(
  list: readonly T[],
  type: string,
  id: string | undefined,
): T | undefined {
  return list.find((r) => nodeId(type, r.id) === id);
}

/** The project and item an input names, as GitHub checks them (a project the caller cannot see is not found). */
function projectOfInput(ctx: GraphQLContext, input: Args): ProjectRecord {
  const id = argString(input, "projectId");
  const project = fromNodeId(projectsOf(ctx.shapes.state).projects, "ProjectV2", id);
  if (!project || !canSeeProjects(ctx, project.owner))
    throw new GitHubGraphQLError(
      `Could not resolve to a node with the global id of '${id ?? ""}'`,
      "NOT_FOUND",
    );
  return project;
}

function itemOfInput(
  project: ProjectRecord,
  input: Args,
  options: { readonly archivedOk: boolean },
): ProjectItemRecord {
  const id = argString(input, "itemId");
  const item = fromNodeId(project.items, "ProjectV2Item", id);
  if (!item)
    throw new GitHubGraphQLError(
      `Could not resolve to a node with the global id of '${id ?? ""}'`,
      "NOT_FOUND",
    );
  if (item.archived && !options.archivedOk)
    throw new GitHubGraphQLError("The item is archived and cannot be updated", "UNPROCESSABLE");
  return item;
}

function fieldOfInput(project: ProjectRecord, input: Args): ProjectFieldRecord {
  const id = argString(input, "fieldId");
  const field = project.fields.find(
    (f) =>
      nodeId(f.dataType === "SINGLE_SELECT" ? "ProjectV2SingleSelectField" : "ProjectV2Field", f.id) === id,
  );
  if (!field)
    throw new GitHubGraphQLError(
      `Could not resolve to a node with the global id of '${id ?? ""}'`,
      "NOT_FOUND",
    );
  return field;
}

/** The one value a field takes, or GitHub's refusal. */
function valueFor(field: ProjectFieldRecord, value: Args): ProjectValueRecord {
  const given = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
  if (given.length !== 1)
    throw new GitHubGraphQLError("Exactly one value type must be given for a field value", "UNPROCESSABLE");
  const text = argString(value, "text");
  const date = argString(value, "date");
  const optionId = argString(value, "singleSelectOptionId");
  if (field.dataType === "TEXT" && text !== undefined) return { text };
  if (field.dataType === "DATE" && date !== undefined) {
    if (!DATE.test(date)) throw new GitHubGraphQLError(`Date is not a valid date: ${date}`, "UNPROCESSABLE");
    return { date };
  }
  if (field.dataType === "SINGLE_SELECT" && optionId !== undefined) {
    if (!field.options.some((o) => o.id === optionId))
      throw new GitHubGraphQLError(
        "The single select option Id does not belong to the field",
        "UNPROCESSABLE",
      );
    return { optionId };
  }
  throw new GitHubGraphQLError(
    `The field of type ${field.dataType.toLowerCase()} cannot take this value`,
    "UNPROCESSABLE",
  );
}

/** The Projects mutations: each refuses what GitHub refuses, and is counted. */
export function projectMutations(ctx: GraphQLContext): View {
  const { state } = ctx.shapes;
  const projects = projectsOf(state);
  const counted =
    (name: string, run: (input: Args) => View) =>
    (args: Args): View => {
      try {
        const result = run(argObject(args, "input") ?? {});
        projects.mutations.push({ name, ok: true });
        return result;
      } catch (error) {
        projects.mutations.push({ name, ok: false });
        throw error;
      }
    };
  return {
    addProjectV2ItemById: counted("addProjectV2ItemById", (input) => {
      const project = projectOfInput(ctx, input);
      const contentId = argString(input, "contentId");
      const issue = [...state.issues.values()].find(
        (i) => nodeId(i.pull ? "PullRequest" : "Issue", i.id) === contentId,
      );
      const repo = issue ? state.repoById(issue.repoId) : undefined;
      if (!issue || !repo || !canSeeRepo(state, ctx.actor, repo))
        throw new GitHubGraphQLError(
          `Could not resolve to a node with the global id of '${contentId ?? ""}'`,
          "NOT_FOUND",
        );
      if (repo.owner.toLowerCase() !== project.owner.toLowerCase()) {
        throw new GitHubGraphQLError(
          `Unable to add the item. The Issue or Pull Request must belong to a repository owned by ${project.owner}`,
          "VALIDATION",
        );
      }
      // Adding content already in the project answers its item (archived or not), as GitHub does.
      let item = project.items.find((i) => i.issueId === issue.id);
      if (!item) {
        const now = nowOf(ctx, project);
        project.items.push(
          (item = {
            id: projects.nextId(),
            issueId: issue.id,
            draft: null,
            archived: false,
            values: new Map(),
            createdAt: now,
            updatedAt: now,
          }),
        );
      }
      return {
        clientMutationId: argString(input, "clientMutationId") ?? null,
        item: itemView(ctx, project, item),
      };
    }),
    addProjectV2DraftIssue: counted("addProjectV2DraftIssue", (input) => {
      const project = projectOfInput(ctx, input);
      const title = argString(input, "title") ?? "";
      if (title.trim() === "") throw new GitHubGraphQLError("Title can't be blank", "UNPROCESSABLE");
      const now = nowOf(ctx, project);
      const item: ProjectItemRecord = {
        id: projects.nextId(),
        issueId: null,
        draft: { title, body: argString(input, "body") ?? "" },
        archived: false,
        values: new Map(),
        createdAt: now,
        updatedAt: now,
      };
      project.items.push(item);
      return {
        clientMutationId: argString(input, "clientMutationId") ?? null,
        projectItem: itemView(ctx, project, item),
      };
    }),
    updateProjectV2ItemFieldValue: counted("updateProjectV2ItemFieldValue", (input) => {
      const project = projectOfInput(ctx, input);
      const item = itemOfInput(project, input, { archivedOk: false });
      const field = fieldOfInput(project, input);
      item.values.set(field.id, valueFor(field, argObject(input, "value") ?? {}));
      item.updatedAt = nowOf(ctx, project);
      return {
        clientMutationId: argString(input, "clientMutationId") ?? null,
        projectV2Item: itemView(ctx, project, item),
      };
    }),
    clearProjectV2ItemFieldValue: counted("clearProjectV2ItemFieldValue", (input) => {
      const project = projectOfInput(ctx, input);
      const item = itemOfInput(project, input, { archivedOk: false });
      item.values.delete(fieldOfInput(project, input).id);
      item.updatedAt = nowOf(ctx, project);
      return {
        clientMutationId: argString(input, "clientMutationId") ?? null,
        projectV2Item: itemView(ctx, project, item),
      };
    }),
    archiveProjectV2Item: counted("archiveProjectV2Item", (input) => {
      const project = projectOfInput(ctx, input);
      const item = itemOfInput(project, input, { archivedOk: true });
      item.archived = true;
      return {
        clientMutationId: argString(input, "clientMutationId") ?? null,
        item: itemView(ctx, project, item),
      };
    }),
    unarchiveProjectV2Item: counted("unarchiveProjectV2Item", (input) => {
      const project = projectOfInput(ctx, input);
      const item = itemOfInput(project, input, { archivedOk: true });
      item.archived = false;
      return {
        clientMutationId: argString(input, "clientMutationId") ?? null,
        item: itemView(ctx, project, item),
      };
    }),
    createProjectV2Field: counted("createProjectV2Field", (input) => {
      const project = projectOfInput(ctx, input);
      const name = argString(input, "name") ?? "";
      const dataType = argString(input, "dataType") ?? "";
      if (project.fields.some((f) => f.name.toLowerCase() === name.toLowerCase()))
        throw new GitHubGraphQLError("Name has already been taken", "UNPROCESSABLE");
      const given = input["singleSelectOptions"];
      const options = Array.isArray(given) ? (given as Args[]) : [];
      if (dataType === "SINGLE_SELECT" && options.length === 0)
        throw new GitHubGraphQLError(
          "At least one option is required for a single select field",
          "UNPROCESSABLE",
        );
      const id = projects.nextId();
      const field: ProjectFieldRecord = {
        id,
        name,
        dataType,
        options: options.map((o, i) => ({
          id: `${id.toString(16)}${i.toString(16).padStart(2, "0")}`,
          name: argString(o, "name") ?? "",
          color: argString(o, "color") ?? "GRAY",
          description: argString(o, "description") ?? "",
        })),
        createdAt: nowOf(ctx, project),
      };
      project.fields.push(field);
      return {
        clientMutationId: argString(input, "clientMutationId") ?? null,
        projectV2Field: fieldView(ctx, project, field),
      };
    }),
  };
}
