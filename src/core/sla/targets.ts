import type { Priority } from "../labels.js";

/** The SLA metrics a plan can set. */
export const METRICS = ["firstResponse", "nextResponse", "resolution"] as const;
export type Metric = (typeof METRICS)[number];

/**
 * A service-level target such as `1 hour` or `8 working hours`. Calendar targets (`minutes`,
 * `hours`, `days`) run 24/7 for clients with out-of-hours cover and as the same amount of working
 * time for everyone else; working targets always count working time.
 */
export interface Target {
  readonly text: string;
  readonly unit: "calendar" | "working";
  /** Minutes given as minutes or hours. */
  readonly minutes: number;
  /** Days given as days: a working day is the calendar's standard day, a calendar day 24 hours. */
  readonly days: number;
}

const TARGET = /^(\d+(?:\.\d+)?) (working )?(minute|minutes|hour|hours|day|days)$/;

/** Parses a target; returns a message when the text is not one. */
export function parseTarget(text: string): Target | string {
  const match = TARGET.exec(text.trim());
  if (!match) {
    return `"${text}" is not a target: write "<number> <unit>" with unit minutes, hours, days, working minutes, working hours or working days`;
  }
  const amount = Number(match[1]);
  if (!(amount > 0)) return `"${text}" must be more than zero`;
  const unit = match[2] ? "working" : "calendar";
  const word = match[3] ?? "";
  if (word.startsWith("day")) return { text: text.trim(), unit, minutes: 0, days: amount };
  return { text: text.trim(), unit, minutes: word.startsWith("hour") ? amount * 60 : amount, days: 0 };
}

/** A target that is known to be valid (for defaults written in code). */
export function target(text: string): Target {
  const parsed = parseTarget(text);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
}

/** The targets one priority of a plan sets. */
export type PriorityTargets = Readonly<Partial<Record<Metric, Target>>> & { readonly firstResponse: Target };

/** A support plan: targets for each priority. */
export type Plan = Readonly<Record<Priority, PriorityTargets>>;

/** The agency's two published plans (DOMAIN section 2). */
export const DEFAULT_PLANS: Readonly<Record<"standard" | "enhanced", Plan>> = {
  standard: {
    P1: { firstResponse: target("1 hour") },
    P2: { firstResponse: target("1 working hour") },
    P3: { firstResponse: target("8 working hours") },
    P4: { firstResponse: target("5 working days"), nextResponse: target("5 working days") },
  },
  enhanced: {
    P1: { firstResponse: target("30 minutes") },
    P2: { firstResponse: target("30 working minutes") },
    P3: { firstResponse: target("4 working hours") },
    P4: { firstResponse: target("5 working days"), nextResponse: target("5 working days") },
  },
};
