/** The email scenario's seed and messages, shared with the demo, and the stack its tests run on. */
import type { SeedInput } from "../../dev/emulator/index.js";
import { MAIL_SECRET, SUPPORT_ADDRESS } from "../../dev/demo/email-seed.js";
import { startDovecot, type RunningDovecot } from "../helpers/dovecot.js";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink.js";
import { startStack, SWEEP_SECRET, type Stack } from "./harness.js";

export { emailSeed, mail, MAIL_SECRET, SUPPORT_ADDRESS } from "../../dev/demo/email-seed.js";

/** The app and emulator with a real Dovecot mailbox in and a real SMTP server out. */
export interface EmailStack {
  readonly stack: Stack;
  readonly dovecot: RunningDovecot;
  readonly smtp: SmtpSink;
  /** One pass over the mailbox through `POST /firstline/mail`, once the app has settled. */
  readonly takeIn: () => Promise<{
    status: number;
    tickets: number;
    replies: number;
    ignored: number;
    left: number;
  }>;
  /** The emulator's issues of a repository. */
  readonly issuesIn: (repo: string) => ReturnType<Stack["emulator"]["dump"]>["repos"][number]["issues"];
  readonly close: () => Promise<void>;
}

export async function startEmailStack(params: {
  readonly seed: SeedInput;
  readonly now: Date;
}): Promise<EmailStack> {
  const dovecot = await startDovecot();
  const smtp = await startSmtpSink();
  const stack = await startStack({
    seed: params.seed,
    now: params.now,
    env: {
      IMAP_URL: dovecot.url,
      SMTP_URL: smtp.url,
      FIRSTLINE_SUPPORT_ADDRESS: SUPPORT_ADDRESS,
      FIRSTLINE_MAIL_SECRET: MAIL_SECRET,
    },
    requestTimeoutMs: 3_000,
  });
  return {
    stack,
    dovecot,
    smtp,
    takeIn: async () => {
      const response = await fetch(`${stack.app.url}/firstline/mail`, {
        method: "POST",
        headers: { authorization: `Bearer ${SWEEP_SECRET}` },
      });
      const json = (await response.json()) as {
        tickets: number;
        replies: number;
        ignored: number;
        left: number;
      };
      await stack.settle();
      return { status: response.status, ...json };
    },
    issuesIn: (repo) => stack.emulator.dump().repos.find((r) => r.fullName === repo)?.issues ?? [],
    close: async () => {
      await stack.close();
      await smtp.close();
      await dovecot.stop();
    },
  };
}
