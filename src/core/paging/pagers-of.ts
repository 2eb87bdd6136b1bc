import type { FirstlineConfig } from "../config/firstline-config.js";

/** One configured pager, as the configuration gives it. */
export type PagerConfig = FirstlineConfig["alerts"]["pagers"][number];

/**
 * The pagers to tell: `alerts.pagers`, or the old `alerts.pagerUrl` read as a webhook pager (the
 * same JSON, now signed when FIRSTLINE_PAGER_WEBHOOK_SECRET is set), so an existing
 * configuration keeps working unchanged.
 */
export function pagersOf(
  alerts: Pick<FirstlineConfig["alerts"], "pagers" | "pagerUrl">,
): readonly PagerConfig[] {
  if (alerts.pagers.length > 0) return alerts.pagers;
  return alerts.pagerUrl ? [{ kind: "webhook", url: alerts.pagerUrl }] : [];
}

/** The pager's name for people: "PagerDuty", "Opsgenie", "the pager webhook". */
export function pagerName(kind: PagerConfig["kind"]): string {
  return kind === "pagerduty" ? "PagerDuty" : kind === "opsgenie" ? "Opsgenie" : "the pager webhook";
}

/** The GitHub login a pager identity belongs to (the reverse of `users`), or null. */
export function loginOfPagerUser(params: {
  readonly users: Readonly<Record<string, string>>;
  readonly identities: readonly (string | null | undefined)[];
}): string | null {
  const wanted = new Set(
    params.identities
      .filter((i): i is string => typeof i === "string" && i !== "")
      .map((i) => i.toLowerCase()),
  );
  for (const [login, identity] of Object.entries(params.users))
    if (wanted.has(identity.toLowerCase()) || wanted.has(login.toLowerCase())) return login;
  return null;
}
