import type { Stack } from "./harness.js";
import { formBody, issueOf } from "./helpers.js";

export const BOT = "firstline[bot]";

/** An outage reported through the issue form: P1 by its Impact answer. */
export const OUTAGE = formBody({
  "What is wrong, or what do you need?": "Every page shows a 502 error.",
  Impact: "The live site is down or unusable, or we think it has been hacked",
  "Type of request": "Something is broken",
  "Page or URL": "https://www.example.org",
  "Steps to reproduce": "Open any page",
  "Expected behaviour": "The site",
  "Actual behaviour": "502",
});

/** The agency's configuration with its pagers replaced by `pagers` (YAML lines under `alerts:`). */
export function withPagers(pagers: string): (text: string) => string {
  return (text) => {
    const edited = text.replace(/^ {2}pagers: \[\].*$/m, `  pagers:\n${pagers}`);
    if (edited === text) throw new Error("the configuration has no pagers line to replace");
    return edited;
  };
}

/** Firstline's own comments on an issue that contain `needle`. */
export function botComments(stack: Stack, repo: string, number: number, needle: string) {
  return issueOf(stack, repo, number).comments.filter((c) => c.author === BOT && c.body.includes(needle));
}

/** The app's sweep at an instant of the virtual clock. */
export async function sweepAt(stack: Stack, at: string): Promise<void> {
  stack.emulator.clock.set(new Date(at));
  await stack.sweep();
}
