import type { EmulatorState } from "../state/store.js";

/** A field of a project (GitHub's built-in ones and those created through the API). */
export interface ProjectFieldRecord {
  readonly id: number;
  readonly name: string;
  readonly dataType: string;
  readonly options: readonly {
    readonly id: string;
    readonly name: string;
    readonly color: string;
    readonly description: string;
  }[];
  readonly createdAt: Date;
}

/** A field's value on an item: one of text, date (`YYYY-MM-DD`) or option id. */
export type ProjectValueRecord =
  { readonly text: string } | { readonly date: string } | { readonly optionId: string };

export interface ProjectItemRecord {
  readonly id: number;
  /** The issue or pull request it holds; null for a draft issue. */
  readonly issueId: number | null;
  readonly draft: { readonly title: string; readonly body: string } | null;
  archived: boolean;
  readonly values: Map<number, ProjectValueRecord>;
  readonly createdAt: Date;
  updatedAt: Date;
}

export interface ProjectRecord {
  readonly id: number;
  readonly owner: string;
  readonly number: number;
  readonly title: string;
  readonly fields: ProjectFieldRecord[];
  readonly items: ProjectItemRecord[];
  readonly createdAt: Date;
}

/** The Projects (v2) of an emulated GitHub, beside its other records. */
export class ProjectsState {
  readonly projects: ProjectRecord[] = [];
  /** Every Projects mutation that changed something or was refused, for tests and benchmarks. */
  readonly mutations: { readonly name: string; readonly ok: boolean }[] = [];
  constructor(private readonly state: EmulatorState) {}

  nextId(): number {
    return this.state.nextId();
  }

  find(owner: string, number: number): ProjectRecord | undefined {
    return this.projects.find((p) => p.owner.toLowerCase() === owner.toLowerCase() && p.number === number);
  }
}

const all = new WeakMap<EmulatorState, ProjectsState>();

/** The projects of an emulator's state, made on first use. */
export function projectsOf(state: EmulatorState): ProjectsState {
  let projects = all.get(state);
  if (!projects) all.set(state, (projects = new ProjectsState(state)));
  return projects;
}

/**
 * Creates an organisation's project as GitHub does from its web page: numbered after the
 * organisation's last one, with the built-in Title and Status fields.
 */
export function createProject(
  state: EmulatorState,
  params: { readonly owner: string; readonly title: string; readonly now: Date },
): ProjectRecord {
  const account = state.account(params.owner);
  if (account?.type !== "Organization")
    throw new Error(`createProject: ${params.owner} is not an organisation`);
  const projects = projectsOf(state);
  const number =
    1 +
    Math.max(
      0,
      ...projects.projects
        .filter((p) => p.owner.toLowerCase() === params.owner.toLowerCase())
        .map((p) => p.number),
    );
  const project: ProjectRecord = {
    id: state.nextId(),
    owner: account.login,
    number,
    title: params.title,
    fields: [
      { id: state.nextId(), name: "Title", dataType: "TITLE", options: [], createdAt: params.now },
      {
        id: state.nextId(),
        name: "Status",
        dataType: "SINGLE_SELECT",
        options: ["Todo", "In Progress", "Done"].map((name, i) => ({
          id: `status${i}`,
          name,
          color: "GRAY",
          description: "",
        })),
        createdAt: params.now,
      },
    ],
    items: [],
    createdAt: params.now,
  };
  projects.projects.push(project);
  return project;
}

/** A project's items as plain data: the issue and each field's value by name (archived items included). */
export function dumpProjectItems(
  state: EmulatorState,
  params: { readonly owner: string; readonly number: number },
): {
  repo: string;
  number: number;
  draft: string | null;
  archived: boolean;
  values: Record<string, string>;
}[] {
  const project = projectsOf(state).find(params.owner, params.number);
  if (!project) return [];
  return project.items.map((item) => {
    const issue = item.issueId === null ? undefined : state.issues.get(item.issueId);
    const repo = issue ? state.repoById(issue.repoId) : undefined;
    const values: Record<string, string> = {};
    for (const [fieldId, value] of item.values) {
      const field = project.fields.find((f) => f.id === fieldId);
      if (!field) continue;
      values[field.name] =
        "text" in value
          ? value.text
          : "date" in value
            ? value.date
            : (field.options.find((o) => o.id === value.optionId)?.name ?? "");
    }
    return {
      repo: repo ? `${repo.owner}/${repo.name}` : "",
      number: issue?.number ?? 0,
      draft: item.draft?.title ?? null,
      archived: item.archived,
      values,
    };
  });
}
