import { firstlineConfigSchema } from "../../../src/core/config/firstline-config.js";
import type { Alert } from "../../../src/core/alerts/alert.js";
import { buildSlaPolicy } from "../../../src/core/sla/policy.js";
import type { Responders } from "../../../src/core/ticket/responders.js";
import { agencyCalendar } from "../../../src/core/toil/calendar.js";
import { isWorkingInstant } from "../../../src/core/toil/toil.js";

export const BOT = "firstline[bot]";

/**
 * acme has out-of-hours cover, riverside does not, glenmore has cover and keeps Scotland's bank
 * holidays. Alerts page through a pager hook; the second line is called after 5 minutes and the
 * CTO after 15.
 */
export const alertConfig = firstlineConfigSchema.parse({
  supportRepo: "northgate/support",
  clients: [
    {
      id: "acme",
      name: "Acme Borough Council",
      plan: "enhanced",
      outOfHours: true,
      repos: ["acme/website", "acme/intranet"],
    },
    { id: "riverside", name: "Riverside Housing", repos: ["riverside/portal"] },
    {
      id: "glenmore",
      name: "Glenmore Whisky",
      outOfHours: true,
      repos: ["glenmore/shop"],
      holidays: { region: "scotland" },
    },
  ],
  alerts: {
    pagerUrl: "https://pager.northgate.example/hook",
    escalation: [
      { afterMinutes: 5, notify: "second-line" },
      { afterMinutes: 15, notify: ["dana-cto"] },
    ],
  },
});

export const alertPolicy = buildSlaPolicy({ config: alertConfig });
const calendar = agencyCalendar(alertConfig);

/** This week's people, in or out of hours as the agency's calendar says at `now`. */
export function respondersAt(
  now: number,
  onCall: Responders["onCall"] = { primary: "pete", secondLine: ["grace"] },
): Responders {
  return {
    support: { developer: "erin", operations: "olly" },
    onCall,
    inHours: isWorkingInstant(calendar, now),
  };
}

/** A critical alert for acme, firing since a fixed instant. */
export function anAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    source: "alertmanager",
    name: "WebsiteDown",
    severity: "critical",
    status: "firing",
    fingerprint: "5d1a7e4c0b9f3a21",
    client: "acme",
    summary: "www.acme.example is not answering",
    description: "The probe has failed for 2 minutes.",
    labels: {
      alertname: "WebsiteDown",
      client: "acme",
      severity: "critical",
      instance: "https://www.acme.example",
    },
    annotations: {
      summary: "www.acme.example is not answering",
      description: "The probe has failed for 2 minutes.",
    },
    startsAt: Date.parse("2026-12-05T02:03:00Z"),
    endsAt: null,
    generatorUrl: "http://prometheus.northgate.example:9090/graph?g0.expr=probe_success+%3D%3D+0",
    ...overrides,
  };
}
