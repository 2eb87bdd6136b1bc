import { describe, expect, it } from "vitest";
import { skipWithoutServer } from "../helpers/debian-package.js";
import { ensureRedis, useRedisServer } from "../helpers/redis.js";
import { cardCounts, manyReposSeed, startScaledOut } from "../../dev/demo/scaled-out-stack.js";

const redisAvailability = ensureRedis();
const skipRedis = skipWithoutServer(redisAvailability);
const NOW = new Date("2026-12-02T11:00:00Z");
const TICKETS = 200;
const { seed, repos } = manyReposSeed(50);

/** Opens `count` tickets across the repositories, one after another, without waiting for the app. */
async function openTickets(stack: Awaited<ReturnType<typeof startScaledOut>>, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const repo = repos[i % repos.length] ?? "";
    await stack.as("kim").rest.issues.create({
      owner: "glenmore",
      repo: repo.split("/")[1] ?? "",
      title: `The basket page is slow (${i + 1})`,
      body: "Adding a bottle to the basket takes ten seconds since this morning.",
    });
  }
}

/** Opens the tickets with every delivery sent twice, and checks each ticket got exactly one card and every delivery a 202. */
async function burstSentTwice(params: {
  readonly instances: number;
  readonly redisUrl?: string;
}): Promise<void> {
  const stack = await startScaledOut({
    seed,
    now: NOW,
    instances: params.instances,
    duplicate: true,
    ...(params.redisUrl ? { redisUrl: params.redisUrl } : {}),
  });
  try {
    await openTickets(stack, TICKETS);
    await stack.settle();
    const counts = cardCounts(stack.emulator, repos);
    expect(counts).toHaveLength(TICKETS);
    expect(counts.filter((n) => n !== 1)).toEqual([]);
    // Every delivery was answered at once.
    expect(stack.emulator.deliveries().filter((d) => d.status !== 202)).toEqual([]);
  } finally {
    await stack.close();
  }
}

describe.skipIf(skipRedis)("scaled out on Redis", () => {
  const redisUrl = useRedisServer(redisAvailability);

  it("two instances behind a round-robin proxy, each delivery sent to both: 200 tickets in 50 repositories, 200 cards, none twice", async () => {
    await burstSentTwice({ instances: 2, redisUrl: redisUrl() });
  }, 300_000);
});

describe("one instance in memory", () => {
  it("each delivery sent twice: 200 tickets in 50 repositories, 200 cards, none twice", async () => {
    await burstSentTwice({ instances: 1 });
  }, 300_000);
});
