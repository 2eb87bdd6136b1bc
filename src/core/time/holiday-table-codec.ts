/**
 * The built-in bank-holiday table's format: for each region, one string a year listing that
 * year's holidays as `MMDD:n` (n indexes the shared list of names), separated by spaces. Compact
 * enough to load in no time, plain enough to review in a diff.
 */
export interface BankHolidayTable {
  /** The library and version the table was generated from. */
  readonly source: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly names: readonly string[];
  /** Per region, one entry a year from `firstYear` to `lastYear`. */
  readonly years: Readonly<Record<string, readonly string[]>>;
}

/** One year's holidays (local date to name) in the table's form. */
export function encodeHolidayYear(params: {
  readonly days: ReadonlyMap<string, string>;
  readonly nameIndex: (name: string) => number;
}): string {
  return [...params.days]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, name]) => `${date.slice(5, 7)}${date.slice(8, 10)}:${params.nameIndex(name)}`)
    .join(" ");
}

/** A region's holidays in a year from the table, or undefined when the table does not cover them. */
export function decodeHolidayYear(params: {
  readonly table: BankHolidayTable;
  readonly region: string;
  readonly year: number;
}): Map<string, string> | undefined {
  const { table, region, year } = params;
  if (year < table.firstYear || year > table.lastYear || !Number.isInteger(year)) return undefined;
  const encoded = table.years[region]?.[year - table.firstYear];
  if (encoded === undefined) return undefined;
  const days = new Map<string, string>();
  for (const entry of encoded.split(" ")) {
    if (entry === "") continue;
    const name = table.names[Number(entry.slice(5))];
    if (name === undefined)
      throw new Error(`the bank-holiday table names no holiday ${entry.slice(5)} (${region}, ${year})`);
    days.set(`${year}-${entry.slice(0, 2)}-${entry.slice(2, 4)}`, name);
  }
  return days;
}
