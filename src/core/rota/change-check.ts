import type { DateTime } from "luxon";
import type { Finding } from "../finding.js";
import { approvalsNeeded, type ApprovalNeeded } from "./change-approvals.js";
import { diffRotaSlots, peopleChanged, type SlotChange, type SlotValue } from "./change.js";
import { checkRota } from "./check.js";
import type { FairnessGroup, FairnessReport } from "./fairness.js";
import { findingAt } from "./located.js";
import { ROTA_RULE } from "./rule-ids.js";
import type { Rota, Slot } from "./types.js";
import { localDate, weekEnd, weekStart } from "./week.js";

/** Changes need at least this much notice; less than `NOTICE_EXPECTED_DAYS` is a warning. */
export const NOTICE_REQUIRED_DAYS = 7;
export const NOTICE_EXPECTED_DAYS = 14;

/** A changed slot as reported, with where it stands in the head files. */
export interface ReportedChange {
  readonly week: string;
  readonly slot: Slot;
  readonly from: SlotValue;
  readonly to: SlotValue;
  readonly file: string;
  readonly line?: number;
}

/** How each person's weeks move between base and head (only people whose count changed). */
export interface FairnessChange {
  readonly before: FairnessReport;
  readonly after: FairnessReport;
  readonly moves: readonly {
    readonly group: string;
    readonly login: string;
    readonly before: number;
    readonly after: number;
  }[];
}

interface ChangeReport {
  readonly changes: readonly ReportedChange[];
  readonly people: { readonly added: readonly string[]; readonly removed: readonly string[] };
  readonly approvals: readonly ApprovalNeeded[];
  readonly findings: readonly Finding[];
  readonly fairness: FairnessChange;
}

/** The verdict on a rota change: a tagged result the CLI, the app and the Action all render. */
export type RotaChangeResult =
  | (ChangeReport & { readonly verdict: "pass" })
  | (ChangeReport & { readonly verdict: "fail"; readonly blocking: readonly string[] });

function noticeFindings(params: {
  readonly changes: readonly SlotChange[];
  readonly head: Rota;
  readonly now: DateTime;
  readonly zone: string;
}): Finding[] {
  const { head, now, zone } = params;
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const { week, file } of params.changes) {
    if (seen.has(`${file}:${week}`)) continue;
    seen.add(`${file}:${week}`);
    const source = head.sources[file];
    const weeks = file === "support" ? head.support : head.onCall;
    const path = week in weeks ? ["weeks", week] : ["weeks"];
    const start = weekStart({ week, zone });
    const when = start.setLocale("en-GB").toFormat("ccc d LLL yyyy HH:mm ZZZZ");
    const days = start.diff(now, "days").days;
    const shown = Math.floor(days * 10) / 10;
    const add = (severity: "error" | "warning", message: string) =>
      findings.push(findingAt({ rule: ROTA_RULE.notice, severity, source, path, message }));
    if (now >= weekEnd({ week, zone })) add("error", `week ${week} is in the past: it cannot be changed`);
    else if (now >= start)
      add("error", `week ${week} is the current week (it started ${when}): it cannot be changed`);
    else if (days < NOTICE_REQUIRED_DAYS)
      add(
        "error",
        `week ${week} starts ${when}, ${shown} days from now: changes need at least ${NOTICE_REQUIRED_DAYS} days' notice`,
      );
    else if (days < NOTICE_EXPECTED_DAYS)
      add(
        "warning",
        `week ${week} starts ${when}, ${shown} days from now: changes should have at least ${NOTICE_EXPECTED_DAYS} days' notice`,
      );
  }
  return findings;
}

