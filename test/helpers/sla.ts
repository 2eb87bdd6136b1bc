import { firstlineConfigSchema, type FirstlineConfig } from "../../src/core/config/firstline-config.js";
import { buildSlaPolicy } from "../../src/core/sla/policy.js";
import type { TicketEvent, TicketTimeline } from "../../src/core/sla/ticket-timeline.js";
import { local } from "./calendars.js";

/** A small agency: one client with out-of-hours cover, one without, one on Scotland's calendar. */
export const agencyConfig: FirstlineConfig = firstlineConfigSchema.parse({
  staff: { logins: ["alice", "bob"] },
  clients: [
    { id: "acme", name: "Acme Borough Council", plan: "enhanced", outOfHours: true, repos: ["acme/website"] },
    { id: "riverside", name: "Riverside Housing", plan: "standard", repos: ["riverside/portal"] },
    {
      id: "glenmore",
      name: "Glenmore Whisky",
      plan: "standard",
      outOfHours: true,
      repos: ["glenmore/shop"],
      holidays: { region: "scotland" },
    },
  ],
});

export const agencyPolicy = buildSlaPolicy({ config: agencyConfig });

type Step =
  | readonly ["opened" | "commented" | "closed" | "reopened", string, string]
  | readonly ["labeled" | "unlabeled", string, string, string];

/** A timeline from `[type, "yyyy-MM-dd HH:mm" (London), by, label?]` steps. */
export function timeline(repo: string, steps: readonly Step[], reporter = "pat"): TicketTimeline {
  const events: TicketEvent[] = steps.map((step) =>
    step[0] === "labeled" || step[0] === "unlabeled"
      ? { type: step[0], at: local(step[1]), by: step[2], label: step[3] }
      : { type: step[0], at: local(step[1]), by: step[2] },
  );
  return { repo, number: 1, reporter, events };
}
