import { LABELS, PRIORITIES, sameLabel, type Priority } from "../labels.js";
import { mention, neutralise } from "../markdown/safe-text.js";
import { explainTicketSla } from "../sla/explain.js";
import type { SlaPolicy } from "../sla/policy.js";
import { computeTicketSla } from "../sla/ticket-sla.js";
import { waitingLabel, type TriageConfig } from "../triage/classify.js";
import { TICKET_TYPES } from "../triage/form-fields.js";
import type { TicketAction } from "./actions.js";
import { parseCommands, type CommandName, type SlashCommand } from "./command-lines.js";
import { marker, markersIn, refusedKey } from "../markers.js";
import { recordedOutcomes } from "./outcomes.js";
import { timelineOf, type TicketComment, type TicketSnapshot } from "./snapshot.js";

export { COMMAND_NAMES, parseCommands, type CommandName, type SlashCommand } from "./command-lines.js";

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
  /** Firstline already answered this comment (its reaction is on it): the commands were carried out once. */
  readonly answered?: boolean;
}): CommandPlan {
  const { comment, snapshot, config, policy, botLogin, now } = params;
  if (params.answered) return { actions: [], refresh: true };
  const written = parseCommands(comment.body);
  // A command that a newer staff decision has overtaken (a later command or label of the same
  // kind) is not carried out: a redelivered old `/priority` never undoes a newer one.
  const commands = policy.isStaff(comment.author)
    ? written.filter((command) => !overtaken({ command, comment, snapshot, policy, config, botLogin }))
    : written;
  if (written.length > 0 && commands.length === 0) return { actions: [], refresh: true };
  // Bots never command the bot, and are never answered: two bots must not talk to each other.
  if (commands.length === 0 || policy.isBot(comment.author)) return { actions: [], refresh: false };
  if (!policy.isStaff(comment.author)) {
    const key = refusedKey(comment.author);
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
  // The new label goes on before the old comes off, so a failure in between never leaves a
  // ticket without a priority; names are compared without case, as GitHub does.
  const replace = (prefix: string, label: string) => {
    const old = labels.filter(
      (l) => l.toLowerCase().startsWith(prefix) && l.toLowerCase() !== label.toLowerCase(),
    );
    if (!labels.some((l) => l.toLowerCase() === label.toLowerCase()))
      actions.push({ kind: "add-labels", labels: [label] });
    if (old.length > 0) actions.push({ kind: "remove-labels", labels: old });
    labels = [...labels.filter((l) => !old.includes(l)), label];
  };
  for (const command of commands) {
    switch (command.name) {
      case "priority": {
        const priority = command.args.toUpperCase();
        if ((PRIORITIES as readonly string[]).includes(priority))
          replace("priority: ", LABELS.priority(priority as Priority));
        else problems.push(`\`/priority\` takes one of ${PRIORITIES.join(", ")}`);
        break;
      }
      case "client": {
        const id = command.args.toLowerCase();
        if (policy.client(id)) replace("client: ", LABELS.client(id));
        else
          problems.push(
            `there is no client \`${neutralise(id) || "(none given)"}\`; known: ${config.clients.map((c) => `\`${c.id}\``).join(", ")}`,
          );
        break;
      }
      case "type": {
        const type = command.args.toLowerCase();
        if ((TICKET_TYPES as readonly string[]).includes(type)) replace("type: ", LABELS.type(type));
        else problems.push(`\`/type\` takes one of ${TICKET_TYPES.join(", ")}`);
        break;
      }
      case "chargeable":
        actions.push(
          ...planChargeable({ args: command.args, snapshot, policy, labels, author: comment.author }),
        );
        labels = [...labels, LABELS.chargeable];
        break;
      case "not-chargeable":
        if (labels.some((l) => sameLabel(l, LABELS.chargeable)))
          actions.push({
            kind: "remove-labels",
            labels: labels.filter((l) => sameLabel(l, LABELS.chargeable)),
          });
        labels = labels.filter((l) => !sameLabel(l, LABELS.chargeable));
        break;
      case "waiting": {
        const waiting = waitingLabel(config);
        if (!labels.some((l) => sameLabel(l, waiting)))
          actions.push({ kind: "add-labels", labels: [waiting] });
        labels = [...labels, waiting];
        break;
      }
      case "resume": {
        const paused = labels.filter((l) => config.pauseLabels.some((p) => sameLabel(p, l)));
        if (paused.length > 0) actions.push({ kind: "remove-labels", labels: paused });
        labels = labels.filter((l) => !paused.includes(l));
        break;
      }
      case "sla": {
        const sla = computeTicketSla({
          timeline: timelineOf({ snapshot, policy, botLogin }),
          policy,
          now,
          recorded: recordedOutcomes({ comments: snapshot.comments, botLogin }),
        });
        const lines = explainTicketSla({ sla, now });
        actions.push({
          kind: "create-comment",
          body: `<details open><summary>SLA timeline</summary>\n\n\`\`\`text\n${lines.join("\n").replace(/```/g, "'''")}\n\`\`\`\n</details>`,
          why: "/sla",
        });
        break;
      }
    }
  }
  if (problems.length > 0) {
    actions.push({ kind: "react", commentId: comment.id, reaction: "confused" });
    actions.push({
      kind: "create-comment",
      body: `${mention(comment.author)}, I could not do all of that: ${problems.join("; ")}.`,
      why: "command problem",
    });
  } else {
    actions.push({ kind: "react", commentId: comment.id, reaction: "+1" });
  }
  return { actions, refresh: true };
}

function planChargeable(params: {
  args: string;
  snapshot: TicketSnapshot;
  policy: SlaPolicy;
  labels: readonly string[];
  author: string;
}): TicketAction[] {
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
  const to = manager
    ? `${mention(manager)}, this is yours now as a lead`
    : "No account manager is configured for this client, so it needs one assigned by hand";
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

/** What a command decides, to tell when a later decision overtakes it. */
function decisionOf(name: CommandName): "priority" | "client" | "type" | "chargeable" | "pause" | null {
  if (name === "priority" || name === "client" || name === "type") return name;
  if (name === "chargeable" || name === "not-chargeable") return "chargeable";
  if (name === "waiting" || name === "resume") return "pause";
  return null;
}

/** Whether a later staff command or staff label change decided the same thing as this command. */
function overtaken(params: {
  readonly command: SlashCommand;
  readonly comment: TicketComment;
  readonly snapshot: TicketSnapshot;
  readonly policy: SlaPolicy;
  readonly config: TriageConfig;
  readonly botLogin: string;
}): boolean {
  const { command, comment, snapshot, policy, config, botLogin } = params;
  const decision = decisionOf(command.name);
  if (decision === null) return false;
  const later = snapshot.comments.some(
    (c) =>
      c.id !== comment.id &&
      c.createdAt > comment.createdAt &&
      policy.isStaff(c.author) &&
      parseCommands(c.body).some((other) => decisionOf(other.name) === decision),
  );
  if (later) return true;
  const concerns = (label: string) => {
    const name = label.toLowerCase();
    if (decision === "chargeable") return name === LABELS.chargeable;
    if (decision === "pause") return config.pauseLabels.some((p) => sameLabel(p, label));
    return name.startsWith(`${decision}: `);
  };
  // A person's label change after the comment (Firstline's own follow from commands it carried out).
  return snapshot.events.some(
    (e) =>
      (e.type === "labeled" || e.type === "unlabeled") &&
      e.at > comment.createdAt &&
      concerns(e.label) &&
      e.by.toLowerCase() !== botLogin.toLowerCase() &&
      policy.isStaff(e.by),
  );
}
