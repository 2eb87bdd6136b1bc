import type { z } from "zod";
import { deriveFingerprint, fingerprintOfLabels, severityOfLabel, type Alert } from "../core/alerts/alert.js";
import { formatKeyPath } from "../core/finding.js";
import {
  alertmanagerPayloadSchema,
  plainAlertSchema,
  type AlertmanagerPayload,
  type PlainAlert,
} from "./alert-payload-schema.js";

/** A webhook body read into alerts, or why it cannot be (the reason of a 400 answer). */
export type AlertPayloadResult =
  | { readonly ok: true; readonly format: "alertmanager" | "plain"; readonly alerts: readonly Alert[] }
  | { readonly ok: false; readonly reason: string };

/** A plain alert list is capped like Alertmanager's: nobody sends more in one request. */
const MAX_PLAIN_ALERTS = 100;

/**
 * Reads an alert webhook body: a Prometheus Alertmanager payload (version 4), a plain JSON alert,
 * or a list of plain alerts, each into one normalised `Alert`. The body may be the raw text or
 * parsed JSON. `clientLabel` is the label that names the client (config `alerts.clientLabel`).
 * Never throws: a bad body gives one line saying where and what is wrong.
 */
export function parseAlertPayload(params: {
  readonly body: unknown;
  readonly clientLabel: string;
}): AlertPayloadResult {
  let body = params.body;
  if (typeof body === "string") {
    try {
      body = JSON.parse(body) as unknown;
    } catch (error) {
      return { ok: false, reason: `invalid JSON: ${(error as Error).message.split("\n")[0] ?? ""}` };
    }
  }
  if (Array.isArray(body)) {
    if (body.length === 0) return { ok: false, reason: "an empty list holds no alert" };
    if (body.length > MAX_PLAIN_ALERTS)
      return { ok: false, reason: `more than ${MAX_PLAIN_ALERTS} alerts in one request` };
    const alerts: Alert[] = [];
    for (const [index, item] of body.entries()) {
      const parsed = plainAlertSchema.safeParse(item);
      if (!parsed.success) return { ok: false, reason: reasonOf(parsed.error, [index]) };
      alerts.push(fromPlain(parsed.data, params.clientLabel));
    }
    return { ok: true, format: "plain", alerts };
  }
  if (typeof body !== "object" || body === null)
    return { ok: false, reason: "the body must be a JSON object: an Alertmanager webhook or a plain alert" };
  if ("version" in body || "alerts" in body) {
    const parsed = alertmanagerPayloadSchema.safeParse(body);
    if (!parsed.success) return { ok: false, reason: reasonOf(parsed.error, []) };
    return { ok: true, format: "alertmanager", alerts: fromAlertmanager(parsed.data, params.clientLabel) };
  }
  const parsed = plainAlertSchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: reasonOf(parsed.error, []) };
  return { ok: true, format: "plain", alerts: [fromPlain(parsed.data, params.clientLabel)] };
}

function fromAlertmanager(payload: AlertmanagerPayload, clientLabel: string): Alert[] {
  return payload.alerts.map((alert) => {
    const labels = alert.labels;
    const name = (labels["alertname"] ?? "").trim();
    return {
      source: "alertmanager",
      name,
      severity: severityOfLabel(labels["severity"]),
      status: alert.status,
      fingerprint: alert.fingerprint ?? fingerprintOfLabels(labels),
      client: clientOf(labels[clientLabel]),
      summary: nonEmpty(alert.annotations["summary"]),
      description: nonEmpty(alert.annotations["description"]),
      labels,
      annotations: alert.annotations,
      startsAt: alert.startsAt,
      endsAt: alert.status === "resolved" ? alert.endsAt : null,
      generatorUrl: nonEmpty(alert.generatorURL),
    };
  });
}

function fromPlain(alert: PlainAlert, clientLabel: string): Alert {
  const client = alert.client ?? clientOf(alert.labels[clientLabel]);
  const annotations: Record<string, string> = {};
  if (alert.summary !== undefined) annotations["summary"] = alert.summary;
  if (alert.description !== undefined) annotations["description"] = alert.description;
  return {
    source: "plain",
    name: alert.name,
    severity: alert.severity,
    status: alert.status,
    fingerprint: alert.fingerprint ?? deriveFingerprint({ name: alert.name, client }),
    client,
    summary: nonEmpty(alert.summary),
    description: nonEmpty(alert.description),
    labels: alert.labels,
    annotations,
    startsAt: alert.startsAt ?? null,
    endsAt: alert.status === "resolved" ? (alert.endsAt ?? null) : null,
    generatorUrl: nonEmpty(alert.generatorURL),
  };
}

function clientOf(value: string | undefined): string | null {
  const id = value?.trim().toLowerCase() ?? "";
  return id === "" ? null : id;
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === "" ? null : value;
}

function reasonOf(error: z.ZodError, prefix: readonly PropertyKey[]): string {
  const [first, ...rest] = error.issues;
  if (!first) return "invalid alert";
  let path: PropertyKey[] = [...prefix, ...first.path];
  let message = first.message;
  if (first.code === "unrecognized_keys") {
    path = [...path, first.keys[0] ?? ""];
    message = `unknown key "${first.keys[0] ?? ""}"`;
  }
  const where = formatKeyPath(path);
  const more = rest.length > 0 ? ` (and ${rest.length} more problem${rest.length === 1 ? "" : "s"})` : "";
  return `${where === "" ? "" : `${where}: `}${message}${more}`;
}
