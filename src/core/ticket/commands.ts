import { LABELS, PRIORITIES, type Priority } from "../labels.js";
import { mention, neutralise } from "../markdown/safe-text.js";
import { explainTicketSla } from "../sla/explain.js";
import type { SlaPolicy } from "../sla/policy.js";
import { computeTicketSla } from "../sla/ticket-sla.js";
import { waitingLabel, type TriageConfig } from "../triage/classify.js";
import { TICKET_TYPES } from "../triage/form-fields.js";
import type { TicketAction } from "./actions.js";
import { marker, markersIn } from "./markers.js";
import { timelineOf, type TicketComment, type TicketSnapshot } from "./snapshot.js";

/** The staff commands, as typed at the start of a line in a comment. */
export const COMMAND_NAMES = ["priority", "client", "type", "chargeable", "not-chargeable", "waiting", "resume", "sla", "ack", "escalate"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface SlashCommand {
  readonly name: CommandName;
  readonly args: string;
}

/** Commands in a comment: lines that start with `/name`, outside code blocks and quotes. */
export function parseCommands(body: string): SlashCommand[] {
  const commands: SlashCommand[] = [];
  let inFence = false;
  for (const raw of body.replace(/\r\n/g, "\n").split("\n")) {
    const line = raw.trim();
    if (line.startsWith("```") || line.startsWith("~~~")) inFence = !inFence;
    if (inFence || line.startsWith(">")) continue;
    const match = /^\/([a-z-]+)(?:\s+(.*))?$/.exec(line);
    const name = match?.[1];
    if (name && (COMMAND_NAMES as readonly string[]).includes(name)) commands.push({ name: name as CommandName, args: (match?.[2] ?? "").trim() });
  }
  return commands;
}

/** The result of a comment's commands: actions, and whether the card needs a refresh after them. */
export interface CommandPlan {
  readonly actions: readonly TicketAction[];
  readonly refresh: boolean;
}

/**
 * Plans what a comment's slash commands do. Only staff may use them; anyone else gets one polite
 * refusal per ticket (later attempts a reaction), and nothing changes.
 */
export function planCommands(params: {
  readonly comment: TicketComment;
  readonly snapshot: TicketSnapshot;
  readonly config: TriageConfig;
  readonly policy: SlaPolicy;
  readonly botLogin: string;
  readonly now: number;
}): CommandPlan {
  const { comment, snapshot, config, policy, botLogin, now } = params;
  const commands = parseCommands(comment.body);
  // Bots never command the bot, and are never answered: two bots must not talk to each other.
  if (commands.length === 0 || policy.isBot(comment.author)) return { actions: [], refresh: false };
  if (!policy.isStaff(comment.author)) {
    const key = `refused:${comment.author.toLowerCase()}`;
    if (markersIn({ comments: snapshot.comments, botLogin }).has(key)) {
      return { actions: [{ kind: "react", commentId: comment.id, reaction: "confused" }], refresh: false };
    }
    return {
      actions: [
        {
          kind: "create-comment",
          body: `Thanks ${mention(comment.author)}. Commands such as \`/${commands[0]?.name ?? "priority"}\` are for the support team, so nothing has changed; they will pick this up from your comment.\n${marker(key)}`,
          why: "refusal",
        },
      ],
      refresh: false,
    };
  }
  const actions: TicketAction[] = [];
  const problems: string[] = [];
  let labels = [...snapshot.labels];
  const replace = (prefix: string, label: string) => {
    const old = labels.filter((l) => l.startsWith(prefix) && l !== label);
    if (old.length > 0) actions.push({ kind: "remove-labels", labels: old });
    if (!labels.includes(label)) actions.push({ kind: "add-labels", labels: [label] });
    labels = [...labels.filter((l) => !old.includes(l)), label];
  };
  for (const command of commands) {
    switch (command.name) {
      case "priority": {
        const priority = command.args.toUpperCase();
        if ((PRIORITIES as readonly string[]).includes(priority)) replace("priority: ", LABELS.priority(priority as Priority));
        else problems.push(`\`/priority\` takes one of ${PRIORITIES.join(", ")}`);
        break;
      }
      case "client": {
        const id = command.args.toLowerCase();
        if (policy.client(id)) replace("client: ", LABELS.client(id));
        else problems.push(`there is no client \`${neutralise(id) || "(none given)"}\`; known: ${config.clients.map((c) => `\`${c.id}\``).join(", ")}`);
        break;
      }
      case "type": {
        const type = command.args.toLowerCase();
        if ((TICKET_TYPES as readonly string[]).includes(type)) replace("type: ", LABELS.type(type));
        else problems.push(`\`/type\` takes one of ${TICKET_TYPES.join(", ")}`);
        break;
      }
      case "chargeable":
        actions.push(...planChargeable({ args: command.args, snapshot, policy, labels, author: comment.author }));
        labels = [...labels, LABELS.chargeable];
        break;
      case "not-chargeable":
        if (labels.includes(LABELS.chargeable)) actions.push({ kind: "remove-labels", labels: [LABELS.chargeable] });
        labels = labels.filter((l) => l !== LABELS.chargeable);
        break;
      case "waiting": {
        const waiting = waitingLabel(config);
        if (!labels.includes(waiting)) actions.push({ kind: "add-labels", labels: [waiting] });
        labels = [...labels, waiting];
        break;
      }
      case "resume": {
        const paused = labels.filter((l) => config.pauseLabels.includes(l));
        if (paused.length > 0) actions.push({ kind: "remove-labels", labels: paused });
        labels = labels.filter((l) => !paused.includes(l));
        break;
      }
      case "sla": {
        const sla = computeTicketSla({ timeline: timelineOf(snapshot), policy, now });
        const lines = explainTicketSla({ sla, now });
        actions.push({ kind: "create-comment", body: `<details open><summary>SLA timeline</summary>\n\n\`\`\`text\n${lines.join("\n").replace(/```/g, "'''")}\n\`\`\`\n</details>`, why: "/sla" });
        break;
      }
    }
  }
  if (problems.length > 0) {
    actions.push({ kind: "react", commentId: comment.id, reaction: "confused" });
    actions.push({ kind: "create-comment", body: `${mention(comment.author)}, I could not do all of that: ${problems.join("; ")}.`, why: "command problem" });
  } else {
    actions.push({ kind: "react", commentId: comment.id, reaction: "+1" });
  }
  return { actions, refresh: true };
}

