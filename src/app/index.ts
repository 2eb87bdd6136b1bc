import type { ApplicationFunctionOptions, Probot } from "probot";
import { transportOf } from "../github/transport.js";
import { handleConfigPush } from "./handlers/config-changed.js";
import { handleIssueOpened } from "./handlers/issue-opened.js";
import { handleCommentCreated, handleTicketUpdated } from "./handlers/ticket-updated.js";
import { FirstlineService } from "./service.js";

/** Options for tests and the demo: a clock and the app's login, so nothing is asked of GitHub twice. */
export interface FirstlineAppOptions {
  readonly service?: FirstlineService;
}

/** Builds the Probot app function; its only work is wiring events to handlers. */
export function firstlineApp(options: FirstlineAppOptions = {}) {
  return (app: Probot, _probotOptions?: ApplicationFunctionOptions): void => {
    const service = options.service ?? new FirstlineService({ appAuth: async () => transportOf(await app.auth()) });
    app.on("issues.opened", (context) => handleIssueOpened(context, service));
    app.on(
      ["issues.edited", "issues.labeled", "issues.unlabeled", "issues.closed", "issues.reopened", "issues.assigned", "issues.unassigned"],
      (context) => handleTicketUpdated(context, service),
    );
    app.on("issue_comment.created", (context) => handleCommentCreated(context, service));
    app.on("issue_comment.edited", (context) => handleTicketUpdated(context, service));
    app.on("push", (context) => handleConfigPush(context, service));
  };
}

export default firstlineApp();
