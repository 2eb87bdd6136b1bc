/** What a person does on the first line: each support week needs one of each. */
export type Role = "developer" | "operations";

/** Inclusive local dates, `YYYY-MM-DD`. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/** A stretch of billable client work: support slots then should go to someone else. */
export interface ClientWork extends DateRange {
  readonly project: string;
}

/** One entry of `rota/people.yml`. */
export interface Person {
  readonly login: string;
  readonly name: string;
  readonly role: Role;
  readonly vetted: boolean;
  readonly deliveryLead: string;
  readonly onCall: boolean;
  readonly secondLine: boolean;
  readonly away: readonly DateRange[];
  readonly clientWork: readonly ClientWork[];
  /** Slack member id, for direct messages. */
  readonly slack?: string | undefined;
  readonly email?: string | undefined;
  /** How the person is told: "slack", "email" (default: Slack when a member id is known, else email). */
  readonly channels?: readonly ("slack" | "email")[] | undefined;
  /** Opted in to the weekly rota announcement by email. */
  readonly announcements?: boolean | undefined;
  /** Event kinds the person wants out of working hours too. */
  readonly nightEvents?: readonly string[] | undefined;
}

/** One week of in-hours first line support, keyed by its Wednesday. */
export interface SupportWeek {
  readonly developer?: string | undefined;
  readonly operations?: string | undefined;
  readonly shadow: readonly string[];
}

/** One week of out-of-hours on-call, keyed by its Wednesday. */
export interface OnCallWeek {
  readonly primary?: string | undefined;
  readonly secondLine: readonly string[];
}

/** The slots of a support week. `shadow` is not a slot a person holds, but it is tracked. */
export const SUPPORT_SLOTS = ["developer", "operations", "shadow"] as const;
export type SupportSlot = (typeof SUPPORT_SLOTS)[number];

/** The slots of an on-call week. */
export const ON_CALL_SLOTS = ["primary", "secondLine"] as const;
export type OnCallSlot = (typeof ON_CALL_SLOTS)[number];

export type Slot = SupportSlot | OnCallSlot;

/** Which rota file a finding or change belongs to. */
export type RotaFileKind = "people" | "support" | "onCall";

/** Where a rota file came from, so findings can name its file and lines. */
export interface RotaSource {
  readonly file: string;
  /** The 1-based line of the node at a key path (a week key's own line for `["weeks", week]`). */
  readonly lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/** Cover for one on-call day (10:00 on `date` to 10:00 the next day): `by` takes `covers`'s slot. */
export interface NightOverride {
  readonly date: string;
  readonly slot: "primary" | "secondLine";
  readonly covers: string;
  readonly by: string;
  readonly reason: string;
}

/** A whole rota folder, parsed. */
export interface Rota {
  readonly people: readonly Person[];
  readonly support: Readonly<Record<string, SupportWeek>>;
  readonly onCall: Readonly<Record<string, OnCallWeek>>;
  readonly sources: Readonly<Record<RotaFileKind, RotaSource>>;
  /** `overrides.yml`, when the folder has one. */
  readonly overrides?: readonly NightOverride[];
  readonly overridesSource?: RotaSource;
}

/** The logins holding a slot in a week: one login or none, or a list for `shadow` and `secondLine`. */
export function slotHolders(params: {
  readonly rota: Pick<Rota, "support" | "onCall">;
  readonly week: string;
  readonly slot: Slot;
}): string[] {
  const { rota, week, slot } = params;
  switch (slot) {
    case "developer":
    case "operations": {
      const holder = rota.support[week]?.[slot];
      return holder === undefined ? [] : [holder];
    }
    case "shadow":
      return [...(rota.support[week]?.shadow ?? [])];
    case "primary": {
      const holder = rota.onCall[week]?.primary;
      return holder === undefined ? [] : [holder];
    }
    case "secondLine":
      return [...(rota.onCall[week]?.secondLine ?? [])];
  }
}

/** The file a slot is written in. */
export function fileOfSlot(slot: Slot): "support" | "onCall" {
  return slot === "primary" || slot === "secondLine" ? "onCall" : "support";
}
