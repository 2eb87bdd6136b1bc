import { accountHandlers } from "./accounts.js";
import { appHandlers } from "./app.js";
import { checkHandlers } from "./checks.js";
import { commentHandlers } from "./comments.js";
import { contentHandlers } from "./contents.js";
import type { RouteHandler } from "./context.js";
import { dependabotHandlers } from "./dependabot.js";
import { gitWriteHandlers } from "./git-writes.js";
import { issueHandlers } from "./issues.js";
import { labelHandlers } from "./labels.js";
import { pullHandlers } from "./pulls.js";
import { searchHandlers } from "./search.js";
import { teamHandlers } from "./teams.js";

/** Every REST handler by GitHub operation id; the OpenAPI subset holds exactly these operations. */
export const restHandlers: Readonly<Record<string, RouteHandler>> = {
  ...appHandlers,
  ...accountHandlers,
  ...issueHandlers,
  ...labelHandlers,
  ...commentHandlers,
  ...pullHandlers,
  ...checkHandlers,
  ...contentHandlers,
  ...gitWriteHandlers,
  ...teamHandlers,
  ...dependabotHandlers,
  ...searchHandlers,
};