function fairnessMoves(before: FairnessReport, after: FairnessReport): FairnessChange["moves"] {
  const groups = (report: FairnessReport): [string, FairnessGroup][] => [
    ["inHours.developer", report.inHours.developer],
    ["inHours.operations", report.inHours.operations],
    ["onCall.primary", report.onCall.primary],
    ["onCall.secondLine", report.onCall.secondLine],
  ];
  const moves: { group: string; login: string; before: number; after: number }[] = [];
  const afterGroups = new Map(groups(after));
  for (const [name, group] of groups(before)) {
    const logins = new Set(
      [...group.people, ...(afterGroups.get(name)?.people ?? [])].map((share) => share.login),
    );
    for (const login of logins) {
      const was = group.people.find((share) => share.login === login)?.weeks ?? 0;
      const now = afterGroups.get(name)?.people.find((share) => share.login === login)?.weeks ?? 0;
      if (was !== now) moves.push({ group: name, login, before: was, after: now });
    }
  }
  return moves;
}

/**
 * Checks a change to the rota (a pull request from `base` to `head`) at `now`: the slots that
 * changed, the approvals they need (given when approved on the head commit or by the author), the
 * notice each changed week gets, every rota rule on the head, and how the fairness report moves.
 * Whole weeks that ended before `now` and were deleted are history being pruned, not changes.
 * Fails on any error finding or any approval still awaited.
 */
export function checkRotaChange(params: {
  readonly base: Rota;
  readonly head: Rota;
  readonly now: DateTime;
  readonly zone: string;
  readonly author: string;
  readonly approved: readonly string[];
  /** Rota admins, one of whom approves changes to people.yml; unknown when not given. */
  readonly admins?: readonly string[] | undefined;
  /** Others than the author who pushed commits to the pull request: the author must then approve by review. */
  readonly pushedByOthers?: readonly string[];
}): RotaChangeResult {
  const { base, head, now, zone } = params;
  const today = localDate({ at: now, zone });
  const pruned = (change: SlotChange) => {
    const weeks = change.file === "support" ? head.support : head.onCall;
    return !(change.week in weeks) && now >= weekEnd({ week: change.week, zone });
  };
  const slotChanges = diffRotaSlots({ base, head }).filter((change) => !pruned(change));
  const changedPeople = peopleChanged({ base, head });
  const overridesChanged = JSON.stringify(base.overrides ?? []) !== JSON.stringify(head.overrides ?? []);
  const approvals = approvalsNeeded({
    overridesChanged,
    changes: slotChanges,
    people: [...head.people, ...base.people],
    author: params.author,
    approved: params.approved,
    peopleChanged: changedPeople,
    admins: params.admins,
    pushedByOthers: params.pushedByOthers ?? [],
  });
  const headCheck = checkRota({ rota: head, today });
  const findings: Finding[] = [
    ...noticeFindings({ changes: slotChanges, head, now, zone }),
    ...headCheck.findings,
  ];
  if ((changedPeople || overridesChanged) && params.admins === undefined) {
    findings.push(
      findingAt({
        rule: ROTA_RULE.admins,
        severity: "warning",
        source: head.sources.people,
        path: ["people"],
        message: `${changedPeople ? "people.yml" : "overrides.yml"} changed, but no rota admins were named, so no admin approval was checked`,
      }),
    );
  }
  const before = checkRota({ rota: base, today }).fairness;
  const changes = slotChanges.map(({ week, slot, from, to, file }) => {
    const source = head.sources[file];
    const line = source.lineOf(["weeks", week, slot]);
    return line === undefined
      ? { week, slot, from, to, file: source.file }
      : { week, slot, from, to, file: source.file, line };
  });
  const report: ChangeReport = {
    changes,
    people: {
      added: [...new Set(slotChanges.flatMap((c) => c.added))].sort(),
      removed: [...new Set(slotChanges.flatMap((c) => c.removed))].sort(),
    },
    approvals,
    findings,
    fairness: { before, after: headCheck.fairness, moves: fairnessMoves(before, headCheck.fairness) },
  };
  const errors = findings.filter((finding) => finding.severity === "error").length;
  const awaited = approvals.filter((approval) => !approval.given).map((approval) => approval.login);
  const blocking = [
    ...(errors > 0 ? [`${errors} error${errors === 1 ? "" : "s"} in the rota or its notice`] : []),
    ...(awaited.length > 0 ? [`awaiting approval from ${awaited.join(", ")}`] : []),
  ];
  return blocking.length === 0 ? { verdict: "pass", ...report } : { verdict: "fail", ...report, blocking };
}
