import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotifyEvent } from "../../src/core/notify/events.js";
import type { PlannedMessage } from "../../src/core/notify/plan.js";
import { smtpSender } from "../../src/mail/smtp-sender.js";
import { Notifier } from "../../src/notify/notifier.js";
import { MemorySentLedger } from "../../src/notify/sent-ledger.js";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink.js";

const event: NotifyEvent = {
  id: "rota-change:abc",
  kind: "rota-change",
  at: Date.parse("2026-12-02T11:00:00Z"),
  headline: "Rota changed from the week of 2027-01-06",
  details: ["Week 2027-01-06, developer: alice-okafor → jo-pereira"],
  people: ["jo-pereira"],
  link: "https://github.com/northgate/support/pull/12",
};
const toJo: PlannedMessage = {
  key: "rota-change:abc>email:jo@example.org",
  event,
  to: { kind: "email", login: "jo-pereira", address: "jo@example.org" },
  when: "now",
};
const notify = { from: "Firstline <firstline@example.org>", unsubscribe: null };

describe("the notifier delivers through a real SMTP server, retrying failures and never twice", () => {
  let sink: SmtpSink;
  const waits: number[] = [];
  const warnings: string[] = [];
  let notifier: Notifier;

  beforeAll(async () => {
    sink = await startSmtpSink();
    notifier = new Notifier({
      slack: null,
      mail: smtpSender(sink.url, { timeoutMs: 10_000 }),
      ledger: new MemorySentLedger(),
      sleep: async (ms) => {
        waits.push(ms);
      },
      log: { warn: (_obj, msg) => warnings.push(msg ?? "") },
    });
  });
  afterAll(async () => sink.close());

  it("a server answering 451 twice gets the message on the third try, once; planned again, it is not sent again", async () => {
    sink.failNext(2);
    notifier.deliver({ plan: [toJo], notify, zone: "Europe/London" });
    notifier.deliver({ plan: [toJo], notify, zone: "Europe/London" });
    await notifier.idle();
    expect(sink.received).toHaveLength(1);
    expect(waits).toEqual([30_000, 60_000]);
    expect(warnings.filter((w) => w.includes("retrying"))).toHaveLength(2);
    const mail = sink.received[0]!;
    expect(mail.envelopeTo).toEqual(["jo@example.org"]);
    expect(mail.parsed.text).toContain("alice-okafor → jo-pereira");
    expect(mail.parsed.html).toContain("<strong>Rota changed from the week of 2027-01-06</strong>");
    expect(mail.raw).not.toMatch(/^List-Unsubscribe:/m);
  });

  it("held messages wait for the digest, and go as one message per recipient", async () => {
    const second: PlannedMessage = {
      ...toJo,
      key: "woken:x>email:jo@example.org",
      event: { ...event, id: "woken:x", kind: "woken", headline: "Woken in the night" },
      when: "held",
    };
    notifier.deliver({
      plan: [{ ...toJo, key: "other>email:jo@example.org", when: "held" }, second],
      notify,
      zone: "Europe/London",
    });
    await notifier.idle();
    expect(sink.received).toHaveLength(1);
    notifier.flushDigests({ extra: [], notify, zone: "Europe/London", heading: "While you were away" });
    await notifier.idle();
    expect(sink.received).toHaveLength(2);
    expect(sink.received[1]?.parsed.subject).toBe("[Firstline] While you were away (2)");
  });
});
