import type { FirstlineConfig } from "../core/config/firstline-config.js";
import { readTeamMembers } from "../github/team-members.js";
import type { Responders } from "../core/ticket/responders.js";
import type { SlaPolicy } from "../core/sla/policy.js";
import { readRota, respondersAt } from "../github/load-responders.js";
import { WriteLog } from "../github/write-log.js";
import { FileReader } from "../github/read-file.js";
import { loadRepoConfig, type RepoConfig } from "../github/repo-config.js";
import { splitRepo, statusOf, type GitHubTransport } from "../github/transport.js";
import { systemClock, type Clock } from "../shell/clock.js";
import { MemoryStateStore } from "./state/memory-state-store.js";
import { AppMemory } from "./state/app-memory.js";
import { ExpiringCache } from "./state/expiring-cache.js";
import { WriteBatcher } from "./queue/write-batcher.js";
import { TimerWakeups, type EscalationWakeups } from "./escalation-wakeups.js";
import {
  MAX_COMMENTS_TOGETHER,
  postCommentsTogether,
  type CommentToPost,
} from "../github/comments-together.js";
import type { PendingPage, PendingPages, StateStore } from "./state/state-store.js";
import type { DeadLetter } from "./queue/work-queue.js";
import type { Env } from "../pagers/deliver-page-event.js";
import type { PagerTransport } from "../pagers/send-pager-request.js";
import { smtpSenderFromEnv } from "../mail/smtp-sender.js";
import { Notifier } from "../notify/notifier.js";
import type { SentLedger } from "../notify/sent-ledger.js";
import { sentLedgerIn } from "./state/sent-ledger-in-store.js";
import { slackPosterFromEnv } from "../notify/slack-poster.js";

const TEAM_TTL_MS = 10 * 60_000;
/** An installation's repositories change only with installation events, which clear this at once. */
const INSTALLATION_TTL_MS = 24 * 3600_000;

const DELIVERY_TTL_MS = 24 * 3600_000;
const OPENED_TTL_MS = 7 * 24 * 3600_000;

/** An urgent ticket's card, with the installation's transport to post it through. */
export interface UrgentCard {
  readonly gh: GitHubTransport;
  readonly comment: CommentToPost;
}

/**
 * What the app keeps between webhooks, each part by name. What instances must share (delivery ids,
 * ticket locks, pages awaiting escalation, tickets already carded) and what the app remembers
 * (`memory`: jobs' last runs, tonight's covers, the dashboard, reported problems) live in the state
 * store (memory, or Redis with `REDIS_URL`). The rest are this instance's caches (`ExpiringCache`)
 * and its write pacing, whose loss costs a few extra requests and nothing else.
 */
export class FirstlineService {
  readonly clock: Clock;
  readonly reader: FileReader;
  /** The state shared between instances (this instance's memory unless given Redis). */
  readonly store: StateStore;
  /** How long a sweep trusts cached configuration, rota and installations: pushes and installation events clear them at once. */
  readonly sweepConfigMaxAgeMs = 60 * 60_000;
  /**
   * How long a webhook trusts the cached configuration without asking GitHub: a push clears it in
   * the instance that receives the push; other instances see the change within this time.
   */
  readonly webhookConfigMaxAgeMs = 60_000;

  /**
   * Each webhook delivery (or pager event) once across instances. The delivery is held under a
   * lock while it is worked on and marked done only when its work succeeds: a second copy waits
   * and then skips it, a failed attempt leaves it to its retry, and an instance killed mid-work
   * (whose lock lapses) leaves it to another. `resumed` tells the work that an earlier attempt
   * started it, so it may have written part of its effects already.
   */
  readonly deliveries = {
    once: async (
      id: string,
      work: (attempt: { readonly resumed: boolean }) => Promise<void>,
    ): Promise<boolean> => {
      const done = `delivery:${id}`;
      return this.store.withLock(done, async () => {
        if (await this.store.isSeen(done)) return false;
        const resumed = !(await this.store.markSeen(`delivery-started:${id}`, DELIVERY_TTL_MS));
        await work({ resumed });
        await this.store.markSeen(done, DELIVERY_TTL_MS);
        return true;
      });
    },
  };

