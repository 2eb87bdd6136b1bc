import { describe, expect, it } from "vitest";
import { automaticMailReason } from "../../../src/core/email-tickets/automatic-mail.js";
import { newReplyText } from "../../../src/core/email-tickets/reply-text.js";
import { clientOfAddress, routeMessage } from "../../../src/core/email-tickets/route-message.js";
import { emailTicketIssue, safeMailMarkdown } from "../../../src/core/email-tickets/ticket-text.js";
import { emailDataOf, withEmailRequester } from "../../../src/core/email-tickets/requester.js";
import { isInternalComment } from "../../../src/core/email-tickets/staff-reply-mail.js";
import { fitsWritePace } from "../../../src/core/email-tickets/write-pace.js";
import { parseInbound } from "../../../src/mail/parse-inbound.js";
import {
  digestOf,
  replyToken,
  tokenInAddress,
  tokenInMessageId,
  ticketMessageId,
  verifyReplyToken,
} from "../../../src/mail/reply-token.js";
import { RUNAWAY_MS } from "../../helpers/time-limits.js";

const from = { address: "jo@council.example", name: "Jo" };
const config = {
  clients: [{ id: "acme", repos: ["acme/website"], emailDomains: ["council.example"] }],
  ticketRepos: ["agency/helpdesk"],
  email: { helpdeskRepo: null, ticketsPerSenderPerHour: 5 },
};

describe("automatic mail is never a ticket", () => {
  it.each([
    [{ "auto-submitted": "auto-replied" }, "Hello", /Auto-Submitted/],
    [{ precedence: "bulk" }, "Offer", /Precedence/],
    [{ "list-id": "<x.lists.example>" }, "Digest", /mailing-list/],
    [{ "return-path": "<>" }, "Failure", /bounce/],
    [{ "content-type": "multipart/report; report-type=delivery-status" }, "Failure", /report/],
    [{ "x-autoreply": "yes" }, "Away", /auto-reply/],
    [{}, "Out of Office: Re: your ticket", /automatic subject/],
  ] as const)("%j %s", (headers, subject, reason) => {
    expect(automaticMailReason({ from, headers, subject })).toMatch(reason);
  });
  it("mailer-daemon and no-reply senders", () => {
    expect(
      automaticMailReason({
        from: { address: "mailer-daemon@mx.example", name: "" },
        headers: {},
        subject: "x",
      }),
    ).toMatch(/mailer-daemon/);
    expect(
      automaticMailReason({
        from: { address: "no-reply@service.example", name: "" },
        headers: {},
        subject: "x",
      }),
    ).toMatch(/no-reply/);
  });
  it("a person's mail passes", () => {
    expect(
      automaticMailReason({ from, headers: { "auto-submitted": "no" }, subject: "Login broken" }),
    ).toBeNull();
  });
});

describe("routing", () => {
  const base = { config, ownAddresses: ["support@agency.example"], openedLastHour: 0 };
  it("by the sender's domain, subdomains too; else the helpdesk", () => {
    expect(clientOfAddress(config, "a@council.example")).toEqual({ id: "acme", repo: "acme/website" });
    expect(clientOfAddress(config, "a@parks.council.example")).toEqual({ id: "acme", repo: "acme/website" });
    expect(clientOfAddress(config, "a@evilcouncil.example")).toBeNull();
    expect(
      routeMessage({
        ...base,
        message: { from: { address: "x@else.example", name: "" }, headers: {}, subject: "Hi" },
        token: { kind: "none" },
      }),
    ).toEqual({ kind: "new-ticket", repo: "agency/helpdesk", client: null, forgedToken: false });
  });
  it("a valid token replies; a forged one opens a ticket and appends to none", () => {
    expect(
      routeMessage({
        ...base,
        message: { from, headers: {}, subject: "Re: x" },
        token: { kind: "valid", repo: "acme/website", number: 4 },
      }),
    ).toEqual({ kind: "reply", repo: "acme/website", number: 4 });
    expect(
      routeMessage({ ...base, message: { from, headers: {}, subject: "Re: x" }, token: { kind: "forged" } }),
    ).toMatchObject({ kind: "new-ticket", forgedToken: true });
  });
  it("a sender over the hourly limit and mail from the mailbox itself are ignored", () => {
    expect(
      routeMessage({
        ...base,
        openedLastHour: 5,
        message: { from, headers: {}, subject: "x" },
        token: { kind: "none" },
      }),
    ).toMatchObject({ kind: "ignore" });
    expect(
      routeMessage({
        ...base,
        message: { from: { address: "support+t1-abc@agency.example", name: "" }, headers: {}, subject: "x" },
        token: { kind: "none" },
      }),
    ).toMatchObject({ kind: "ignore" });
  });
});

describe("reply tokens", () => {
  const secret = "s".repeat(40);
  it("sign one ticket; any change is forged", () => {
    const token = replyToken({ secret, repo: "acme/website", number: 12 });
    expect(verifyReplyToken({ secret, token, repos: ["other/repo", "acme/website"] })).toEqual({
      repo: "acme/website",
      number: 12,
    });
    expect(verifyReplyToken({ secret, token: token.replace("t12-", "t13-"), repos: ["acme/website"] })).toBe(
      "forged",
    );
    expect(verifyReplyToken({ secret: "x".repeat(40), token, repos: ["acme/website"] })).toBe("forged");
    expect(verifyReplyToken({ secret, token: "nonsense", repos: ["acme/website"] })).toBe("forged");
  });
  it("ride in the reply address and the Message-ID", () => {
    const token = replyToken({ secret, repo: "acme/website", number: 12 });
    expect(
      tokenInAddress({
        supportAddress: "support@agency.example",
        address: `SUPPORT+${token.toUpperCase()}@agency.example`,
      }),
    ).toBe(token);
    expect(
      tokenInAddress({ supportAddress: "support@agency.example", address: `other+${token}@agency.example` }),
    ).toBeNull();
    expect(
      tokenInMessageId(ticketMessageId({ token, unique: "c55", supportAddress: "support@agency.example" })),
    ).toBe(token);
  });
});

