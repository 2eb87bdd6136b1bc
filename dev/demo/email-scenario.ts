import { EmailIntake } from "../../src/app/email-intake.js";
import type { MailboxSettings } from "../../src/mail/mail-settings.js";
import { MemoryMailbox, RecordingSender } from "../../src/mail/memory-mailbox.js";
import { agencySeed } from "./agency-seed.js";
import { emailSeed, mail, MAIL_SECRET, SUPPORT_ADDRESS } from "./email-seed.js";
import { startStack, SWEEP_SECRET } from "./stack.js";

const REPO = "riverside/tenant-portal";

/**
 * A client with no GitHub account emails the support address and is answered: her email opens a
 * ticket, a staff comment goes back to her by email, her reply lands on the ticket, and an
 * out-of-office answer is ignored. The mailbox and the outgoing server are held in memory here so
 * the demo runs anywhere; the tests run the same path against a real IMAP and SMTP server.
 */
export async function playEmailDemo(out: (line: string) => void): Promise<void> {
  const mailbox = new MemoryMailbox();
  const sender = new RecordingSender();
  const settings: MailboxSettings = {
    host: "memory",
    port: 0,
    secure: false,
    user: "support",
    password: "",
    mailbox: "INBOX",
    supportAddress: SUPPORT_ADDRESS,
    secret: MAIL_SECRET,
  };
  const intake = new EmailIntake(settings, async () => mailbox.open(), sender);
  const stack = await startStack({
    seed: emailSeed(agencySeed),
    now: new Date("2026-12-02T10:00:00Z"),
    email: { settings, intake, sender },
  });
  const takeIn = async () => {
    await fetch(`${stack.app.url}/firstline/mail`, {
      method: "POST",
      headers: { authorization: `Bearer ${SWEEP_SECRET}` },
    });
    await stack.settle();
  };
  const ticket = () => stack.emulator.dump().repos.find((r) => r.fullName === REPO)?.issues[0];
  try {
    out(
      "\nEmail: Jo Bloggs, a housing officer at Riverside with no GitHub account, writes to support@northgate.example.",
    );
    mailbox.deliver(
      mail({
        from: "Jo Bloggs <jo.bloggs@riverside-housing.example>",
        subject: "Tenant portal: repairs form will not send",
        messageId: "<jo.1@riverside-housing.example>",
        text: "Hello,\n\nThe repairs form on the tenant portal says 'error' when tenants press Send.\n\nJo Bloggs\nRiverside Housing Trust",
      }),
    );
    await takeIn();
    let issue = ticket();
    out(
      `  ticket opened by ${issue?.author ?? "?"} in ${REPO}#${issue?.number ?? "?"}: "${issue?.title ?? ""}", labelled ${issue?.labels.join(", ") ?? ""}`,
    );
    const question = sender.sent[0];
    out(
      `  the card's needs-info question is emailed to ${question?.to.join(", ") ?? "nobody"}: "${question?.text.split("\n")[2] ?? ""}"`,
    );
    stack.emulator.clock.set(new Date("2026-12-02T10:40:00Z"));
    await stack.as("erin-walsh").rest.issues.createComment({
      owner: "riverside",
      repo: "tenant-portal",
      issue_number: issue?.number ?? 0,
      body: "Thanks Jo, we can see the error and are on it. Which browser were the tenants using?",
    });
    await stack.settle();
    const answer = sender.sent[sender.sent.length - 1];
    out(
      `  erin-walsh answers on GitHub; Firstline emails ${answer?.to.join(", ") ?? "nobody"}: "${answer?.subject ?? ""}", In-Reply-To ${answer?.inReplyTo ?? "-"}, reply to ${answer?.replyTo ?? "-"}`,
    );
    stack.emulator.clock.set(new Date("2026-12-02T11:15:00Z"));
    mailbox.deliver(
      mail({
        from: "jo.bloggs@riverside-housing.example",
        to: answer?.replyTo ?? "",
        subject: `Re: ${answer?.subject ?? ""}`,
        messageId: "<jo.2@riverside-housing.example>",
        inReplyTo: answer?.messageId ?? "",
        text: "Chrome on Android, mostly.\n\nOn Wed, Erin wrote:\n> Which browser were the tenants using?",
      }),
    );
    mailbox.deliver(
      mail({
        from: "jo.bloggs@riverside-housing.example",
        to: answer?.replyTo ?? "",
        subject: "Automatic reply: Out of office",
        messageId: "<jo.3@riverside-housing.example>",
        text: "I am out of the office this afternoon.",
        headers: { "Auto-Submitted": "auto-replied" },
      }),
    );
    await takeIn();
    issue = ticket();
    const replyComment = issue?.comments.find((c) => c.body.includes("Reply by email from"));
    out(
      `  Jo replies by email: her words land on the ticket as a comment ("${(replyComment?.body.split("\n")[2] ?? "").trim()}"); her out-of-office answer is ignored (${issue?.comments.length ?? 0} comments, ${sender.sent.length} emails sent)`,
    );
  } finally {
    await stack.close();
  }
}