  /** One task at a time per key (a ticket, an alert) across instances. */
  readonly locks = {
    run: <T>(key: string, task: () => Promise<T>): Promise<T> => this.store.withLock(`ticket:${key}`, task),
  };

  /** Pages awaiting acknowledgement, watched for escalation, by `repo#number`. */
  get pendingPages(): PendingPages {
    return this.store.pendingPages;
  }

  /** Wake-ups when escalation steps fall due: timers here, or BullMQ delayed jobs on Redis. */
  readonly escalationWakeups: EscalationWakeups;

  /**
   * A page joins the escalation watch, with a wake-up when its first step falls due (`pagedAt`
   * plus the shortest step; the wake-up then sets the next one).
   */
  async watchPage(
    key: string,
    page: PendingPage,
    params: { readonly pagedAt: number; readonly steps: readonly { readonly afterMinutes: number }[] },
  ): Promise<void> {
    await this.pendingPages.set(key, page);
    const first = Math.min(...params.steps.map((s) => s.afterMinutes));
    if (Number.isFinite(first)) await this.escalationWakeups.at(key, params.pagedAt + first * 60_000);
  }

  /** Where the dead letters of the work queue are read from (none while webhooks are worked on as they come). */
  deadLetterSource: (() => Promise<DeadLetter[]>) | undefined;

  /** Webhook deliveries that failed every attempt, for the dashboard. */
  async deadLetters(): Promise<DeadLetter[]> {
    return this.deadLetterSource ? await this.deadLetterSource() : [];
  }

  /** Whether a ticket's opening was handled (by any instance), so a replayed opening posts no second card. */
  wasOpened(key: string): Promise<boolean> {
    return this.store.isSeen(`opened:${key}`);
  }

  async rememberOpened(key: string): Promise<void> {
    await this.store.markSeen(`opened:${key}`, OPENED_TTL_MS);
  }

  /** Urgent cards waiting for a request of their own, in every installation (for logs and tests). */
  urgentCardsWaiting(): number {
    return [...this.urgentCardBatches.values()].reduce((sum, b) => sum + b.waitingCount, 0);
  }

  /**
   * Posts an urgent ticket's card: the cards of every urgent ticket of the installation that
   * arrive while one is being written go out together in the next request, so ten P1 tickets at
   * once are carded within a few write slots rather than ten.
   */
  postUrgentCard(installation: number, card: UrgentCard): Promise<void> {
    let batcher = this.urgentCardBatches.get(installation);
    if (!batcher) {
      batcher = new WriteBatcher<UrgentCard>(
        (cards) =>
          postCommentsTogether({ gh: cards[0]?.gh ?? card.gh, comments: cards.map((c) => c.comment) }),
        MAX_COMMENTS_TOGETHER,
      );
      this.urgentCardBatches.set(installation, batcher);
    }
    return batcher.submit(card);
  }

  /** What the app remembers between webhooks and sweeps, by name (in the state store). */
  readonly memory: AppMemory;
  /** Recent writes per installation (this instance's pacing under GitHub's secondary limits). */
  private readonly writeLogs = new Map<number, WriteLog>();
  /** Urgent tickets' cards waiting to go out together, per installation. */
  private readonly urgentCardBatches = new Map<number, WriteBatcher<UrgentCard>>();
  /**
   * The last configuration that read cleanly in this process: while a push leaves the file broken,
   * tickets go on being served with it (and the problem is reported), rather than the whole
   * agency's SLA watch stopping over one typo.
   */
  private lastGoodConfigValue: FirstlineConfig | undefined;
  /** Members of the staff team, asked again after ten minutes. */
  private readonly teams: ExpiringCache<string[]>;
  private botLoginValue: string | undefined;

  /** How to talk to GitHub as the app itself (not an installation), for `GET /app`. */
  private appAuth: (() => Promise<GitHubTransport>) | undefined;
  /** How to talk to GitHub as one installation. */
  private installationAuth: ((id: number) => Promise<GitHubTransport>) | undefined;
  /** Which installation holds a repository (installation webhooks clear it). */
  private readonly installationOfRepo: ExpiringCache<number>;
  /** Installations and their repositories, kept for the sweep's configuration age. */
  private readonly memo: ExpiringCache<unknown>;

