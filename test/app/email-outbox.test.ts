import { describe, expect, it } from "vitest";
import { sendKeptMail, sendToRequester, type RequesterMail } from "../../src/app/email-outbox.js";
import { MemoryStateStore } from "../../src/app/state/memory-state-store.js";
import { RecordingSender } from "../../src/mail/memory-mailbox.js";
import type { OutgoingMail, SentMail } from "../../src/mail/outgoing-mail.js";

const log = { info: () => undefined, error: () => undefined };
const DAY = 24 * 60 * 60_000;
const now = Date.parse("2026-12-02T10:00:00Z");

function mail(n: number): RequesterMail {
  return {
    from: "support@northgate.example",
    to: ["jo@riverside-housing.example"],
    subject: "Re: Login broken",
    text: `Reply ${n}`,
    messageId: `<firstline.t1.c${n}@northgate.example>`,
    inReplyTo: "<first@riverside-housing.example>",
    references: ["<first@riverside-housing.example>"],
  };
}

/** A mail server that refuses while `down` is set, and keeps what it takes. */
class FlakyServer extends RecordingSender {
  down = true;
  override async send(outgoing: OutgoingMail): Promise<SentMail> {
    if (this.down) throw new Error("451 try again later");
    return super.send(outgoing);
  }
}

describe("mail to requesters: sent once, kept while the server refuses", () => {
  it("keeps refused mail and sends it once when the server takes it again", async () => {
    const store = new MemoryStateStore({ now: () => now });
    const server = new FlakyServer();
    expect(await sendToRequester({ store, sender: server, mail: mail(1), now, log })).toBe("kept");
    expect(await sendToRequester({ store, sender: server, mail: mail(2), now: now + 1, log })).toBe("kept");
    // Still down: the first refusal stops the pass, nothing is lost.
    expect(await sendKeptMail({ store, sender: server, now: now + 60_000, log })).toEqual({
      sent: 0,
      kept: 2,
    });
    server.down = false;
    expect(await sendKeptMail({ store, sender: server, now: now + 120_000, log })).toEqual({
      sent: 2,
      kept: 0,
    });
    expect(server.sent.map((m) => m.text)).toEqual(["Reply 1", "Reply 2"]);
    expect(server.sent[0]?.inReplyTo).toBe("<first@riverside-housing.example>");
    // Sent once: another pass, or the same comment again, sends nothing.
    expect(await sendKeptMail({ store, sender: server, now: now + 180_000, log })).toEqual({
      sent: 0,
      kept: 0,
    });
    expect(await sendToRequester({ store, sender: server, mail: mail(1), now, log })).toBe("sent before");
    expect(server.sent).toHaveLength(2);
  });

  it("drops mail kept over a week, and kept mail that no longer reads", async () => {
    const store = new MemoryStateStore({ now: () => now });
    const server = new FlakyServer();
    await sendToRequester({ store, sender: server, mail: mail(3), now, log });
    await store.pendingMail.set("<broken@northgate.example>", "{not json");
    server.down = false;
    expect(await sendKeptMail({ store, sender: server, now: now + 8 * DAY, log })).toEqual({
      sent: 0,
      kept: 0,
    });
    expect(await store.pendingMail.list()).toEqual([]);
    expect(server.sent).toEqual([]);
  });
});
