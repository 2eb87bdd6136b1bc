import { webhookInstallation } from "../shapes/app.js";
import type { JsonObject, ShapeContext } from "../shapes/context.js";
import { repository } from "../shapes/repository.js";
import { userByLogin, webhookOrganization } from "../shapes/user.js";
import type { RepoRecord } from "../state/types.js";

/** A webhook GitHub would send to the app: event name, action (if any) and payload. */
export interface WebhookEvent {
  readonly name: string;
  readonly action: string | null;
  readonly payload: JsonObject;
}

/** Where changes report the webhooks they cause. */
export type EventSink = (event: WebhookEvent) => void;

/**
 * Builds a repository event's payload in GitHub's order: `action`, the event's own keys, then
 * `repository`, `organization` (for organisation repositories), `sender` and `installation`.
 * Returns null when the app is not installed on the repository's owner: GitHub sends nothing then.
 */
export function repositoryEvent(
  ctx: ShapeContext,
  params: {
    readonly name: string;
    readonly action: string | null;
    readonly repo: RepoRecord;
    readonly senderLogin: string;
    readonly fields: JsonObject;
  },
): WebhookEvent | null {
  const installation = ctx.state.installationFor(params.repo.owner);
  if (!installation) return null;
  const owner = ctx.state.requireAccount(params.repo.owner);
  const payload: JsonObject = {
    ...(params.action === null ? {} : { action: params.action }),
    ...params.fields,
    repository: repository(ctx, params.repo),
    ...(owner.type === "Organization" ? { organization: webhookOrganization(ctx, owner) } : {}),
    sender: userByLogin(ctx, params.senderLogin),
    installation: webhookInstallation(installation),
  };
  return { name: params.name, action: params.action, payload };
}
