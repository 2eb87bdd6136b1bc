import { nodeId } from "../state/ids.js";
import { PERMISSION_ORDER } from "../state/types.js";
import { canSeeRepo } from "../routes/context.js";
import { argObject, argString, GitHubGraphQLError, type Args } from "./connection.js";
import { labelView, type GraphQLContext, type View } from "./views.js";

/**
 * `createLabel`: as the REST creation, GitHub refuses a name the repository has already (any
 * case) and a colour that is not six hex digits, each as an error on that mutation alone.
 */
export function labelMutations(ctx: GraphQLContext): View {
  const { state } = ctx.shapes;
  return {
    createLabel: (args: Args): View => {
      const input = argObject(args, "input") ?? {};
      const repositoryId = argString(input, "repositoryId") ?? "";
      const repo = [...state.repos.values()].find((r) => nodeId("Repository", r.id) === repositoryId);
      if (!repo || !canSeeRepo(state, ctx.actor, repo))
        throw new GitHubGraphQLError(
          `Could not resolve to a node with the global id of '${repositoryId}'`,
          "NOT_FOUND",
        );
      const login = ctx.actor.kind === "app" ? "" : ctx.actor.login;
      if (PERMISSION_ORDER.indexOf(state.permissionOf(repo, login)) < PERMISSION_ORDER.indexOf("write"))
        throw new GitHubGraphQLError(
          `${login} does not have the correct permissions to execute \`CreateLabel\``,
          "FORBIDDEN",
        );
      const name = argString(input, "name") ?? "";
      const color = (argString(input, "color") ?? "").replace(/^#/, "").toLowerCase();
      if (state.labelByName(repo, name))
        throw new GitHubGraphQLError("Name has already been taken", "UNPROCESSABLE");
      if (!/^[0-9a-f]{6}$/.test(color)) throw new GitHubGraphQLError("Color is invalid", "UNPROCESSABLE");
      const label = {
        id: state.nextId(),
        name,
        color,
        description: argString(input, "description") ?? null,
        isDefault: false,
      };
      repo.labels.push(label);
      return {
        clientMutationId: argString(input, "clientMutationId") ?? null,
        label: labelView(ctx, repo, label),
      };
    },
  };
}
