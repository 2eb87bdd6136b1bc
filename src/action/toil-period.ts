import { DateTime } from "luxon";
import { InputError } from "../shell/input-error.js";

/** The days a TOIL report covers, as local dates and as the half-open instant range [fromMs, toMs). */
export interface ToilPeriod {
  readonly from: string;
  readonly to: string;
  readonly fromMs: number;
  readonly toMs: number;
}

/**
 * The TOIL period: last calendar month (in the agency's zone) by default, as the monthly workflow
 * runs on the 1st; a `from` alone runs to the end of its month, a `to` alone from the start of its
 * month. Both are whole local days, `to` included.
 */
export function toilPeriod(params: {
  readonly now: Date;
  readonly zone: string;
  readonly from: string | undefined;
  readonly to: string | undefined;
}): ToilPeriod {
  const { zone } = params;
  const day = (date: string) => DateTime.fromISO(date, { zone }).startOf("day");
  const lastMonth = DateTime.fromJSDate(params.now, { zone }).startOf("month").minus({ months: 1 });
  const from =
    params.from !== undefined
      ? day(params.from)
      : params.to !== undefined
        ? day(params.to).startOf("month")
        : lastMonth;
  const to = params.to !== undefined ? day(params.to) : from.endOf("month").startOf("day");
  if (to < from)
    throw InputError.of({
      file: "inputs",
      path: "to",
      message: `${to.toISODate() ?? ""} is before from (${from.toISODate() ?? ""})`,
    });
  return {
    from: from.toISODate() ?? "",
    to: to.toISODate() ?? "",
    fromMs: from.toMillis(),
    toMs: to.plus({ days: 1 }).toMillis(),
  };
}
