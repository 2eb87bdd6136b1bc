// npm run demo: Firstline working on a ticket's life at awkward hours, with no account needed.
import { readFileSync } from "node:fs";
import { parseConfig } from "../src/config/load-config.js";
import { explainTicketSla } from "../src/core/sla/explain.js";
import { buildSlaPolicy } from "../src/core/sla/policy.js";
import { computeTicketSla } from "../src/core/sla/ticket-sla.js";
import type { TicketTimeline } from "../src/core/sla/ticket-timeline.js";
import { formatLocal } from "../src/core/time/format.js";

const parsed = parseConfig({ file: ".github/firstline.yml", text: readFileSync(".github/firstline.yml", "utf8") });
if (!parsed.ok) throw new Error("the example configuration is invalid");
const policy = buildSlaPolicy({ config: parsed.value.value });
const at = (iso: string) => Date.parse(iso);

const ticket: TicketTimeline = {
  repo: "riverside/tenant-portal",
  number: 41,
  reporter: "pat",
  events: [
    { type: "opened", at: at("2026-12-24T17:30:00Z"), by: "pat" },
    { type: "labeled", at: at("2026-12-24T17:30:05Z"), by: "firstline[bot]", label: "priority: P3" },
    { type: "labeled", at: at("2026-12-29T10:20:00Z"), by: "alice", label: "priority: P2" },
    { type: "unlabeled", at: at("2026-12-29T10:20:01Z"), by: "alice", label: "priority: P3" },
    { type: "commented", at: at("2026-12-29T10:25:00Z"), by: "alice" },
    { type: "labeled", at: at("2026-12-29T10:26:00Z"), by: "alice", label: "status: waiting on client" },
    { type: "unlabeled", at: at("2026-12-31T15:00:00Z"), by: "pat", label: "status: waiting on client" },
    { type: "commented", at: at("2026-12-31T15:00:00Z"), by: "pat" },
    { type: "closed", at: at("2027-01-04T11:00:00Z"), by: "alice" },
  ],
};

console.log("Firstline demo: one ticket over the Christmas break, read at four moments\n");
for (const now of ["2026-12-24T17:45:00Z", "2026-12-29T10:15:00Z", "2026-12-30T12:00:00Z", "2027-01-04T12:00:00Z"]) {
  const sla = computeTicketSla({ timeline: ticket, policy, now: at(now) });
  console.log(`== ${formatLocal(at(now), policy.zone)}`);
  for (const metric of sla.metrics) {
    console.log(`   ${metric.metric} (cycle ${metric.cycle}): ${metric.state}, due ${metric.due === null ? "paused" : formatLocal(metric.due, policy.zone)}`);
  }
}
const final = computeTicketSla({ timeline: ticket, policy, now: at("2027-01-04T12:00:00Z") });
console.log(`\nThe explanation Firstline posts for /sla:\n\n${explainTicketSla({ sla: final, now: at("2027-01-04T12:00:00Z") }).join("\n")}`);
