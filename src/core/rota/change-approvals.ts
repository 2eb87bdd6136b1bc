import type { SlotChange } from "./change.js";
import type { Person } from "./types.js";

/** One approval a rota change needs, and whether it has been given. */
export interface ApprovalNeeded {
  /** Who must approve (for a rota admin approval still awaited: the admins, joined with "or"). */
  readonly login: string;
  readonly why: string;
  readonly given: boolean;
  /** For a rota admin approval: any one of these logins will do. */
  readonly anyOf?: readonly string[];
  /** Someone whose approval lapsed because others pushed commits since: they must look again. */
  readonly lookAgain?: boolean;
}

const SLOT_WORDS: Record<SlotChange["slot"], string> = {
  developer: "developer",
  operations: "operations",
  shadow: "shadow",
  primary: "primary on call",
  secondLine: "second line",
};

/**
 * The approvals a change needs: every person added to or removed from a changed slot, and each of
 * their delivery leads; a rota admin when people.yml changed and admins are known. An approval is
 * given when the login approved the head commit or wrote the pull request, unless someone else
 * pushed commits to it: an approval counts only from someone who has seen the change (logins
 * compare without case, as on GitHub). Anyone else's approval counts for nothing.
 */
export function approvalsNeeded(params: {
  readonly changes: readonly SlotChange[];
  /** Everyone who may be named, head's people.yml first (its delivery leads win). */
  readonly people: readonly Person[];
  readonly author: string;
  readonly approved: readonly string[];
  readonly peopleChanged: boolean;
  /** overrides.yml changed: single-night cover needs no notice, but a rota admin's approval. */
  readonly overridesChanged?: boolean;
  readonly admins?: readonly string[] | undefined;
  /** Logins other than the author's that pushed commits to the pull request. */
  readonly pushedByOthers?: readonly string[];
}): ApprovalNeeded[] {
  const others = (params.pushedByOthers ?? []).filter(
    (login) => login.toLowerCase() !== params.author.toLowerCase(),
  );
  const authorApproves = others.length === 0;
  const approvers = new Set(
    [...(authorApproves ? [params.author] : []), ...params.approved].map((login) => login.toLowerCase()),
  );
  const given = (login: string) => approvers.has(login.toLowerCase());
  // The first entry wins: callers list the head's people before the base's.
  const leads = new Map<string, string>();
  for (const person of params.people)
    if (!leads.has(person.login)) leads.set(person.login, person.deliveryLead);
  const reasons = new Map<string, string[]>();
  const need = (login: string, why: string) => {
    const key = [...reasons.keys()].find((known) => known.toLowerCase() === login.toLowerCase()) ?? login;
    const list = reasons.get(key) ?? [];
    if (!list.includes(why)) list.push(why);
    reasons.set(key, list);
  };
  for (const change of params.changes) {
    const where = `${SLOT_WORDS[change.slot]}, week ${change.week}`;
    for (const [logins, verb] of [
      [change.removed, "removed from"],
      [change.added, "added to"],
    ] as const) {
      for (const login of logins) {
        need(login, `${verb} ${where}`);
        const lead = leads.get(login);
        if (lead !== undefined && lead.toLowerCase() !== login.toLowerCase())
          need(lead, `delivery lead of ${login}`);
      }
    }
  }
  const lapsed = (login: string) =>
    !authorApproves && login.toLowerCase() === params.author.toLowerCase() && !given(login);
  const approvals: ApprovalNeeded[] = [...reasons].map(([login, why]) =>
    lapsed(login)
      ? {
          login,
          why: `${why.join("; ")}; look again: commits pushed by ${others.join(", ")} since your last one (confirm with a comment review on the latest commit, or push a commit of your own)`,
          given: false,
          lookAgain: true,
        }
      : { login, why: why.join("; "), given: given(login) },
  );
  const admins = params.admins ?? [];
  if ((params.peopleChanged || params.overridesChanged) && admins.length > 0) {
    const approver = admins.find(given);
    const files = [
      params.peopleChanged ? "people.yml" : null,
      params.overridesChanged ? "overrides.yml" : null,
    ]
      .filter((f) => f !== null)
      .join(" and ");
    const why = `rota admin: ${files} changed`;
    approvals.push(
      approver === undefined
        ? { login: admins.join(" or "), why, given: false, anyOf: admins }
        : { login: approver, why, given: true, anyOf: admins },
    );
  }
  return approvals;
}
