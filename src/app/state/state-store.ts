/**
 * What Firstline instances must share to act once between them: keys already seen (webhook
 * delivery ids, events already sent somewhere), per-ticket locks, the sweep's lease and the pages
 * awaiting escalation. Two backends: memory (one instance; the default) and Redis (`REDIS_URL`,
 * any number of instances).
 *
 * Features that send something once per event (notifications, syncs) use `markSeen` with a key of
 * their own (`slack:<delivery id>`) and `withLock` around read-decide-write on one ticket.
 */
export interface StateStore {
  readonly kind: "memory" | "redis";
  /**
   * Marks a key as seen for `ttlMs`: true for the one caller that saw it first (in any instance),
   * false for every other until it expires or is forgotten.
   */
  markSeen(key: string, ttlMs: number): Promise<boolean>;
  /** Whether a key is marked seen (without marking it). */
  isSeen(key: string): Promise<boolean>;
  /** Forgets a seen key (its work failed, so a redelivery does it again). */
  forgetSeen(key: string): Promise<void>;
  /**
   * Runs `task` while holding the lock `key`, one holder at a time across instances; waits its
   * turn. A holder that dies loses the lock after `ttlMs` of silence (a live holder keeps it).
   */
  withLock<T>(key: string, task: () => Promise<T>, ttlMs?: number): Promise<T>;
  /**
   * Takes or renews the lease `name` for `ttlMs` on behalf of this instance: true while it is
   * ours, false while another instance holds it (scheduled sweeps run in one instance at a time).
   */
  tryLease(name: string, ttlMs: number): Promise<boolean>;
  /** Pages awaiting acknowledgement, watched for escalation, by `repo#number`. */
  readonly pendingPages: PendingPages;
  /** A small named value (text, JSON for structured ones) kept for `ttlMs`; undefined once expired or never set. */
  getValue(key: string): Promise<string | undefined>;
  setValue(key: string, value: string, ttlMs: number): Promise<void>;
  deleteValue(key: string): Promise<void>;
  /** Email the mail server refused or could not take, kept to send again, by key (the values are JSON). */
  readonly pendingMail: KeyedTexts;
  close(): Promise<void>;
}

/** A page awaiting acknowledgement: the issue and the support repository whose configuration applies. */
export interface PendingPage {
  readonly repo: string;
  readonly number: number;
  readonly homeRepo: string;
}

export interface PendingPages {
  set(key: string, page: PendingPage): Promise<void>;
  delete(key: string): Promise<void>;
  list(): Promise<[string, PendingPage][]>;
}

/** Texts by key, shared by every instance; what they hold is parsed by whoever reads them. */
export interface KeyedTexts {
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  list(): Promise<[string, string][]>;
}

/** How long a lock is kept for a holder that stopped answering (a crash); live holders renew it. */
export const DEFAULT_LOCK_TTL_MS = 30_000;