function planChargeable(params: { args: string; snapshot: TicketSnapshot; policy: SlaPolicy; labels: readonly string[]; author: string }): TicketAction[] {
  const { args, snapshot, policy, labels } = params;
  const [size = "", ...rest] = args.split(/\s+/);
  const reason = rest.join(" ");
  const clientId = labels.map((l) => /^client: (.+)$/.exec(l)?.[1]).find((c) => c !== undefined);
  const terms = policy.termsFor({ clientLabel: clientId, repo: snapshot.repo });
  const manager = terms.accountManager;
  const actions: TicketAction[] = [];
  if (!labels.includes(LABELS.chargeable)) actions.push({ kind: "add-labels", labels: [LABELS.chargeable] });
  const support = snapshot.assignees.filter((a) => a.toLowerCase() !== manager?.toLowerCase());
  if (support.length > 0) actions.push({ kind: "unassign", logins: support });
  if (manager) actions.push({ kind: "assign", logins: [manager] });
  const to = manager ? `${mention(manager)}, this is yours now as a lead` : "No account manager is configured for this client, so it needs one assigned by hand";
  actions.push({
    kind: "create-comment",
    body: [
      `**Chargeable work.** ${to}: it is outside the support service, so the service-level clocks have stopped.`,
      "",
      `- Rough size: ${size ? neutralise(size) : "not given"}`,
      `- Why: ${reason ? neutralise(reason) : "not given"}`,
      "",
      "Please contact the client to agree a plan. Staff can undo this with `/not-chargeable`.",
    ].join("\n"),
    why: "/chargeable",
  });
  return actions;
}
