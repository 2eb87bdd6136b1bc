import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One message as the SMTP server received it: the envelope, the raw text and the parsed message. */
export interface ReceivedMail {
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  readonly raw: string;
  readonly parsed: ParsedMail;
}

/** A real SMTP server on a free loopback port that keeps what it receives. */
export interface SmtpSink {
  /** `smtp://user:secret@127.0.0.1:PORT`, for `SMTP_URL`. */
  readonly url: string;
  readonly received: readonly ReceivedMail[];
  /** Answer the next `count` messages with a temporary failure (451), as a busy server does. */
  failNext(count: number): void;
  /** Resolves once `count` messages have arrived. */
  waitFor(count: number): Promise<readonly ReceivedMail[]>;
  close(): Promise<void>;
}

export const SMTP_USER = "firstline";
export const SMTP_PASSWORD = "smtp-test-secret";

/** Starts the server; it asks for the test credentials (AUTH PLAIN/LOGIN) and refuses others. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const waiters: { count: number; resolve: (mail: readonly ReceivedMail[]) => void }[] = [];
  let failures = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (failures > 0) {
          failures -= 1;
          const error = new Error("Temporary failure, try again later") as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        void simpleParser(raw).then((parsed) => {
          received.push({
            envelopeFrom: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
            envelopeTo: session.envelope.rcptTo.map((to) => to.address),
            raw,
            parsed,
          });
          for (const waiter of [...waiters]) {
            if (received.length >= waiter.count) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve([...received]);
            }
          }
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${port}`,
    received,
    failNext(count) {
      failures = count;
    },
    waitFor(count) {
      if (received.length >= count) return Promise.resolve([...received]);
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
