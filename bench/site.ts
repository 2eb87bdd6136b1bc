import { readFileSync } from "node:fs";
import { loadRota } from "../src/config/rota-load.js";
import { readRunbooks } from "../src/core/runbooks/read-runbooks.js";
import { buildSite } from "../src/site/build-site.js";
import { median, seededRandom } from "./seeded-random.js";

/** A plausible runbook, the `n`th of a seeded set. */
function runbook(n: number, random: () => number): { file: string; text: string } {
  const services = ["web", "database", "queue", "cache", "dns", "tls"];
  const service = services[Math.floor(random() * services.length)] ?? "web";
  const steps = Array.from(
    { length: 8 },
    (_, i) =>
      `${i + 1}. Check \`systemctl status ${service}-${n}\` and the logs in \`/var/log/${service}/${n}.log\`.`,
  ).join("\n");
  return {
    file: `runbooks/runbook-${String(n).padStart(3, "0")}.md`,
    text: `---\ntitle: "Runbook ${n}, ${service} trouble"\nalerts: [Alert${n}]\nservices: [${service}]\nseverity: warning\nowner: alice-okafor\nlastReviewed: 2026-11-01\n---\n\n## Symptoms\n\nThe ${service} service ${n} misbehaves.\n\n## Diagnosis\n\n${steps}\n\n## Resolution\n\n${steps}\n\n## Escalation\n\nCall the second line after 5 minutes.\n`,
  };
}

/** The time to build the whole site (all pages, calendars, the search index) for `count` runbooks. */
export function benchSite(count = 500): { runbooks: number; buildMs: number; files: number } {
  const random = seededRandom(7);
  const { runbooks } = readRunbooks(Array.from({ length: count }, (_, i) => runbook(i + 1, random)));
  const rota = loadRota({
    people: { file: "rota/people.yml", text: readFileSync("rota/people.yml", "utf8") },
    support: { file: "rota/support.yml", text: readFileSync("rota/support.yml", "utf8") },
    onCall: { file: "rota/on-call.yml", text: readFileSync("rota/on-call.yml", "utf8") },
  });
  if (!rota.ok) throw new Error("the repository's rota does not parse");
  const times: number[] = [];
  let files = 0;
  for (let run = 0; run < 5; run++) {
    const started = process.hrtime.bigint();
    const site = buildSite({
      name: "Firstline",
      today: "2026-11-26",
      runbooks,
      rota: rota.value,
      zone: "Europe/London",
      escalation: [{ afterMinutes: 5, notify: "second-line" }],
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    files = site.size;
  }
  return { runbooks: runbooks.length, buildMs: Math.round(median(times)), files };
}
