import type { SlackStandin } from "../emulator/slack/slack-standin.js";
import type { SmtpSink } from "../../test/helpers/smtp-sink.js";

/** Slack shows `&lt;` as `<`: the narration prints what people would read. */
function shown(text: string): string {
  return text
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, "$2")
    .replace(/\u200d/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .slice(0, 220);
}

/** What reached Slack and the mail server since the last call, one line a message. */
export function notificationLines(params: {
  readonly slack: SlackStandin;
  readonly smtp: SmtpSink;
}): () => string[] {
  let slackSeen = 0;
  let mailSeen = 0;
  return () => {
    const posted = params.slack.messages.slice(slackSeen).map((m) => {
      const where = m.channel.startsWith("U")
        ? `DM to ${m.channel}`
        : `#${m.channel}${m.threadTs ? " (in the ticket's thread)" : ""}`;
      const blocks = m.blocks.map((b) => b.text?.text ?? "").filter((t) => t !== "");
      return `Slack ${where}: ${shown(blocks.join(" / ") || m.text)}`;
    });
    const mailed = params.smtp.received
      .slice(mailSeen)
      .map(
        (m) =>
          `Email to ${m.envelopeTo.join(", ")}: "${m.parsed.subject ?? ""}"${m.raw.includes("List-Unsubscribe:") ? " (with List-Unsubscribe)" : ""}`,
      );
    slackSeen = params.slack.messages.length;
    mailSeen = params.smtp.received.length;
    return [...posted, ...mailed];
  };
}