  /** The agency's support repository (`owner/name`): the only source of configuration. */
  private supportRepoValue: string | undefined;
  /** Environment variables: the only place pager secrets come from. */
  readonly env: Env;
  /** How pager requests are sent and retries wait. */
  readonly pagerTransport: PagerTransport;
  /** Slack (SLACK_BOT_TOKEN) and email (SMTP_URL) notifications, delivered in the background. */
  readonly notifier: Notifier;

  constructor(
    params: {
      readonly clock?: Clock;
      readonly botLogin?: string;
      readonly supportRepo?: string;
      readonly env?: Env;
      readonly sleep?: (ms: number) => Promise<void>;
      readonly sentLedger?: SentLedger;
      readonly store?: StateStore;
      readonly escalationWakeups?: EscalationWakeups;
    } = {},
  ) {
    this.clock = params.clock ?? systemClock;
    this.escalationWakeups = params.escalationWakeups ?? new TimerWakeups(() => this.now());
    this.store = params.store ?? new MemoryStateStore({ now: () => this.now() });
    this.memory = new AppMemory(this.store, () => this.now());
    const now = (): number => this.now();
    this.teams = new ExpiringCache({ ttlMs: TEAM_TTL_MS, now });
    this.installationOfRepo = new ExpiringCache({ ttlMs: INSTALLATION_TTL_MS, now });
    this.memo = new ExpiringCache({ ttlMs: this.sweepConfigMaxAgeMs, now });
    this.supportRepoValue = params.supportRepo;
    this.env = params.env ?? process.env;
    this.pagerTransport = {
      fetch: (input, init) => fetch(input, init),
      now: () => this.now(),
      sleep: params.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
    this.reader = new FileReader({ clock: () => this.clock().getTime() });
    this.notifier = new Notifier({
      slack: slackPosterFromEnv({ env: this.env, now: () => this.now(), sleep: this.pagerTransport.sleep }),
      mail: smtpSenderFromEnv(this.env),
      ledger: params.sentLedger ?? sentLedgerIn(this.store),
      sleep: this.pagerTransport.sleep,
      log: { warn: (obj, msg) => console.warn(msg ?? "notification", JSON.stringify(obj)) },
    });
    this.botLoginValue = params.botLogin;
  }

  /** Called once by the app's entry with Probot's ways to authenticate. */
  connect(params: {
    readonly appAuth: () => Promise<GitHubTransport>;
    readonly installationAuth: (id: number) => Promise<GitHubTransport>;
    readonly supportRepo?: string | undefined;
  }): void {
    this.appAuth = params.appAuth;
    this.installationAuth = params.installationAuth;
    if (params.supportRepo) this.supportRepoValue = params.supportRepo;
  }

  /** The agency's support repository, where the one configuration, the rota and the dashboard live. */
  get supportRepo(): string {
    if (!this.supportRepoValue)
      throw new Error("FIRSTLINE_SUPPORT_REPO is not set: name the agency's support repository (owner/name)");
    return this.supportRepoValue;
  }

  /**
   * GitHub as the installation that holds a repository: the support repository (rota, dashboard)
   * usually belongs to the agency's installation, not to the client's that sent the webhook.
   */
  async githubFor<F extends GitHubTransport | null>(
    repo: string,
    fallback: F,
    fallbackRepo?: string,
  ): Promise<GitHubTransport | F> {
    if (!this.appAuth || !this.installationAuth) return fallback;
    const key = repo.toLowerCase();
    // The installation that sent a webhook already holds its own repository.
    if (fallback !== null && fallbackRepo?.toLowerCase() === key) return fallback;
    let id = this.installationOfRepo.get(key);
    if (id === undefined) {
      const app = await this.appAuth();
      try {
        const response = await app.request("GET /repos/{owner}/{repo}/installation", splitRepo(repo));
        id = response.data.id;
        this.installationOfRepo.set(key, id);
      } catch (error) {
        // Not installed there: the caller's own installation is tried. Any other failure is the
        // caller's to report (a webhook fails and is redelivered; a sweep lists it), never hidden.
        if (statusOf(error) !== 404) throw error;
        return fallback;
      }
    }
    return this.installationAuth(id);
  }

  /**
   * A value kept for the sweep's config age (installations and their repositories), so a sweep
   * does not list them again every five minutes; installation webhooks clear it.
   */
  async cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    return (await this.memo.through(key, load)) as T;
  }

