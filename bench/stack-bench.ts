import { agencySeed, STAFF } from "../dev/demo/agency-seed.js";
import type { SeedInput } from "../dev/emulator/index.js";
import { startStack, type Stack } from "../dev/demo/stack.js";

/**
 * The agency's seed with `count` open tickets in one client's repository (one installation, so
 * the count per hundred is not blurred by several installations' part-filled pages), each
 * answered by staff.
 */
export function seedWithTickets(
  count: number,
  createdAt: string,
  options: {
    readonly longTickets?: number;
    readonly commentsEach?: number;
    readonly editConfig?: (text: string) => string;
  } = {},
): SeedInput {
  const seed = agencySeed(options.editConfig ? { editConfig: options.editConfig } : {});
  const repos = ["acme/website"];
  const clients: Record<string, string> = {
    "acme/website": "acme",
    "riverside/tenant-portal": "riverside",
    "glenmore/shop": "glenmore",
  };
  // A minute apart, as tickets come in, so creation times tell them apart.
  const opened = (i: number) =>
    new Date(Date.parse(createdAt) + i * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const issues = Array.from({ length: count }, (_, i) => {
    const repo = repos[i % repos.length] ?? "acme/website";
    return {
      repo,
      title: `Ticket ${i + 1}: please update page ${i + 1}`,
      body: `Please change the text on page ${i + 1}.`,
      author: "pat",
      labels: [`client: ${clients[repo] ?? "acme"}`, "priority: P4", "type: change"],
      labeledBy: "alice-okafor",
      createdAt: opened(i),
      comments: [
        {
          author: STAFF[i % STAFF.length] ?? "alice-okafor",
          body: "Thanks, we will do this in the next release.",
          createdAt: opened(i),
        },
        // The first few tickets are long threads, which the sweep must read to the end.
        ...(i < (options.longTickets ?? 0)
          ? Array.from({ length: (options.commentsEach ?? 300) - 1 }, (_, c) => ({
              author: "pat",
              body: `Any news? (${c + 1})`,
              createdAt: opened(i),
            }))
          : []),
      ],
    };
  });
  return { ...seed, issues: [...(seed.issues ?? []), ...issues] };
}

/** Runs `work` with a fresh stack, and closes it after. */
export async function withStack<T>(
  params: { seed: SeedInput; now: Date },
  work: (stack: Stack) => Promise<T>,
): Promise<T> {
  const stack = await startStack(params);
  try {
    return await work(stack);
  } finally {
    await stack.close();
  }
}

/**
 * Sweeps an hour apart (GitHub's write limits, 80 a minute and 500 an hour, spread the first
 * cards out) until a sweep writes nothing and leaves nothing for later; then five minutes on.
 * Returns the number of sweeps and the requests of the first.
 */
export async function sweepUntilQuiet(
  stack: Stack,
): Promise<{ settleSweeps: number; firstSweepRequests: number }> {
  stack.emulator.log.reset();
  await stack.sweep();
  const firstSweepRequests = stack.emulator.log.summary().requests.filter((r) => r.actor !== "app").length;
  let settleSweeps = 1;
  for (; settleSweeps < 60; settleSweeps++) {
    stack.emulator.clock.advance({ minutes: 61 });
    stack.emulator.log.reset();
    const result = (await stack.sweep()) as { sweeps: { deferred: number }[] };
    const deferred = result.sweeps.reduce((n, s) => n + s.deferred, 0);
    if (stack.emulator.log.summary().writes === 0 && deferred === 0) break;
  }
  stack.emulator.clock.advance({ minutes: 5 });
  return { settleSweeps, firstSweepRequests };
}
