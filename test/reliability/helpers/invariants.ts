import type { IssueDump, StateDump } from "../../../dev/emulator/state/dump.js";

export const BOT = "firstline[bot]";
const CARD = "<!-- firstline:card -->";

/** One issue of the emulator's state, by repository and number; throws when there is none. */
export function issueDump(
  stack: { readonly emulator: { dump(): StateDump } },
  repo: string,
  number: number,
): IssueDump {
  const issue = stack.emulator
    .dump()
    .repos.find((r) => r.fullName === repo)
    ?.issues.find((i) => i.number === number);
  if (!issue) throw new Error(`no issue ${repo}#${number}`);
  return issue;
}

/** The bot's comments on an issue. */
export function botComments(issue: IssueDump): IssueDump["comments"] {
  return issue.comments.filter((c) => c.author === BOT);
}

/** How many cards the bot posted on an issue. */
export function cardCount(issue: IssueDump): number {
  return botComments(issue).filter((c) => c.body.includes(CARD)).length;
}

/** Every hidden marker key in the bot's comments, once per comment that carries it. */
export function markerKeys(issue: IssueDump): string[] {
  return botComments(issue).flatMap((c) =>
    [...c.body.matchAll(/<!-- firstline:([^\s>]+?) -->/g)].map((m) => m[1] ?? ""),
  );
}

/** Marker keys the bot wrote more than once on one issue: each is a notice, card or reminder posted twice. */
export function duplicateMarkers(issue: IssueDump): string[] {
  const seen = new Map<string, number>();
  for (const key of markerKeys(issue)) seen.set(key, (seen.get(key) ?? 0) + 1);
  return [...seen.entries()].filter(([, n]) => n > 1).map(([key]) => key);
}

/** Times each label was added to an issue (events), by label. */
export function labelAdds(issue: IssueDump): Map<string, number> {
  const adds = new Map<string, number>();
  for (const e of issue.events)
    if (e.event === "labeled" && e.label) adds.set(e.label, (adds.get(e.label) ?? 0) + 1);
  return adds;
}

/** The issues (not pull requests) of some repositories. */
export function issuesIn(dump: StateDump, repos: readonly string[]): { repo: string; issue: IssueDump }[] {
  const wanted = new Set(repos.map((r) => r.toLowerCase()));
  return dump.repos
    .filter((r) => wanted.has(r.fullName.toLowerCase()))
    .flatMap((r) => r.issues.filter((i) => !i.isPullRequest).map((issue) => ({ repo: r.fullName, issue })));
}

/**
 * What must hold for every ticket at any quiet moment: exactly one card, no marker written twice.
 * Returns one line per violation (empty when all is well), so a failure names every bad ticket.
 */
export function ticketViolations(dump: StateDump, repos: readonly string[]): string[] {
  const problems: string[] = [];
  for (const { repo, issue } of issuesIn(dump, repos)) {
    if (issue.author === BOT) continue;
    const cards = cardCount(issue);
    if (cards !== 1) problems.push(`${repo}#${issue.number}: ${cards} cards`);
    const dupes = duplicateMarkers(issue);
    if (dupes.length > 0)
      problems.push(`${repo}#${issue.number}: markers written twice: ${dupes.join(", ")}`);
  }
  return problems;
}

/** Issues the bot opened in a repository with a given title (dashboards, configuration problems). */
export function botIssues(dump: StateDump, repo: string, titleStart: string): IssueDump[] {
  return (
    dump.repos
      .find((r) => r.fullName === repo)
      ?.issues.filter((i) => i.author === BOT && i.title.startsWith(titleStart)) ?? []
  );
}
