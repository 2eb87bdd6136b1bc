import { describe, expect, it } from "vitest";
import { ACTION_COMMANDS, ACTION_INPUTS } from "../../src/action/inputs.js";
import { ruleViolations, viewWorkflow, workflowFiles, type WorkflowView } from "./workflow-rules.js";

const views = workflowFiles().map(viewWorkflow);
const byName = (name: string): WorkflowView => {
  const view = views.find((v) => v.path.endsWith(`/${name}`));
  if (!view) throw new Error(`no workflow ${name}`);
  return view;
};
const crons = (view: WorkflowView) =>
  ((view.value["on"] as { schedule?: { cron: string }[] }).schedule ?? []).map((s) => s.cron);
const localCommands = (view: WorkflowView) =>
  view.steps.filter((s) => s.uses === "./").map((s) => s.with["command"]);

describe("the workflows", () => {
  it("are the six the agency runs", () => {
    expect(views.map((v) => v.path)).toEqual(
      ["ci.yml", "pages.yml", "rota-check.yml", "rota-publish.yml", "sla-sweep.yml", "toil-monthly.yml"].map(
        (name) => `.github/workflows/${name}`,
      ),
    );
  });

  it.each(views.map((v) => [v.path, v] as const))(
    "%s: least privilege, pinned actions, no untrusted expression in a script",
    (_path, view) => {
      expect(ruleViolations(view)).toEqual([]);
    },
  );

  it.each(views.map((v) => [v.path, v] as const))(
    "%s: every step of the Action runs a known command with known inputs",
    (_path, view) => {
      for (const step of view.steps.filter((s) => s.uses === "./")) {
        expect(ACTION_COMMANDS).toContain(step.with["command"]);
        for (const name of Object.keys(step.with))
          expect(Object.keys(ACTION_INPUTS), `${view.path}: with.${name}`).toContain(name);
      }
    },
  );

  it.each([
    ["ci.yml", [], []],
    ["pages.yml", ["15 10 * * 3"], ["site-build"]],
    ["sla-sweep.yml", ["*/15 * * * *"], ["sla-sweep"]],
    ["rota-publish.yml", ["5 10 * * 3"], ["publish-rota"]],
    ["rota-check.yml", ["30 7 * * *"], ["check-rota-change", "rota-horizon"]],
    ["toil-monthly.yml", ["0 6 1 * *"], ["toil", "sla-report"]],
  ])("%s runs on %j and runs %j", (name, schedule, commands) => {
    expect(crons(byName(name))).toEqual(schedule);
    expect(localCommands(byName(name))).toEqual(commands);
  });

  it("ci runs .ci/run on every push and pull request", () => {
    const ci = byName("ci.yml");
    expect(Object.keys(ci.value["on"] as object)).toEqual(["push", "pull_request"]);
    expect(ci.steps.map((s) => s.run).filter(Boolean)).toEqual(["bash .ci/run"]);
  });

  it("pages deploys with only pages and id-token write, in the github-pages environment", () => {
    const pages = byName("pages.yml");
    expect((pages.value["on"] as { push: { branches: string[]; paths: string[] } }).push).toEqual({
      branches: ["main"],
      paths: ["runbooks/**", "rota/**", ".github/firstline.yml"],
    });
    expect(pages.jobs["deploy"]?.["permissions"]).toEqual({ pages: "write", "id-token": "write" });
    expect(pages.jobs["deploy"]?.["environment"]).toMatchObject({ name: "github-pages" });
    expect(pages.steps.map((s) => s.uses?.split("@")[0])).toEqual([
      "actions/checkout",
      "./",
      "actions/upload-pages-artifact",
      "actions/deploy-pages",
    ]);
  });

  it("rota-check runs the change check on rota pull requests and reviews, and the horizon daily", () => {
    const rota = byName("rota-check.yml");
    const on = rota.value["on"] as { pull_request: { paths: string[] }; pull_request_review: unknown };
    expect(on.pull_request.paths).toEqual(["rota/**"]);
    expect(on.pull_request_review).toBeDefined();
    expect(rota.value["permissions"]).toEqual({});
    expect(rota.jobs["change"]?.["permissions"]).toEqual({
      contents: "read",
      checks: "write",
      "pull-requests": "write",
    });
    expect(rota.jobs["horizon"]?.["permissions"]).toEqual({ contents: "read", issues: "write" });
  });

  it("the sweep and TOIL use the token that reaches the client repositories", () => {
    for (const name of ["sla-sweep.yml", "toil-monthly.yml"]) {
      const step = byName(name).steps.find((s) => s.uses === "./");
      expect(step?.with["token"], name).toBe("${{ secrets.FIRSTLINE_TOKEN }}");
    }
    expect(byName("sla-sweep.yml").value["permissions"]).toEqual({ contents: "read" });
  });
});

describe("the workflow rules catch what they are for", () => {
  const view = (text: string) => viewWorkflow({ path: "bad.yml", text });
  it.each([
    [
      "a job without permissions",
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n",
      "job a has no permissions",
    ],
    [
      "write-all",
      "on: push\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n",
      "permissions: write-all",
    ],
    [
      "a tag instead of a SHA",
      "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
      "actions/checkout@v4 is not pinned",
    ],
    [
      "a SHA without its version",
      "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683\n",
      'has no "# vX.Y.Z" comment',
    ],
    [
      "a reusable workflow by tag",
      "on: push\npermissions: {}\njobs:\n  a:\n    uses: org/repo/.github/workflows/x.yml@main\n",
      "is not pinned",
    ],
    [
      "an issue title in a script",
      'on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n',
      "uses github.event",
    ],
    [
      "a branch name in a script",
      "on: pull_request\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: git checkout ${{ github.head_ref }}\n",
      "uses github.head_ref",
    ],
    [
      "a dispatch input in a script",
      "on: workflow_dispatch\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ inputs.from }}\n",
      "uses inputs.",
    ],
  ])("%s", (_what, text, message) => {
    expect(ruleViolations(view(text)).join("\n")).toContain(message);
  });

  it("an expression passed through env is fine", () => {
    const text =
      'on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - env:\n          TITLE: ${{ github.event.issue.title }}\n        run: echo "$TITLE"\n';
    expect(ruleViolations(view(text))).toEqual([]);
  });
});
