import type { IssueDump } from "../../dev/emulator/state/dump.js";
import type { Stack } from "./harness.js";

/** The emulator's view of one issue. */
export function issueOf(stack: Stack, repo: string, number: number): IssueDump {
  const found = stack.emulator
    .dump()
    .repos.find((r) => r.fullName === repo)
    ?.issues.find((i) => i.number === number);
  if (!found) throw new Error(`no issue ${repo}#${number}`);
  return found;
}

/** Opens an issue as a user at an instant of the emulator's clock, and waits for the app. */
export async function openIssue(
  stack: Stack,
  params: { as: string; repo: string; at: string; title: string; body: string },
): Promise<number> {
  stack.emulator.clock.set(new Date(params.at));
  const [owner = "", repo = ""] = params.repo.split("/");
  const { data } = await stack
    .as(params.as)
    .rest.issues.create({ owner, repo, title: params.title, body: params.body });
  await stack.settle();
  return data.number;
}

/** Comments on an issue as a user at an instant, and waits for the app. */
export async function comment(
  stack: Stack,
  params: { as: string; repo: string; number: number; at: string; body: string },
): Promise<void> {
  stack.emulator.clock.set(new Date(params.at));
  const [owner = "", repo = ""] = params.repo.split("/");
  await stack
    .as(params.as)
    .rest.issues.createComment({ owner, repo, issue_number: params.number, body: params.body });
  await stack.settle();
}

/** The card's text (the bot's comment with the card marker). */
export function cardOf(issue: IssueDump): string {
  const cards = issue.comments.filter(
    (c) => c.author === "firstline[bot]" && c.body.includes("<!-- firstline:card -->"),
  );
  if (cards.length !== 1) throw new Error(`expected one card, found ${cards.length}`);
  return cards[0]?.body ?? "";
}

/** An issue form body, as GitHub renders it. */
export function formBody(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([label, value]) => `### ${label}\n\n${value}`)
    .join("\n\n");
}