  /** Forgets the cached installations and repositories (the app was installed, removed or changed). */
  forgetInstallations(): void {
    this.memo.clear();
    this.installationOfRepo.clear();
  }

  now(): number {
    return this.clock().getTime();
  }

  /** This instance's record of recent writes for an installation, to pace the next ones. */
  writeLogFor(installation: number): WriteLog {
    let log = this.writeLogs.get(installation);
    if (!log) this.writeLogs.set(installation, (log = new WriteLog()));
    return log;
  }

  /** The last configuration that read cleanly in this process, served while a push leaves it broken. */
  get lastGoodConfig(): FirstlineConfig | undefined {
    return this.lastGoodConfigValue;
  }

  rememberGoodConfig(config: FirstlineConfig): void {
    this.lastGoodConfigValue = config;
  }

  /** The app's own login (`<slug>[bot]`), asked of GitHub once per process. */
  async botLogin(): Promise<string> {
    if (this.botLoginValue) return this.botLoginValue;
    if (!this.appAuth) throw new Error("the app's login is unknown: give botLogin or appAuth");
    const gh = await this.appAuth();
    const response = await gh.request("GET /app");
    if (!response.data) throw new Error("GitHub did not say which app this is (GET /app answered nothing)");
    this.botLoginValue = `${response.data.slug}[bot]`;
    return this.botLoginValue;
  }

  /**
   * Who should hear about tickets now (this week's support pair, the on-call people), read from the
   * rota files of the support repository. Null while the rota cannot be read.
   */
  async responders(scope: {
    readonly gh: GitHubTransport;
    readonly config: FirstlineConfig;
    readonly repo: string;
    readonly now: number;
    readonly policy: SlaPolicy;
    /** Trust cached rota files this young (sweeps; a push to the support repository clears them). */
    readonly maxAgeMs?: number;
  }): Promise<Responders | null> {
    const repo = this.supportRepoValue ?? scope.config.supportRepo ?? scope.repo;
    const gh = await this.githubFor(repo, scope.gh, scope.repo);
    const rota = await readRota({
      gh,
      reader: this.reader,
      repo,
      dir: scope.config.rota.dir,
      ...(scope.maxAgeMs === undefined ? {} : { maxAgeMs: scope.maxAgeMs }),
    });
    if (!rota) return null;
    const covers = await this.memory.covers(repo);
    const withCovers =
      covers.length > 0 ? { ...rota, overrides: [...(rota.overrides ?? []), ...covers] } : rota;
    return respondersAt({
      rota: withCovers,
      now: scope.now,
      zone: scope.config.timezone,
      calendar: scope.policy.termsFor({ repo: "" }).calendar,
    });
  }

  /**
   * The agency's configuration, read from the support repository alone (whatever repository the
   * event came from), with the installation that holds the support repository.
   */
  async supportConfig(params: {
    readonly gh: GitHubTransport;
    readonly repo: string;
    readonly maxAgeMs?: number;
  }): Promise<{ readonly loaded: RepoConfig; readonly gh: GitHubTransport }> {
    const supportRepo = this.supportRepo;
    const gh = await this.githubFor(supportRepo, params.gh, params.repo);
    const loaded = await loadRepoConfig({
      gh,
      reader: this.reader,
      repo: supportRepo,
      ...(params.maxAgeMs === undefined ? {} : { maxAgeMs: params.maxAgeMs }),
    });
    const named = loaded.kind === "valid" ? loaded.config.supportRepo : null;
    if (loaded.kind === "valid" && named !== null && named.toLowerCase() !== supportRepo.toLowerCase()) {
      const problem = {
        file: loaded.files[0] ?? supportRepo,
        path: "supportRepo",
        message: `names ${named}, but this app serves ${supportRepo} (FIRSTLINE_SUPPORT_REPO): remove the key or make the two agree`,
      };
      return { loaded: { kind: "broken", problems: [problem], files: loaded.files }, gh };
    }
    return { loaded, gh };
  }

  /** Members of the configured staff team, cached for ten minutes. */
  async teamMembers(gh: GitHubTransport, config: Pick<FirstlineConfig, "staff">): Promise<string[]> {
    const team = config.staff.team;
    if (!team) return [];
    return this.teams.through(team, () => readTeamMembers({ gh, team }));
  }
}
