import { manyReposSeed, startScaledOut } from "../dev/demo/scaled-out-stack.js";
import { ensureRedis, startRedis } from "../test/helpers/redis.js";

/** What one burst measured. */
export interface BurstRun {
  readonly instances: number;
  readonly backend: "memory" | "redis";
  readonly tickets: number;
  readonly p1Tickets: number;
  /** How long GitHub waited for each delivery's answer, p99 (ms). */
  readonly ackP99Ms: number;
  /** From a P1 ticket's creation to its card, p99 (ms). */
  readonly p1CardP99Ms: number;
  /** From the burst's start to the last card (ms). */
  readonly lastCardMs: number;
  /**
   * Every request the app made for the instance's very first ticket (it also finds the support
   * repository's installation and takes its token), for a repository's first ticket once the
   * instance is warm, and for a warm repository's next ticket.
   */
  readonly requestsInstanceFirstTicket: number;
  readonly requestsFirstTicket: number;
  readonly requestsWarmTicket: number;
}

const p99 = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? 0);
};

/**
 * `tickets` new tickets at once across 50 repositories, one in twenty an outage (P1), against the
 * emulator at 50 ms latency, with the production Octokit (retries and throttling on, as
 * `npm start` runs it): the acknowledgement time, the time to card of the P1 tickets and the time
 * to the last card; and the requests of a repository's first and second tickets before the burst.
 */
export async function burstRun(params: {
  readonly tickets: number;
  readonly instances: number;
  readonly redisUrl?: string;
}): Promise<BurstRun> {
  const { seed, repos } = manyReposSeed(50);
  const stack = await startScaledOut({
    seed,
    now: new Date("2026-12-02T11:00:00Z"),
    instances: params.instances,
    production: true,
    ...(params.redisUrl ? { redisUrl: params.redisUrl } : {}),
  });
  try {
    stack.emulator.faults.set({ latencyMs: 50 });
    const kim = stack.as("kim");
    const open = (repo: string, title: string, body: string) =>
      kim.rest.issues.create({ owner: "glenmore", repo: repo.split("/")[1] ?? "", title, body });
    const appRequests = () => stack.emulator.log.summary().requests.filter((r) => r.actor !== "kim").length;
    /** The app's requests for one ticket, opened once the app is quiet. */
    const requestsFor = async (repo: string, title: string, body: string) => {
      stack.emulator.log.reset();
      await open(repo, title, body);
      await stack.settle();
      return appRequests();
    };
    const hours = [
      "Please update the opening hours",
      "Please change the opening hours on the contact page.",
    ] as const;
    const requestsInstanceFirstTicket = await requestsFor(repos[0] ?? "", ...hours);
    // The other instances' first tickets (the proxy takes turns), so the next two meet warm instances.
    for (let i = 1; i < params.instances; i++)
      await requestsFor(
        repos[repos.length - i] ?? "",
        "Please update the footer",
        "Please change the footer text.",
      );
    const requestsFirstTicket = await requestsFor(repos[1] ?? "", ...hours);
    const requestsWarmTicket = await requestsFor(
      repos[0] ?? "",
      "Please update the delivery page",
      "Please change the delivery prices on the delivery page.",
    );

    const deliveredBefore = stack.emulator.deliveries().length;
    const start = Date.now();
    const created = new Map<string, { at: number; p1: boolean }>();
    await Promise.all(
      Array.from({ length: params.tickets }, async (_, i) => {
        const repo = repos[i % repos.length] ?? "";
        const p1 = i % 20 === 10;
        const { data } = p1
          ? await open(
              repo,
              `The website is down (${i})`,
              "Every page of the shop shows an error since a few minutes ago.",
            )
          : await open(repo, `Please update page ${i}`, `Please change the text on page ${i}.`);
        created.set(`${repo}#${data.number}`, { at: Date.now(), p1 });
      }),
    );
    const carded = new Map<string, number>();
    // Read from the emulator's records, new comments only: a full dump every 100 ms would load
    // the process the instances share and slow their answers.
    const { state } = stack.emulator;
    let seenComments = 0;
    while (carded.size < created.size) {
      const comments = [...state.comments.values()];
      for (const c of comments.slice(seenComments)) {
        if (c.authorLogin !== stack.emulator.botLogin || !c.body.includes("<!-- firstline:card -->"))
          continue;
        const issue = state.issues.get(c.issueId);
        if (!issue) continue;
        const repo = state.repoById(issue.repoId);
        const key = `${repo.owner}/${repo.name}#${issue.number}`;
        if (created.has(key) && !carded.has(key)) carded.set(key, Date.now());
      }
      seenComments = comments.length;
      if (Date.now() - start > 30 * 60_000)
        throw new Error(`only ${carded.size} of ${created.size} tickets carded after 30 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await stack.settle();
    const acks = stack.emulator
      .deliveries()
      .slice(deliveredBefore)
      .map((d) => d.durationMs ?? Number.POSITIVE_INFINITY);
    const p1 = [...created].filter(([, c]) => c.p1).map(([key, c]) => (carded.get(key) ?? 0) - c.at);
    return {
      instances: params.instances,
      backend: params.redisUrl ? "redis" : "memory",
      tickets: created.size,
      p1Tickets: p1.length,
      ackP99Ms: p99(acks),
      p1CardP99Ms: p99(p1),
      lastCardMs: Math.max(...carded.values()) - start,
      requestsInstanceFirstTicket,
      requestsFirstTicket,
      requestsWarmTicket,
    };
  } finally {
    await stack.close();
  }
}

/** The burst on one instance in memory and, when redis-server is installed, on two instances sharing Redis. */
export async function benchBurst(
  tickets = Number(process.env["BURST_TICKETS"] ?? 200),
): Promise<{ memory: BurstRun; redis: BurstRun | null }> {
  const memory = await burstRun({ tickets, instances: 1 });
  const redisServer = ensureRedis();
  if (!redisServer.available) return { memory, redis: null };
  const redis = await startRedis({ binary: redisServer.binary });
  try {
    return { memory, redis: await burstRun({ tickets, instances: 2, redisUrl: redis.url }) };
  } finally {
    await redis.stop();
  }
}
