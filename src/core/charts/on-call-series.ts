import { DateTime } from "luxon";
import type { PageRecord } from "../paging/pages-on-issue.js";
import type { ToilReport } from "../toil/toil.js";
import { lastMonths, type Series } from "./service-series.js";

/** The on-call numbers behind the rota page's charts, per person and local calendar month. */
export interface OnCallSeries {
  /** Months, oldest first, as `YYYY-MM`. */
  readonly months: readonly string[];
  /** TOIL days earned per person and month (by the month its group of alerts started), people in login order. */
  readonly toilDays: readonly Series[];
  /** Pages that called each person per month (first pages, escalation steps, `/escalate`), people in login order. */
  readonly pages: readonly Series[];
}

/**
 * TOIL and pages per person per month, from the TOIL ledger and the pages of the same alert log
 * (as the `toil` command reads them). Pure: the same ledger and `now` give the same numbers.
 * Everyone with TOIL or a page in the months shown has a series; months without are 0.
 */
export function onCallSeries(params: {
  readonly toil: ToilReport;
  readonly pages: readonly PageRecord[];
  readonly now: number;
  readonly zone: string;
  /** How many months to show, the current one included. */
  readonly months: number;
}): OnCallSeries {
  const { zone } = params;
  const months = lastMonths({ now: params.now, zone, months: params.months });
  const shown = new Set(months);
  const monthOf = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-LL");
  // Quarter days are exact in binary floating point, so these sums are exact.
  const toil = new Map<string, number>();
  const pages = new Map<string, number>();
  const names = new Map<string, string>();
  const add = (into: Map<string, number>, login: string, month: string, amount: number) => {
    if (!shown.has(month)) return;
    const key = login.toLowerCase();
    if (!names.has(key)) names.set(key, login);
    into.set(`${key}|${month}`, (into.get(`${key}|${month}`) ?? 0) + amount);
  };
  for (const person of params.toil.people)
    for (const group of person.groups) add(toil, person.login, monthOf(group.start), group.days);
  for (const page of params.pages) for (const login of page.logins) add(pages, login, monthOf(page.at), 1);
  const people = [...names.keys()].sort();
  const seriesOf = (from: Map<string, number>) =>
    people.map((key) => ({
      name: names.get(key) ?? key,
      values: months.map((month) => from.get(`${key}|${month}`) ?? 0),
    }));
  return { months, toilDays: seriesOf(toil), pages: seriesOf(pages) };
}
