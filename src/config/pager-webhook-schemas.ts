import { z } from "zod";

/**
 * What Firstline reads of the webhooks pagers send back. They are hostile input until parsed:
 * every field has a type and a length bound, and unknown fields (vendors add them) are ignored.
 */
const text = (max: number) => z.string().max(max);

/** A PagerDuty v3 webhook (`{event: {...}}`), for incident events. */
export const pagerDutyWebhookSchema = z.object({
  event: z.object({
    id: text(200).min(1),
    event_type: text(100),
    resource_type: text(100).optional(),
    occurred_at: z.iso.datetime({ offset: true }),
    agent: z
      .object({ id: text(100).optional(), summary: text(300).optional(), email: text(300).optional() })
      .nullable()
      .optional(),
    data: z.object({ incident_key: text(600).nullable().optional() }),
  }),
});

/** An Opsgenie webhook integration's alert action. */
export const opsgenieWebhookSchema = z.object({
  action: text(100),
  alert: z.object({
    alias: text(600),
    username: text(300).optional(),
    alertId: text(200).optional(),
    updatedAt: z.number().optional(),
  }),
});

/** The generic pager webhook's acknowledgement, as the README documents it. */
export const genericAckSchema = z.strictObject({
  action: z.enum(["acknowledge", "resolve"]),
  key: text(600),
  by: text(300).optional(),
  id: text(200).min(1),
  at: z.iso.datetime({ offset: true }).optional(),
});

/** An acknowledgement from any pager, in one shape. */
export interface PagerAck {
  readonly source: "pagerduty" | "opsgenie" | "webhook";
  /** The vendor's id of this delivery, so a redelivery acts once. */
  readonly eventId: string;
  readonly kind: "acknowledge" | "resolve";
  readonly key: string;
  /** Who, as the pager names them (ids, names, usernames): matched against the pager's `users`. */
  readonly identities: readonly string[];
  /** A name to show people. */
  readonly name: string | null;
  /** When it happened at the pager; null to use the time it arrived. */
  readonly at: number | null;
}

/** Reads a pager's webhook body into an acknowledgement, null for events Firstline does not act on, or a reason it is unusable. */
export function parsePagerAck(params: {
  readonly source: PagerAck["source"];
  readonly body: string;
}): { readonly ok: true; readonly ack: PagerAck | null } | { readonly ok: false; readonly reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(params.body);
  } catch {
    return { ok: false, reason: "the body is not JSON" };
  }
  switch (params.source) {
    case "pagerduty": {
      const parsed = pagerDutyWebhookSchema.safeParse(json);
      if (!parsed.success) return { ok: false, reason: z.prettifyError(parsed.error) };
      const { event } = parsed.data;
      const kind =
        event.event_type === "incident.acknowledged"
          ? "acknowledge"
          : event.event_type === "incident.resolved"
            ? "resolve"
            : null;
      const key = event.data.incident_key;
      if (!kind || !key) return { ok: true, ack: null };
      const agent = event.agent ?? {};
      return {
        ok: true,
        ack: {
          source: "pagerduty",
          eventId: event.id,
          kind,
          key,
          identities: [agent.id, agent.email].filter((i): i is string => !!i),
          name: agent.summary ?? null,
          at: Date.parse(event.occurred_at),
        },
      };
    }
    case "opsgenie": {
      const parsed = opsgenieWebhookSchema.safeParse(json);
      if (!parsed.success) return { ok: false, reason: z.prettifyError(parsed.error) };
      const { action, alert } = parsed.data;
      const kind = action === "Acknowledge" ? "acknowledge" : action === "Close" ? "resolve" : null;
      if (!kind) return { ok: true, ack: null };
      const eventId = `${alert.alertId ?? alert.alias}:${action}:${alert.updatedAt ?? ""}`;
      return {
        ok: true,
        ack: {
          source: "opsgenie",
          eventId,
          kind,
          key: alert.alias,
          identities: alert.username ? [alert.username] : [],
          name: alert.username ?? null,
          at: null,
        },
      };
    }
    case "webhook": {
      const parsed = genericAckSchema.safeParse(json);
      if (!parsed.success) return { ok: false, reason: z.prettifyError(parsed.error) };
      const ack = parsed.data;
      return {
        ok: true,
        ack: {
          source: "webhook",
          eventId: ack.id,
          kind: ack.action,
          key: ack.key,
          identities: ack.by ? [ack.by] : [],
          name: ack.by ?? null,
          at: ack.at ? Date.parse(ack.at) : null,
        },
      };
    }
  }
}
