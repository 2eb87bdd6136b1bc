import { DateTime } from "luxon";
import { CARD_KEY, hasMarker } from "../../src/core/markers.js";
import type { StateDump } from "../emulator/state/dump.js";

type IssueState = StateDump["repos"][number]["issues"][number];

/** The first line of a comment worth reading: no markers, no table rules, no headings' hashes. */
function gist(body: string): string {
  const line =
    body
      .split("\n")
      .map((l) => l.replace(/<!--.*?-->/g, "").trim())
      .find((l) => l !== "" && !/^\|?[-| ]+\|?$/.test(l) && !l.startsWith("<sub>") && l !== "| | |") ?? "";
  const clean = line.replace(/^#+\s*/, "").replace(/\*\*/g, "");
  return clean.length > 110 ? `${clean.slice(0, 109)}…` : clean;
}

/**
 * Tells what changed on the emulated GitHub between two moments, as a support person would say it:
 * issues opened, labels, comments, assignments, closures, check runs. The demo prints it step by
 * step, so the timeline shows what Firstline did.
 */
export class Narrator {
  private previous: StateDump;
  private readonly lines: string[] = [];

  constructor(
    private readonly dump: () => StateDump,
    private readonly zone: string,
    private readonly out: (line: string) => void,
    /** What happened outside GitHub since the last report (a pager's requests), one line each. */
    private readonly elsewhere: () => readonly string[] = () => [],
  ) {
    this.previous = dump();
  }

  /** Prints a heading for what happens next, at the emulator's clock. */
  step(now: Date, what: string): void {
    this.out(
      `\n${DateTime.fromJSDate(now, { zone: this.zone }).setLocale("en-GB").toFormat("ccc d LLL HH:mm ZZZZ")}  ${what}`,
    );
  }

  /** Prints everything that changed since the last call. */
  report(): void {
    const current = this.dump();
    for (const repo of current.repos) {
      const before = this.previous.repos.find((r) => r.fullName === repo.fullName);
      for (const issue of repo.issues)
        this.describeIssue(
          repo.fullName,
          issue,
          before?.issues.find((i) => i.number === issue.number),
        );
      for (const run of repo.checkRuns.filter((c) => !before?.checkRuns.some((b) => b.id === c.id))) {
        this.say(
          `${repo.fullName}: check run "${run.name}" ${run.conclusion ?? run.status}: ${run.title ?? ""}${run.annotations > 0 ? ` (${run.annotations} annotations)` : ""}`,
        );
      }
    }
    this.previous = current;
    for (const line of this.elsewhere()) this.say(line);
    if (this.lines.length === 0) this.out("    (nothing to do)");
    for (const line of this.lines.splice(0)) this.out(`    ${line}`);
  }

  private describeIssue(repo: string, issue: IssueState, before: IssueState | undefined): void {
    const ref = `${repo}#${issue.number}`;
    const kind = issue.isPullRequest ? "pull request" : "issue";
    if (!before) this.say(`${ref} ${kind} opened by ${issue.author}: "${issue.title}"`);
    // A page goes out in the issue's own text: show it when it is sent, not when someone answers it.
    const page = before ? undefined : pageLine(issue.body ?? "");
    if (page) this.say(`${ref} ${page}`);
    // Reviews come before what the bot did about them.
    for (const review of issue.reviews.filter((r) => !before?.reviews.some((b) => b.id === r.id)))
      this.say(`${ref} ${review.author} reviewed: ${review.state.toLowerCase()}`);
    const added = issue.labels.filter((l) => !before?.labels.includes(l));
    const removed = (before?.labels ?? []).filter((l) => !issue.labels.includes(l));
    if (added.length > 0) this.say(`${ref} labelled ${added.join(", ")}`);
    if (removed.length > 0) this.say(`${ref} unlabelled ${removed.join(", ")}`);
    const assigned = issue.assignees.filter((a) => !before?.assignees.includes(a));
    const unassigned = (before?.assignees ?? []).filter((a) => !issue.assignees.includes(a));
    if (assigned.length > 0) this.say(`${ref} assigned to ${assigned.join(", ")}`);
    if (unassigned.length > 0) this.say(`${ref} unassigned ${unassigned.join(", ")}`);
    for (const comment of issue.comments) {
      const old = before?.comments.find((c) => c.id === comment.id);
      if (!old) this.say(`${ref} ${comment.author} commented: ${gist(comment.body)}`);
      else if (old.body !== comment.body && hasMarker(comment.body, CARD_KEY))
        this.say(`${ref} ticket card updated: ${cardState(comment.body)}`);
      else if (old.body !== comment.body)
        this.say(`${ref} ${comment.author} edited a comment: ${gist(comment.body)}`);
    }
    if (before && before.body !== issue.body && before.state === issue.state)
      this.say(`${ref} description updated`);
    if (before && before.state !== issue.state)
      this.say(`${ref} ${issue.state === "closed" ? "closed" : "reopened"}`);
  }

  private say(line: string): void {
    this.lines.push(line);
  }
}

/** The page in an alert issue's text ("Paging @alice-okafor, on call: ..."), cut to its first sentence. */
function pageLine(body: string): string | undefined {
  const line = body.split("\n").find((l) => l.startsWith("Paging @"));
  return line ? `paged: ${line.split(":")[0] ?? line}` : undefined;
}

function cardState(body: string): string {
  const rows = body.split("\n").filter((l) => /^\| (First response|Next response|Resolution)/.test(l));
  return (
    rows
      .map((r) =>
        r
          .split("|")
          .map((c) => c.trim())
          .filter(Boolean),
      )
      .map((c) => `${c[0]} ${c[3] ?? ""} (due ${c[2] ?? ""})`)
      .join("; ") || "refreshed"
  );
}
