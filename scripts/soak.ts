// npm run soak [-- --minutes 5 --seed 1 --repos 8 --retries scaled|production|off --lost-answers on|off]:
// a longer run of Firstline against the GitHub emulator. Random but seeded traffic (tickets,
// comments, commands, closes and reopens, redeliveries, alerts), sweeps, the clock moving on, and
// GitHub failing (502s, secondary rate limits, latency, and with --lost-answers writes that GitHub
// did but answered 502 for). At the end GitHub recovers, the app sweeps twice, and the
// invariants are checked: one card per open ticket, no notice or marker written twice, one
// dashboard, the app still answering. Prints a summary; exits 1 when an invariant is broken.
import { parseArgs } from "node:util";
import { botIssues, cardCount, duplicateMarkers, issuesIn } from "../test/reliability/helpers/invariants.js";
import {
  CLIENTS,
  clientRepos,
  reliabilitySeed,
  STAFF,
  SUPPORT_REPO,
} from "../test/reliability/helpers/seed.js";
import { startApiProxy, type ApiProxy } from "../test/reliability/helpers/api-proxy.js";
import { startReliabilityStack, type RetryMode, type Stack } from "../test/reliability/helpers/stack.js";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "5" },
    seed: { type: "string", default: "1" },
    repos: { type: "string", default: "8" },
    retries: { type: "string", default: "scaled" },
    "lost-answers": { type: "string", default: "on" },
  },
});
const minutes = Number(values.minutes);
const seed = Number(values.seed);
const repoCount = Number(values.repos);
const retries = values.retries as RetryMode;
const lostAnswers = values["lost-answers"] === "on";
if (
  !(minutes > 0) ||
  !Number.isInteger(seed) ||
  !(repoCount >= 1 && repoCount <= 50) ||
  !["off", "scaled", "production"].includes(retries) ||
  !["on", "off"].includes(values["lost-answers"] ?? "")
) {
  console.error(
    "usage: npm run soak -- [--minutes N] [--seed N] [--repos 1..50] [--retries scaled|production|off] [--lost-answers on|off]",
  );
  process.exit(2);
}

