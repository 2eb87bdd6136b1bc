import * as z from "zod";
import { CONFIG_PATH } from "../../core/config/firstline-config.js";
import { issueInputSchema } from "../../config/issue-input-schema.js";
import { classifyTicket } from "../../core/triage/classify.js";
import { defineCommand, printJson } from "../command.js";
import { readConfigFile, readJsonFile } from "../../shell/load-inputs.js";

export const triageCommand = defineCommand({
  name: "triage",
  summary: "Triage an issue as the app would: client, priority, type, labels, what is missing",
  usage: "firstline triage --config F --issue ISSUE.json [--json]",
  options: { config: "string", issue: "string" },
  schema: z.object({ config: z.string().default(CONFIG_PATH), issue: z.string() }),
  run: async ({ options, io, json }) => {
    const config = readConfigFile(io, options.config).value;
    const issue = readJsonFile(io, options.issue, issueInputSchema);
    const decision = classifyTicket({ config, issue });
    const result = {
      ticket: decision.ticket,
      client: decision.client,
      priority: decision.priority,
      type: decision.type,
      labels: decision.labels,
      needsInfo: decision.needsInfo,
      chargeableSuggested: decision.chargeableSuggested,
    };
    if (json) {
      printJson(io, result);
      return 0;
    }
    if (!decision.ticket) {
      io.stdout(
        `${issue.repo}: not a ticket (${issue.isPullRequest ? "a pull request" : "the repository belongs to no client and is not a helpdesk"})\n`,
      );
      return 0;
    }
    io.stdout(
      [
        `${issue.repo}: ${issue.title}`,
        `  client    ${decision.client} (from ${decision.clientSource})`,
        `  priority  ${decision.priority} (from ${decision.prioritySource})`,
        `  type      ${decision.type} (from ${decision.typeSource})`,
        `  labels    ${decision.labels.join(", ")}`,
        ...(decision.needsInfo.length > 0 ? [`  missing   ${decision.needsInfo.join("; ")}`] : []),
        ...(decision.chargeableSuggested
          ? [`  may be chargeable: mentions ${decision.chargeableMatches.map((m) => `"${m}"`).join(", ")}`]
          : []),
        "",
      ].join("\n"),
    );
    return 0;
  },
});
