import type { Priority } from "../labels.js";

/** How bad an alert is; Alertmanager's `severity` label and the plain format's `severity` field. */
export const ALERT_SEVERITIES = ["critical", "warning", "info"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** One alert from monitoring, whichever format it came in. Times are epoch milliseconds. */
export interface Alert {
  readonly source: "alertmanager" | "plain";
  /** Alertmanager's `alertname`, or the plain alert's `name`. */
  readonly name: string;
  readonly severity: AlertSeverity;
  readonly status: "firing" | "resolved";
  /** Stable identity of the alert: one issue per fingerprint. Letters, digits, `.`, `_` and `-` only. */
  readonly fingerprint: string;
  /** The client id the alert names (its client label), if any; not yet checked against the config. */
  readonly client: string | null;
  readonly summary: string | null;
  readonly description: string | null;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
  readonly startsAt: number | null;
  /** When a resolved alert ended; null while it fires. */
  readonly endsAt: number | null;
  /** The link back to the expression that fired (Prometheus' graph), when the source gave one. */
  readonly generatorUrl: string | null;
}

/** The ticket priority of an alert: critical is Urgent (P1), warning Normal (P3), info Low (P4). */
export function priorityForSeverity(severity: AlertSeverity): Priority {
  return severity === "critical" ? "P1" : severity === "warning" ? "P3" : "P4";
}

/**
 * Alertmanager's free-form `severity` label as one of ours: `critical` and `page` are critical,
 * `info` and `none` are info, and anything else (or nothing) is a warning, so an alert with an
 * unusual severity still becomes a ticket without waking anyone.
 */
export function severityOfLabel(value: string | undefined): AlertSeverity {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "critical" || text === "page") return "critical";
  if (text === "info" || text === "none") return "info";
  return "warning";
}

/** A fingerprint Firstline accepts as given: it ends up inside a hidden marker, so it is kept plain. */
export const FINGERPRINT_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** A fingerprint for an alert that came without one: the same name and client always give the same one. */
export function deriveFingerprint(params: { readonly name: string; readonly client: string | null }): string {
  return fnv1a64(`${params.name}\u0000${params.client ?? ""}`);
}

/** A fingerprint from a full label set (Alertmanager alerts without one): label order does not matter. */
export function fingerprintOfLabels(labels: Readonly<Record<string, string>>): string {
  const text = Object.keys(labels)
    .sort()
    .map((key) => `${key}\u0000${labels[key] ?? ""}`)
    .join("\u0001");
  return fnv1a64(text);
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/** FNV-1a, 64 bits, over the UTF-8 bytes of the text, as 16 hex digits (Alertmanager's fingerprints look the same). */
function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, "0");
}
