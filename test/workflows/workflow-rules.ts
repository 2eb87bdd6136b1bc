import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";

/** The folder GitHub reads workflows from. */
export const WORKFLOW_DIR = ".github/workflows";

/** A workflow file: its path and text. */
export interface WorkflowFile {
  readonly path: string;
  readonly text: string;
}

/** Every workflow file of the repository, sorted by name. */
export function workflowFiles(): WorkflowFile[] {
  return readdirSync(WORKFLOW_DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({
      path: join(WORKFLOW_DIR, name),
      text: readFileSync(join(WORKFLOW_DIR, name), "utf8"),
    }));
}

/** A step as the rules read it, with the line of its `uses:` when it has one. */
export interface StepView {
  readonly job: string;
  readonly uses?: string;
  readonly usesLine?: string;
  readonly run?: string;
  readonly with: Readonly<Record<string, unknown>>;
}

/** The parts of a workflow the rules look at. */
export interface WorkflowView {
  readonly path: string;
  readonly value: Record<string, unknown>;
  readonly jobs: Readonly<Record<string, Record<string, unknown>>>;
  readonly steps: readonly StepView[];
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Parses a workflow, keeping the source line of every `uses:` (its pin comment sits there). */
export function viewWorkflow(file: WorkflowFile): WorkflowView {
  const lineCounter = new LineCounter();
  const doc = parseDocument(file.text, { lineCounter });
  if (doc.errors.length > 0) throw new Error(`${file.path}: ${doc.errors.map((e) => e.message).join("; ")}`);
  const lines = file.text.split("\n");
  const lineOf = (node: Node | null | undefined): string | undefined => {
    if (!node?.range) return undefined;
    return lines[lineCounter.linePos(node.range[0]).line - 1];
  };
  const value = record(doc.toJS());
  const jobs = Object.fromEntries(
    Object.entries(record(value["jobs"])).map(([id, job]) => [id, record(job)]),
  );
  const steps: StepView[] = [];
  const jobsNode = doc.get("jobs", true);
  if (isMap(jobsNode)) {
    for (const pair of jobsNode.items) {
      const job = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!isMap(pair.value)) continue;
      const jobUses = pair.value.get("uses", true);
      if (isScalar(jobUses))
        steps.push({
          job,
          uses: String(jobUses.value),
          usesLine: lineOf(jobUses) ?? "",
          with: record(jobs[job]?.["with"]),
        });
      const stepsNode = pair.value.get("steps", true);
      if (!isSeq(stepsNode)) continue;
      for (const step of stepsNode.items) {
        if (!isMap(step)) continue;
        const uses = step.get("uses", true);
        const plain = record(step.toJSON());
        steps.push({
          job,
          ...(isScalar(uses) ? { uses: String(uses.value), usesLine: lineOf(uses) ?? "" } : {}),
          ...(typeof plain["run"] === "string" ? { run: plain["run"] } : {}),
          with: record(plain["with"]),
        });
      }
    }
  }
  return { path: file.path, value, jobs, steps };
}

/** A third-party action pinned to a full commit SHA, with the release it is in a comment. */
const PINNED = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40}$/;
const VERSION_COMMENT = /#\s*v\d+\.\d+\.\d+\s*$/;
/** Expressions an outsider controls (titles, bodies, branch names, dispatch inputs) or that carry them. */
const UNTRUSTED = /\$\{\{[^}]*\b(github\.event\b|github\.head_ref\b|inputs\.)/;

/**
 * What a workflow does against the repository's rules: least-privilege permissions declared,
 * every action other than `./` pinned to a commit SHA with a `# vX.Y.Z` comment, and no untrusted
 * expression inside a `run:` script (it goes through `env:` instead). One line per violation.
 */
export function ruleViolations(view: WorkflowView): string[] {
  const found: string[] = [];
  const topPermissions = view.value["permissions"];
  if (topPermissions === "write-all") found.push(`${view.path}: permissions: write-all`);
  for (const [id, job] of Object.entries(view.jobs)) {
    if (topPermissions === undefined && job["permissions"] === undefined)
      found.push(`${view.path}: job ${id} has no permissions (nor has the workflow)`);
    if (job["permissions"] === "write-all") found.push(`${view.path}: job ${id}: permissions: write-all`);
  }
  for (const step of view.steps) {
    if (step.uses !== undefined && !step.uses.startsWith("./")) {
      if (!PINNED.test(step.uses))
        found.push(`${view.path}: job ${step.job}: ${step.uses} is not pinned to a 40-character commit SHA`);
      else if (!VERSION_COMMENT.test(step.usesLine ?? ""))
        found.push(`${view.path}: job ${step.job}: ${step.uses} has no "# vX.Y.Z" comment`);
    }
    const untrusted = step.run === undefined ? null : UNTRUSTED.exec(step.run);
    if (untrusted)
      found.push(
        `${view.path}: job ${step.job}: run script uses ${untrusted[1] ?? ""} in an expression; pass it through env:`,
      );
  }
  return found;
}
