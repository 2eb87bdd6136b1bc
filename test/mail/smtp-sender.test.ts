import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMessageId, isPlainAddress, singleLine } from "../../src/mail/header-safety.js";
import { smtpSender, smtpSenderFromEnv } from "../../src/mail/smtp-sender.js";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink.js";

describe("sending mail through a real SMTP server", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
  });

  it("delivers text and HTML parts with threading and unsubscribe headers", async () => {
    const sender = smtpSender(sink.url);
    const sent = await sender.send({
      from: "Northgate Support <support@northgate.example>",
      to: ["ana@riverside.example"],
      cc: ["ops@riverside.example"],
      replyTo: "support+abc123@northgate.example",
      subject: "Re: [riverside #12] Checkout is down",
      text: "We are on it.",
      html: "<p>We are on it.</p>",
      messageId: "<ticket-12-2@northgate.example>",
      inReplyTo: "<ticket-12-1@northgate.example>",
      references: ["<ticket-12-1@northgate.example>"],
      listUnsubscribe: "https://northgate.example/unsubscribe?u=ana",
    });
    sender.close();
    expect(sent.accepted).toEqual(["ana@riverside.example", "ops@riverside.example"]);
    const [mail] = await sink.waitFor(1);
    expect(mail?.envelopeTo).toEqual(["ana@riverside.example", "ops@riverside.example"]);
    expect(mail?.parsed.subject).toBe("Re: [riverside #12] Checkout is down");
    expect(mail?.parsed.text?.trim()).toBe("We are on it.");
    expect(mail?.parsed.html).toContain("<p>We are on it.</p>");
    expect(mail?.parsed.messageId).toBe("<ticket-12-2@northgate.example>");
    expect(mail?.parsed.inReplyTo).toBe("<ticket-12-1@northgate.example>");
    expect(mail?.raw).toContain("List-Unsubscribe: <https://northgate.example/unsubscribe?u=ana>");
    expect(mail?.raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  });

  it("keeps a subject built from hostile text on one header line", async () => {
    const before = sink.received.length;
    const sender = smtpSender(sink.url);
    await sender.send({
      from: "support@northgate.example",
      to: ["ana@riverside.example"],
      subject: "Help\r\nBcc: victim@evil.example\r\nX-Injected: yes",
      text: "body",
    });
    sender.close();
    const all = await sink.waitFor(before + 1);
    const mail = all[before];
    expect(mail?.envelopeTo).toEqual(["ana@riverside.example"]);
    expect(mail?.parsed.headers.has("x-injected")).toBe(false);
    expect(mail?.parsed.subject).toBe("Help Bcc: victim@evil.example X-Injected: yes");
  });

  it("refuses an address list or a display name smuggled into a recipient", async () => {
    const sender = smtpSender(sink.url);
    await expect(
      sender.send({
        from: "a@b.example",
        to: ["ana@riverside.example, victim@evil.example"],
        subject: "s",
        text: "t",
      }),
    ).rejects.toThrow(/not one plain email address/);
    await expect(
      sender.send({
        from: "a@b.example",
        to: ["ana@riverside.example"],
        subject: "s",
        text: "t",
        inReplyTo: "<x>\r\nBcc: y@z.example",
      }),
    ).rejects.toThrow(/message id/);
    sender.close();
  });

  it("fails, for the caller to retry, when the server answers a temporary failure", async () => {
    const before = sink.received.length;
    sink.failNext(1);
    const sender = smtpSender(sink.url);
    await expect(
      sender.send({ from: "a@b.example", to: ["ana@riverside.example"], subject: "s", text: "t" }),
    ).rejects.toThrow(/451|Temporary/);
    await sender.send({ from: "a@b.example", to: ["ana@riverside.example"], subject: "s", text: "t" });
    sender.close();
    expect((await sink.waitFor(before + 1)).length).toBe(before + 1);
  });

  it("reads SMTP_URL from the environment, and says what is wrong with a bad one", () => {
    expect(smtpSenderFromEnv({})).toBeNull();
    expect(() => smtpSenderFromEnv({ SMTP_URL: "http://mail.example" })).toThrow(/SMTP_URL/);
    const sender = smtpSenderFromEnv({ SMTP_URL: sink.url });
    expect(sender).not.toBeNull();
    sender?.close();
  });
});

describe("header safety", () => {
  it("flattens line breaks and control characters", () => {
    expect(singleLine("a\r\nb\u0000c\u2028d")).toBe("a b c d");
  });
  it("knows a plain address and a message id", () => {
    expect(isPlainAddress("ana@riverside.example")).toBe(true);
    expect(isPlainAddress("Ana <ana@riverside.example>")).toBe(false);
    expect(isMessageId("<a.b@c.example>")).toBe(true);
    expect(isMessageId("<a b@c>")).toBe(false);
  });
});