describe("mail text on a ticket", () => {
  it("mentions, markers, HTML, images, headings and commands are neutralised", () => {
    const safe = safeMailMarkdown(
      "@alice @org/team\n<!-- firstline:card -->\n<script>alert(1)</script>\n# Big\n/chargeable XL\n![x](https://track.example/p.gif)\n[click](javascript:alert(1))",
    );
    expect(safe).not.toMatch(/@[A-Za-z]/);
    expect(safe).not.toContain("<!--");
    expect(safe).not.toContain("<script>");
    expect(safe).not.toMatch(/^#/m);
    expect(safe).not.toMatch(/^\/chargeable/m);
    expect(safe).not.toContain("![x](");
    expect(safe).not.toMatch(/[^\\]\]\(javascript:/);
  });
  it("quoted history and signatures are trimmed from replies", () => {
    expect(newReplyText("Yes, Firefox.\n\n-- \nJo\nCouncil")).toBe("Yes, Firefox.");
    expect(newReplyText("Thanks\n\nOn Tue, 1 Dec 2026, Support wrote:\n> old")).toBe("Thanks");
    expect(newReplyText("Fine\nFrom: Support\nSent: Monday\nold")).toBe("Fine");
    expect(newReplyText("> quoted\nnew")).toBe("new");
  });
  it("a huge or hostile body is handled in linear time", () => {
    const started = Date.now();
    newReplyText(`${"> ".repeat(200_000)}\n${"On ".repeat(100_000)}`);
    safeMailMarkdown(`${"@a ".repeat(200_000)}${"<!--".repeat(50_000)}`);
    expect(Date.now() - started).toBeLessThan(RUNAWAY_MS);
  });
  it("the ticket body carries the requester's data, read back only from an app's issue", () => {
    const message = {
      messageId: "<m1@council.example>",
      from,
      to: [],
      cc: [{ address: "boss@council.example", name: "" }],
      subject: "Broken",
      inReplyTo: null,
      references: [],
      headers: {},
      text: "Help",
      attachments: [],
      date: 0,
      problems: [],
    };
    const issue = emailTicketIssue({ message, digest: digestOf });
    expect(emailDataOf(issue.body)).toMatchObject({
      requester: "jo@council.example",
      cc: ["boss@council.example"],
      thread: ["<m1@council.example>"],
    });
    const snapshot = {
      repo: "acme/website",
      number: 1,
      title: issue.title,
      body: issue.body,
      state: "open" as const,
      createdAt: 0,
      labels: [],
      assignees: [],
      events: [],
      comments: [],
    };
    const botLogin = "firstline[bot]";
    const read = (author: string, login: string | null = botLogin) =>
      withEmailRequester({ snapshot: { ...snapshot, author }, botLogin: login }).author;
    expect(read("firstline[bot]")).toMatch(/^email:/);
    expect(read("FirstLine[bot]")).toMatch(/^email:/);
    expect(read("mallory")).toBe("mallory");
    // Another app's issue with the same markers names no requester: only Firstline's own do.
    expect(read("other-app[bot]")).toBe("other-app[bot]");
    expect(read("firstline[bot]", null)).toBe("firstline[bot]");
  });
  it("internal comments stay on GitHub", () => {
    expect(isInternalComment("/internal\nlocked by the nightly job")).toBe(true);
    expect(isInternalComment("/priority P2")).toBe(true);
    expect(isInternalComment("Which browser?")).toBe(false);
  });
  it("the write pace", () => {
    expect(fitsWritePace({ done: [[0, 78]], now: 30_000, count: 2 })).toBe(true);
    expect(fitsWritePace({ done: [[0, 79]], now: 30_000, count: 2 })).toBe(false);
    expect(fitsWritePace({ done: [[0, 499]], now: 30 * 60_000, count: 2 })).toBe(false);
  });
});

describe("parsing hostile messages never throws", () => {
  const parse = (raw: string | Buffer) =>
    parseInbound({
      raw: Buffer.isBuffer(raw) ? raw : Buffer.from(raw, "latin1"),
      fallbackId: "uid-1",
      receivedAt: 0,
    });
  it("HTML only: turned into text", async () => {
    const message = await parse(
      "From: a@b.example\r\nSubject: x\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hello <b>there</b></p><script>steal()</script><img src=x onerror=alert(1)>",
    );
    expect(message.text).toContain("Hello");
    expect(safeMailMarkdown(message.text)).not.toContain("<");
  });
  it("Latin-1 and a charset nobody knows", async () => {
    const latin = await parse(
      Buffer.concat([
        Buffer.from(
          "From: a@b.example\r\nSubject: =?ISO-8859-1?Q?Caf=E9?=\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\n",
        ),
        Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      ]),
    );
    expect(latin.subject).toBe("Café");
    expect(latin.text).toContain("café");
    const unknown = await parse(
      "From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain; charset=x-nonsense-42\r\n\r\nhello \xff\xfe",
    );
    expect(unknown.text).toContain("hello");
  });
  it("no headers, no Message-ID, garbage", async () => {
    const garbage = await parse(Buffer.from([0, 1, 2, 255, 13, 10, 13, 10, 200, 201]));
    expect(garbage.messageId).toMatch(/^<.+@.+>$/);
    expect(garbage.from).toBeNull();
    const broken = await parse(
      'Content-Type: multipart/mixed; boundary="zz"\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nhalf a message',
    );
    expect(broken.text).toContain("half a message");
  });
});
