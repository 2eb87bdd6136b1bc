/** The staff commands, as typed on a line of their own in a comment. */
export const COMMAND_NAMES = [
  "priority",
  "client",
  "type",
  "chargeable",
  "not-chargeable",
  "waiting",
  "resume",
  "sla",
  "ack",
  "escalate",
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface SlashCommand {
  readonly name: CommandName;
  readonly args: string;
}

/** How many words each command takes: none, exactly one, or any (a free-text reason). */
const ARGUMENTS: Readonly<Record<CommandName, "none" | "one" | "any">> = {
  priority: "one",
  client: "one",
  type: "one",
  chargeable: "any",
  "not-chargeable": "none",
  waiting: "none",
  resume: "none",
  sla: "none",
  ack: "none",
  escalate: "one",
};

/** Commands other parts of Firstline read (`/toil woke 90m`, `/cover @a for @b: why`): instructions, not replies, too. */
const OTHER_COMMANDS: readonly string[] = ["toil", "cover"];

/** Comments longer than GitHub allows are not read past its limit. */
export const MAX_COMMENT_CHARS = 65_536;

/** A line of a comment as Markdown shows it: a command, visible text, or nothing a reader sees. */
type Line =
  | { readonly kind: "command"; readonly command: SlashCommand }
  | { readonly kind: "other-command" }
  | { readonly kind: "text" }
  | { readonly kind: "hidden" };

/**
 * Reads a comment line by line as Markdown renders it. A command is a known command name with the
 * arguments it takes, alone on its line, outside fenced and indented code blocks, quotes and HTML
 * comments. `/checkout is fixed now` and `/wp-admin works again` are replies that start with a
 * path, and `/priority is still wrong` is a sentence, not a command. Runs in linear time.
 */
function readLines(body: string): Line[] {
  const lines: Line[] = [];
  let fence: string | null = null;
  let inComment = false;
  for (const raw of body.slice(0, MAX_COMMENT_CHARS).split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const blank = line.trim() === "";
    if (inComment) {
      lines.push({ kind: "hidden" });
      if (line.includes("-->")) inComment = false;
      continue;
    }
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      lines.push({ kind: "text" });
      if (fenceMatch?.[1]?.startsWith(fence)) fence = null;
      continue;
    }
    if (fenceMatch?.[1]) {
      fence = fenceMatch[1];
      lines.push({ kind: "text" });
      continue;
    }
    const trimmed = line.trimStart();
    if (trimmed.startsWith(">")) {
      lines.push({ kind: "text" });
      continue;
    }
    if (trimmed.startsWith("<!--")) {
      const rest = trimmed.slice(4);
      const closes = rest.indexOf("-->");
      if (closes < 0) inComment = true;
      // A comment that closes with visible text after it is still text.
      lines.push(closes >= 0 && rest.slice(closes + 3).trim() !== "" ? { kind: "text" } : { kind: "hidden" });
      continue;
    }
    if (blank) {
      lines.push({ kind: "hidden" });
      continue;
    }
    // Four spaces or a tab of indent: an indented code block, or the continuation of a paragraph;
    // either way never a line of its own that a reader takes for a command.
    if (/^ {0,3}\t/.test(line) || line.length - trimmed.length > 3) {
      lines.push({ kind: "text" });
      continue;
    }
    const command = commandOf(trimmed.trimEnd());
    const other =
      !command &&
      OTHER_COMMANDS.some((name) => trimmed.startsWith(`/${name} `) || trimmed.trimEnd() === `/${name}`);
    lines.push(command ? { kind: "command", command } : other ? { kind: "other-command" } : { kind: "text" });
  }
  return lines;
}

function commandOf(line: string): SlashCommand | undefined {
  const match = /^\/([a-z][a-z-]*)(?:[ \t]+(.*))?$/.exec(line);
  const name = match?.[1];
  if (!name || !(COMMAND_NAMES as readonly string[]).includes(name)) return undefined;
  const command = name as CommandName;
  const args = (match?.[2] ?? "").trim();
  const shape = ARGUMENTS[command];
  if (shape === "none" && args !== "") return undefined;
  if (shape === "one" && /\s/.test(args)) return undefined;
  return { name: command, args };
}

/** Commands in a comment, in the order written. */
export function parseCommands(body: string): SlashCommand[] {
  return readLines(body).flatMap((line) => (line.kind === "command" ? [line.command] : []));
}

/** Whether a comment holds nothing a reader sees but slash commands: an instruction to Firstline, not a reply. */
export function isCommandOnly(body: string): boolean {
  const lines = readLines(body);
  return (
    lines.some((l) => l.kind === "command" || l.kind === "other-command") &&
    lines.every((l) => l.kind !== "text")
  );
}
