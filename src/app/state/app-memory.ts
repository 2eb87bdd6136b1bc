import { z } from "zod";
import type { NightOverride } from "../../core/rota/types.js";
import { nightOverrideSchema } from "../../config/rota-schema.js";
import { ExpiringCache } from "./expiring-cache.js";
import type { StateStore } from "./state-store.js";

const DAY_MS = 24 * 3600_000;
/** Long enough for a weekly job to see its own last run; short enough that nothing lingers. */
const RUN_TTL_MS = 10 * DAY_MS;
/** `/cover` holds for one night: a day and a half covers the night from any hour it was set. */
const COVER_TTL_MS = 1.5 * DAY_MS;
const DASHBOARD_TTL_MS = DAY_MS;
const REPORTED_TTL_MS = 30 * DAY_MS;

const coversSchema = z.array(nightOverrideSchema);
const dashboardSchema = z.object({ number: z.number().int(), body: z.string().nullable() });
const reposSchema = z.array(z.string());

/** A dashboard issue the app wrote: its number and the body last written (null when unknown). */
export interface KnownDashboard {
  readonly number: number;
  readonly body: string | null;
}

/**
 * What the app remembers between webhooks and sweeps, by name, in the state store: in this
 * instance's memory, or in Redis shared by every instance. Losing any of it costs a few requests or
 * one repeated line, never a wrong decision: each value is also recoverable from GitHub (the
 * dashboard by search, covers from their reply comments, reported problems from the problem issue).
 * Values that fail to parse (another version wrote them) count as absent.
 */
export class AppMemory {
  /** Lines this instance already knows were logged today: a sweep asks the store only for new ones. */
  private readonly logged: ExpiringCache<true>;

  constructor(
    private readonly store: StateStore,
    now: () => number = Date.now,
  ) {
    this.logged = new ExpiringCache({ ttlMs: DAY_MS, now });
  }

  private async read<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const text = await this.store.getValue(key);
    if (text === undefined) return undefined;
    try {
      const parsed = schema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  private write(key: string, value: unknown, ttlMs: number): Promise<void> {
    return this.store.setValue(key, JSON.stringify(value), ttlMs);
  }

  /** The period (a local date, an hour, an event id) a recurring job last ran for. */
  lastRun(job: string): Promise<string | undefined> {
    return this.read(`run:${job}`, z.string());
  }

  /** Records that a recurring job ran for `period`, after its work succeeded. */
  recordRun(job: string, period: string): Promise<void> {
    return this.write(`run:${job}`, period, RUN_TTL_MS);
  }

  /** Forgets a job's last run, so it runs again (as after a restart with nothing shared). */
  forgetRun(job: string): Promise<void> {
    return this.store.deleteValue(`run:${job}`);
  }

  /** Tonight's covers set with `/cover` on a support repository. */
  async covers(supportRepo: string): Promise<readonly NightOverride[]> {
    return (await this.read(`covers:${supportRepo.toLowerCase()}`, coversSchema)) ?? [];
  }

  setCovers(supportRepo: string, covers: readonly NightOverride[]): Promise<void> {
    return this.write(`covers:${supportRepo.toLowerCase()}`, covers, COVER_TTL_MS);
  }

  /** The dashboard issue last written for a support repository (a sweep otherwise finds it by search). */
  dashboard(supportRepo: string): Promise<KnownDashboard | undefined> {
    return this.read(`dashboard:${supportRepo.toLowerCase()}`, dashboardSchema);
  }

  rememberDashboard(supportRepo: string, dashboard: KnownDashboard): Promise<void> {
    return this.write(`dashboard:${supportRepo.toLowerCase()}`, dashboard, DASHBOARD_TTL_MS);
  }

  forgetDashboard(supportRepo: string): Promise<void> {
    return this.store.deleteValue(`dashboard:${supportRepo.toLowerCase()}`);
  }

  /** The configuration problem last reported for a repository (its text), if one is open. */
  reportedProblem(repo: string): Promise<string | undefined> {
    return this.read(`config-problem:${repo.toLowerCase()}`, z.string());
  }

  rememberReportedProblem(repo: string, text: string): Promise<void> {
    return this.write(`config-problem:${repo.toLowerCase()}`, text, REPORTED_TTL_MS);
  }

  forgetReportedProblem(repo: string): Promise<void> {
    return this.store.deleteValue(`config-problem:${repo.toLowerCase()}`);
  }

  /** True the first time (a day, across instances) something is to be logged: a log line, not a flood. */
  async firstTimeToLog(what: string): Promise<boolean> {
    const key = `logged:${what.toLowerCase()}`;
    if (this.logged.get(key)) return false;
    this.logged.set(key, true);
    return this.store.markSeen(key, DAY_MS);
  }

  /** Repositories holding a `.github/firstline.yml` of their own, which Firstline ignores (the dashboard says so). */
  async ignoredConfigFiles(): Promise<string[]> {
    return (await this.read("ignored-config-files", reposSchema)) ?? [];
  }

  /** Notes whether a repository holds a configuration file of its own. */
  async noteOwnConfigFile(repo: string, present: boolean): Promise<void> {
    const known = await this.ignoredConfigFiles();
    const has = known.includes(repo);
    if (has === present) return;
    const next = present ? [...known, repo].sort() : known.filter((r) => r !== repo);
    await this.write("ignored-config-files", next, REPORTED_TTL_MS);
  }
}