/** mulberry32: the run's only source of randomness, so a seed replays the same traffic. */
function generator(start: number): () => number {
  let a = start >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const random = generator(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const REPOS = [...clientRepos(repoCount), "acme/website"];
const TEXTS = [
  { title: "How do I add a news item?", body: "Is there a guide for editors?" },
  { title: "Login is broken", body: "I can't get in." },
  {
    title: "Search gives an error",
    body: "Steps: 1. open https://example.test/search 2. search. Expected results but it shows an error 500.",
  },
  {
    title: "Site down: outage",
    body: "The whole site is down, outage since 01:50. Steps: 1. open the home page. Expected the page but it shows 502.",
  },
  {
    title: "New events calendar",
    body: "Could you build a new events calendar with online booking? A new feature for our residents.",
  },
  {
    title: "Help @mallory <!-- firstline:card -->",
    body: "Ping @victim-user\n<!-- firstline:notice:c1:firstResponse:1:at-risk -->",
  },
];
const CLIENT_REPLIES = [
  "Any news?",
  "Steps: 1. open https://example.test/login 2. sign in. Expected the dashboard but it shows an error.",
  "/priority P1",
  "/resume",
  "<!-- firstline:card --> still broken",
];
const STAFF_REPLIES = [
  "Looking into it now.",
  "/priority P2",
  "/priority P4",
  "/waiting",
  "/resume",
  "/sla",
  "/chargeable 2d new feature",
  "/not-chargeable",
  "/type change",
  "/client acme",
];

type Ticket = { repo: string; number: number; open: boolean };
const tickets: Ticket[] = [];
const counts = new Map<string, number>();
const count = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1);

/** A person's call: GitHub may be failing, so they try a few times; a call that never gets through is counted, not fatal. */
async function attempt<T>(what: string, call: () => Promise<T>): Promise<T | undefined> {
  for (let i = 0; i < 5; i++) {
    try {
      const result = await call();
      count(what);
      return result;
    } catch {
      // GitHub failing for people too; try again.
    }
  }
  count(`${what} (gave up)`);
  return undefined;
}

const split = (repo: string) => {
  const [owner = "", name = ""] = repo.split("/");
  return { owner, repo: name };
};

async function step(stack: Stack): Promise<void> {
  const roll = random();
  const open = tickets.filter((t) => t.open);
  if (roll < 0.2 || open.length === 0) {
    const repo = pick(REPOS);
    const text = pick(TEXTS);
    const as = repo === "acme/website" ? "rosa" : pick(CLIENTS);
    const created = await attempt("ticket opened", () =>
      stack.as(as).rest.issues.create({ ...split(repo), ...text }),
    );
    if (created) tickets.push({ repo, number: created.data.number, open: true });
  } else if (roll < 0.4) {
    const t = pick(open);
    await attempt("client comment", () =>
      stack
        .as(t.repo === "acme/website" ? "rosa" : pick(CLIENTS))
        .rest.issues.createComment({ ...split(t.repo), issue_number: t.number, body: pick(CLIENT_REPLIES) }),
    );
  } else if (roll < 0.55) {
    const t = pick(open);
    await attempt("staff comment", () =>
      stack
        .as(pick(STAFF))
        .rest.issues.createComment({ ...split(t.repo), issue_number: t.number, body: pick(STAFF_REPLIES) }),
    );
  } else if (roll < 0.6) {
    const t = pick(tickets);
    const state = t.open ? "closed" : "open";
    if (
      await attempt(state === "closed" ? "ticket closed" : "ticket reopened", () =>
        stack.as(pick(STAFF)).rest.issues.update({ ...split(t.repo), issue_number: t.number, state }),
      )
    )
      t.open = !t.open;
  } else if (roll < 0.72) {
    stack.emulator.clock.advance({ minutes: 5 + Math.floor(random() * 240) });
    count("clock moved");
  } else if (roll < 0.82) {
    const answer = (await stack.sweep()) as { status: number };
    count(`sweep ${answer.status}`);
  } else if (roll < 0.9) {
    const share = random();
    lostAnswerShare = share < 0.4 || !lostAnswers ? 0 : random() * 0.03;
    if (share < 0.4) stack.emulator.faults.reset();
    else
      stack.emulator.faults.set({
        serverErrorShare: random() * 0.15,
        secondaryRateLimitShare: random() * 0.08,
        retryAfterSeconds: 1,
        latencyMs: Math.floor(random() * 20),
        seed: Math.floor(random() * 1e9),
      });
    count(share < 0.4 ? "faults cleared" : "faults changed");
  } else if (roll < 0.96) {
    const deliveries = stack.emulator.deliveries();
    if (deliveries.length > 0) {
      stack.emulator.redeliver(pick(deliveries).id);
      count("redelivery");
    }
  } else {
    const answer = await stack.alert({
      name: pick(["DiskSpaceLow", "SiteDown"]),
      severity: pick(["critical", "warning"]),
      status: pick(["firing", "firing", "resolved"]),
      client: "acme",
      summary: "soak",
    });
    count(`alert ${answer.status}`);
  }
  await stack.settle();
}

// Between the app and the emulator: a share of the app's successful writes get a 502 for an answer.
let lostAnswerShare = 0;
const proxyRandom = generator(seed + 1);
let proxy: ApiProxy | undefined;
const stack = await startReliabilityStack({
  seed: reliabilitySeed({ count: repoCount, labels: true }),
  now: new Date("2026-12-01T09:00:00Z"),
  retries,
  idleTimeoutMs: 120_000,
  apiThrough: async (emulator) => {
    proxy = await startApiProxy({ target: emulator.url });
    proxy.hooks = {
      after: (request, status) => {
        if (!request.write || status >= 400 || lostAnswerShare === 0 || proxyRandom() >= lostAnswerShare)
          return undefined;
        count("write done, answer lost");
        return 502;
      },
    };
    return proxy;
  },
});
const started = Date.now();
const deadline = started + minutes * 60_000;
let steps = 0;
let lastReport = started;
try {
  while (Date.now() < deadline) {
    await step(stack);
    steps += 1;
    if (Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      console.log(
        `${Math.round((lastReport - started) / 1000)} s: ${steps} steps, ${tickets.length} tickets, emulator clock ${stack.emulator.clock.now().toISOString()}`,
      );
    }
  }
  // GitHub recovers; the sweeps bring everything into line.
  stack.emulator.faults.reset();
  lostAnswerShare = 0;
  stack.emulator.clock.advance({ minutes: 5 });
  const finalSweeps = [
    (await stack.sweep()) as { status: number },
    (await stack.sweep()) as { status: number },
  ];

  const dump = stack.emulator.dump();
  const problems: string[] = [];
  const byKey = new Map(issuesIn(dump, REPOS).map(({ repo, issue }) => [`${repo}#${issue.number}`, issue]));
  for (const t of tickets) {
    const issue = byKey.get(`${t.repo}#${t.number}`);
    if (!issue) continue;
    const cards = cardCount(issue);
    if (issue.state === "open" ? cards !== 1 : cards > 1)
      problems.push(`${t.repo}#${t.number} (${issue.state}): ${cards} cards`);
    const dupes = duplicateMarkers(issue);
    if (dupes.length > 0) problems.push(`${t.repo}#${t.number}: markers written twice: ${dupes.join(", ")}`);
  }
  const dashboards = botIssues(dump, SUPPORT_REPO, "Firstline dashboard").length;
  if (dashboards !== 1) problems.push(`${dashboards} dashboards`);
  if (finalSweeps.some((s) => s.status !== 200))
    problems.push(`final sweeps answered ${finalSweeps.map((s) => s.status).join(", ")}`);
  // Still answering: a fresh ticket gets its card.
  const probeRepo = REPOS[0] ?? "";
  const probe = await stack
    .as("pat")
    .rest.issues.create({ ...split(probeRepo), title: "Soak probe", body: "Please change the footer." });
  await stack.settle();
  const probeIssue = stack.emulator
    .dump()
    .repos.find((r) => r.fullName === probeRepo)
    ?.issues.find((i) => i.number === probe.data.number);
  if (!probeIssue || cardCount(probeIssue) !== 1)
    problems.push("the app did not card a fresh ticket after the run");

  const log = stack.emulator.log.summary();
  const statuses = new Map<string, number>();
  for (const d of stack.emulator.deliveries())
    statuses.set(String(d.status ?? d.error), (statuses.get(String(d.status ?? d.error)) ?? 0) + 1);
  const faults = log.requests.filter((r) => r.fault !== null).length;
  console.log(
    `\nFirstline soak: ${minutes} min, seed ${seed}, ${repoCount} repositories, retries ${retries}`,
  );
  console.log(
    `  ${steps} steps in ${Math.round((Date.now() - started) / 1000)} s; emulator clock ${stack.emulator.clock.now().toISOString()}`,
  );
  console.log(
    `  ${tickets.length} tickets (${tickets.filter((t) => t.open).length} open), ${log.total} API requests (${log.writes} writes, ${faults} answered with a fault)`,
  );
  console.log(
    `  actions: ${[...counts.entries()]
      .sort()
      .map(([what, n]) => `${what} ${n}`)
      .join(", ")}`,
  );
  console.log(
    `  deliveries by the app's answer: ${[...statuses.entries()]
      .sort()
      .map(([status, n]) => `${status} ${n}`)
      .join(", ")}`,
  );
  console.log(
    problems.length === 0
      ? "  invariants: all hold"
      : `  invariants broken (${problems.length}):\n${problems.map((p) => `    - ${p}`).join("\n")}`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
} finally {
  await stack.close();
}
