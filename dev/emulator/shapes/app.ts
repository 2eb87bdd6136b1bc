import { githubTime } from "../clock.js";
import { nodeId } from "../state/ids.js";
import type { InstallationRecord } from "../state/types.js";
import { segment, type JsonObject, type ShapeContext } from "./context.js";
import { simpleUser, userByLogin } from "./user.js";

/** The permissions the emulated app is granted on every installation. */
export const APP_PERMISSIONS: Readonly<Record<string, string>> = {
  checks: "write",
  contents: "read",
  issues: "write",
  metadata: "read",
  members: "write",
  pull_requests: "write",
  vulnerability_alerts: "write",
};

/** The webhook events the emulated app subscribes to. */
export const APP_EVENTS: readonly string[] = [
  "check_run",
  "dependabot_alert",
  "issue_comment",
  "issues",
  "pull_request",
  "pull_request_review",
  "push",
];

/** GitHub's `integration`: the app itself (`GET /app`, `performed_via_github_app`). */
export function integration(ctx: ShapeContext): JsonObject {
  const { app } = ctx.state;
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId("App", app.id),
    client_id: `Iv1.${app.id.toString(16).padStart(16, "0")}`,
    owner: userByLogin(ctx, app.ownerLogin),
    name: app.name,
    description: "",
    external_url: `${ctx.base}/apps/${segment(app.slug)}`,
    html_url: `${ctx.base}/apps/${segment(app.slug)}`,
    created_at: "2024-01-01T00:00:00Z",
    updated_at: "2024-01-01T00:00:00Z",
    permissions: { ...APP_PERMISSIONS },
    events: [...APP_EVENTS],
    installations_count: ctx.state.installations.size,
  };
}

/** GitHub's `installation` (`GET /app/installations`, `GET /repos/{o}/{r}/installation`). */
export function installation(ctx: ShapeContext, record: InstallationRecord): JsonObject {
  const account = ctx.state.requireAccount(record.accountLogin);
  return {
    id: record.id,
    account: simpleUser(ctx, account),
    repository_selection: "all",
    access_tokens_url: `${ctx.base}/app/installations/${record.id}/access_tokens`,
    repositories_url: `${ctx.base}/installation/repositories`,
    html_url: `${ctx.base}/organizations/${segment(account.login)}/settings/installations/${record.id}`,
    app_id: ctx.state.app.id,
    app_slug: ctx.state.app.slug,
    target_id: account.id,
    target_type: account.type === "Organization" ? "Organization" : "User",
    permissions: { ...APP_PERMISSIONS },
    events: [...APP_EVENTS],
    created_at: githubTime(record.createdAt),
    updated_at: githubTime(record.createdAt),
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

/** The `installation` key of webhook payloads. */
export function webhookInstallation(record: InstallationRecord): JsonObject {
  return { id: record.id, node_id: nodeId("Installation", record.id) };
}
