import type { DateTime } from "luxon";
import type { WorkingCalendar } from "../time/calendar.js";
import { isInHours } from "./in-hours.js";
import type { Rota } from "./types.js";
import { weekAt } from "./week.js";
import { onCallDay, withOverrides } from "./overrides.js";
import type { NightOverride } from "./types.js";

/** Who is on at an instant: the `rota who` answer. */
export interface WhoIsOn {
  readonly support: { readonly developer: string | null; readonly operations: string | null };
  readonly onCall: { readonly primary: string | null; readonly secondLine: readonly string[] };
  /** The single-night cover (overrides.yml) that changed who is on call, if any. */
  readonly covering?: readonly NightOverride[];
  /** Whether the instant is inside working hours (first line answers; otherwise on-call does). */
  readonly inHours: boolean;
}

/**
 * Who is on first line support and on call at an instant. A week runs from Wednesday 10:00 local
 * to the next Wednesday 10:00 local in `zone`; a week missing from the rota gives nulls. `inHours`
 * follows `calendar` (the configured working calendar) or else the zone's standard one.
 */
export function whoIsOn(params: {
  readonly rota: Pick<Rota, "support" | "onCall" | "overrides">;
  readonly at: DateTime;
  readonly zone: string;
  readonly calendar?: WorkingCalendar | undefined;
}): WhoIsOn & { readonly week: string } {
  const { rota, at, zone } = params;
  const week = weekAt({ at, zone });
  const support = rota.support[week];
  const onCall = rota.onCall[week];
  const covered = withOverrides({
    onCall: { primary: onCall?.primary ?? null, secondLine: onCall?.secondLine ?? [] },
    overrides: rota.overrides ?? [],
    day: onCallDay({ at, zone }),
  });
  return {
    week,
    support: { developer: support?.developer ?? null, operations: support?.operations ?? null },
    onCall: { primary: covered.primary, secondLine: [...covered.secondLine] },
    ...(covered.applied.length > 0 ? { covering: covered.applied } : {}),
    inHours: isInHours({ at, zone, calendar: params.calendar }),
  };
}
