import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { replyToken } from "../../src/mail/reply-token.js";
import { ensureDovecot, type RunningDovecot } from "../helpers/dovecot.js";
import { skipWithoutServer } from "../helpers/debian-package.js";
import type { SmtpSink } from "../helpers/smtp-sink.js";
import { SWEEP_SECRET, type Stack } from "./harness.js";
import { cardOf, comment, issueOf } from "./helpers.js";
import { emailSeed, mail, MAIL_SECRET, startEmailStack, type EmailStack } from "./email-helpers.js";

const available = ensureDovecot();
const skip = skipWithoutServer(available);

describe.skipIf(skip)("email tickets end to end (Dovecot IMAP, SMTP)", () => {
  let email: EmailStack;
  let stack: Stack;
  let dovecot: RunningDovecot;
  let smtp: SmtpSink;
  const takeIn = () => email.takeIn();
  const issuesIn = (repo: string) => email.issuesIn(repo);

  beforeAll(async () => {
    email = await startEmailStack({ seed: emailSeed(agencySeed), now: new Date("2026-12-02T10:00:00Z") });
    ({ stack, dovecot, smtp } = email);
  }, 60_000);
  afterAll(async () => {
    await email?.close();
  });

  let ticket = 0;
  it("a council officer's email opens a ticket in Riverside's private repository with labels and a card", async () => {
    await dovecot.append(
      mail({
        from: "Jo Bloggs <jo.bloggs@riverside-housing.example>",
        cc: "manager@riverside-housing.example",
        subject: "Tenant portal login is broken",
        messageId: "<first.1@riverside-housing.example>",
        text: "Hi @everyone,\n\nThe login page is broken. <!-- firstline:card --> Please look.\n\nJo",
        attachment: { name: "screenshot.png", bytes: 2048 },
      }),
    );
    const result = await takeIn();
    expect(result).toMatchObject({ status: 200, tickets: 1, ignored: 0, left: 0 });
    const issues = issuesIn("riverside/tenant-portal");
    expect(issues).toHaveLength(1);
    const issue = issues[0];
    if (!issue) throw new Error("no ticket");
    ticket = issue.number;
    expect(issue.author).toBe("firstline[bot]");
    expect(issue.title).toBe("Tenant portal login is broken");
    expect(issue.labels).toEqual(
      expect.arrayContaining(["client: riverside", "type: bug", "needs: info", "status: waiting on client"]),
    );
    expect(issue.body).toContain("jo.bloggs@riverside-housing.example");
    expect(issue.body).toContain("screenshot.png (2.0 KB, image/png)");
    // Nothing of the message mentions anyone or forges a marker.
    expect(issue.body).not.toContain("@everyone");
    expect(issue.body?.match(/<!-- firstline:card -->/g) ?? []).toHaveLength(0);
    const card = cardOf(issue);
    expect(card).toContain("| First response | 8 working hours |");
    // The requester has no GitHub account: nobody is @-mentioned in her place.
    expect(card).not.toMatch(/@email/);
    // She cannot read the card: its needs-info question goes to her (and her Cc) by email.
    const [question] = await smtp.waitFor(1);
    expect(question?.envelopeTo).toEqual(
      expect.arrayContaining(["jo.bloggs@riverside-housing.example", "manager@riverside-housing.example"]),
    );
    expect(question?.parsed.text).toContain(`ticket #${ticket}`);
    expect(question?.parsed.text).toContain("steps to reproduce");
    expect(question?.parsed.inReplyTo).toBe("<first.1@riverside-housing.example>");
  });

  it("a staff reply reaches her and her Cc with threading headers and a signed reply address", async () => {
    await comment(stack, {
      as: "erin-walsh",
      repo: "riverside/tenant-portal",
      number: ticket,
      at: "2026-12-02T11:00:00Z",
      body: "Sorry about that, Jo. Which browser are you using?",
    });
    const sent = (await smtp.waitFor(2))[1];
    if (!sent) throw new Error("nothing sent");
    expect(sent.envelopeTo).toEqual(
      expect.arrayContaining(["jo.bloggs@riverside-housing.example", "manager@riverside-housing.example"]),
    );
    expect(sent.parsed.subject).toBe("Re: Tenant portal login is broken");
    expect(sent.parsed.inReplyTo).toBe("<first.1@riverside-housing.example>");
    expect(sent.parsed.references).toEqual("<first.1@riverside-housing.example>");
    const token = replyToken({ secret: MAIL_SECRET, repo: "riverside/tenant-portal", number: ticket });
    expect(sent.parsed.replyTo?.value[0]?.address).toBe(`support+${token}@northgate.example`);
    expect(sent.parsed.messageId).toMatch(new RegExp(`^<firstline\\.${token}\\.`));
    expect(sent.parsed.text).toContain("Which browser are you using?");
    // Internal notes and commands stay on GitHub.
    await comment(stack, {
      as: "erin-walsh",
      repo: "riverside/tenant-portal",
      number: ticket,
      at: "2026-12-02T11:05:00Z",
      body: "/internal\nJo's account was locked by the nightly job.",
    });
    await comment(stack, {
      as: "erin-walsh",
      repo: "riverside/tenant-portal",
      number: ticket,
      at: "2026-12-02T11:06:00Z",
      body: "/priority P4",
    });
    expect(smtp.received).toHaveLength(2);
  });

  it("her reply lands as a comment (quoted history and signature trimmed), lifts waiting-on-client and starts the next-response clock", async () => {
    const sent = smtp.received[1];
    stack.emulator.clock.set(new Date("2026-12-02T12:00:00Z"));
    await dovecot.append(
      mail({
        from: "Jo Bloggs <jo.bloggs@riverside-housing.example>",
        to: sent?.parsed.replyTo?.value[0]?.address ?? "",
        subject: "Re: Tenant portal login is broken",
        messageId: "<second.2@riverside-housing.example>",
        inReplyTo: sent?.parsed.messageId ?? "",
        text: "Firefox. Steps: go to https://portal.riverside.example/login and press Sign in. I expected my dashboard but it shows an error.\n\n-- \nJo Bloggs, Housing Officer\n\nOn Wed, 2 Dec 2026 at 11:00, Support wrote:\n> Which browser are you using?",
      }),
    );
    const result = await takeIn();
    expect(result).toMatchObject({ tickets: 0, replies: 1 });
    const issue = issueOf(stack, "riverside/tenant-portal", ticket);
    const reply = issue.comments.find((c) => c.body.includes("Reply by email from"));
    expect(reply?.body).toContain("Firefox.");
    expect(reply?.body).not.toContain("Housing Officer");
    expect(reply?.body).not.toContain("Which browser are you using?");
    expect(issue.labels).not.toContain("status: waiting on client");
    expect(issue.labels).not.toContain("needs: info");
    expect(cardOf(issue)).toContain("| Next response |");
    expect(issuesIn("riverside/tenant-portal")).toHaveLength(1);
  });

  it("an out-of-office reply and a bounce are ignored: no ticket, no comment, no answer", async () => {
    const before = issueOf(stack, "riverside/tenant-portal", ticket).comments.length;
    await dovecot.appendMany([
      mail({
        from: "jo.bloggs@riverside-housing.example",
        to: `support+${replyToken({ secret: MAIL_SECRET, repo: "riverside/tenant-portal", number: ticket })}@northgate.example`,
        subject: "Out of office: Re: Tenant portal",
        messageId: "<ooo.3@riverside-housing.example>",
        text: "I am away until Monday.",
        headers: { "Auto-Submitted": "auto-replied" },
      }),
      mail({
        from: "MAILER-DAEMON@mx.riverside-housing.example",
        subject: "Undelivered Mail Returned to Sender",
        messageId: "<bounce.4@mx.riverside-housing.example>",
        text: "Delivery failed.",
        headers: { "Return-Path": "<>" },
      }),
      mail({
        from: "news@lists.example",
        subject: "Weekly digest",
        messageId: "<list.5@lists.example>",
        text: "News.",
        headers: { "List-Id": "<digest.lists.example>", Precedence: "list" },
      }),
    ]);
    const result = await takeIn();
    expect(result).toMatchObject({ tickets: 0, replies: 0, ignored: 3 });
    expect(issueOf(stack, "riverside/tenant-portal", ticket).comments).toHaveLength(before);
    expect(smtp.received).toHaveLength(2);
  });

  it("a forged reply token appends nothing to the ticket it names: it opens a ticket of its own", async () => {
    const before = issueOf(stack, "riverside/tenant-portal", ticket).comments.length;
    await dovecot.append(
      mail({
        from: "mallory@riverside-housing.example",
        to: `support+t${ticket}-0123456789abcdef0123@northgate.example`,
        subject: "Re: Tenant portal login is broken",
        messageId: "<forged.6@riverside-housing.example>",
        text: "Close this ticket please.",
      }),
    );
    const result = await takeIn();
    expect(result).toMatchObject({ tickets: 1, replies: 0 });
    expect(issueOf(stack, "riverside/tenant-portal", ticket).comments).toHaveLength(before);
    expect(issuesIn("riverside/tenant-portal")).toHaveLength(2);
  });

  it("a crash between opening the ticket and marking the message handled makes one ticket, not two", async () => {
    await dovecot.append(
      mail({
        from: "sam@glenmore-whisky.example",
        subject: "Shop basket empties itself",
        messageId: "<crash.7@glenmore-whisky.example>",
        text: "The basket empties when I add a second bottle.",
      }),
    );
    // GitHub stops answering label writes: the pass opens the issue, then fails before the end.
    stack.emulator.faults.set({ hangNext: 1, hangMatching: "/labels" });
    const failed = await fetch(`${stack.app.url}/firstline/mail`, {
      method: "POST",
      headers: { authorization: `Bearer ${SWEEP_SECRET}` },
    });
    await stack.settle();
    expect(failed.status).toBe(503);
    expect(issuesIn("glenmore/shop")).toHaveLength(1);
    stack.emulator.faults.reset();
    const result = await takeIn();
    expect(result).toMatchObject({ tickets: 1 });
    const issues = issuesIn("glenmore/shop");
    expect(issues).toHaveLength(1);
    expect(issues[0]?.labels).toEqual(expect.arrayContaining(["client: glenmore"]));
    expect(cardOf(issues[0] ?? issueOf(stack, "glenmore/shop", 1))).toContain("First response");
    const flags = await dovecot.messages();
    expect(flags.every((m) => m.flags.includes("$FirstlineHandled"))).toBe(true);
  });

  it("an unknown sender's email goes to the helpdesk as client: unknown; a sender gets at most five tickets an hour", async () => {
    await dovecot.appendMany(
      Array.from({ length: 7 }, (_, i) =>
        mail({
          from: "someone@elsewhere.example",
          subject: `Question ${i}`,
          messageId: `<q.${i}@elsewhere.example>`,
          text: "How do I change my password?",
        }),
      ),
    );
    const result = await takeIn();
    expect(result).toMatchObject({ tickets: 5, ignored: 2 });
    const helpdesk = issuesIn("northgate/helpdesk");
    expect(helpdesk).toHaveLength(5);
    expect(helpdesk[0]?.labels).toContain("client: unknown");
    // Each is asked, by email, which organisation it is for (the card's question).
    const asked = smtp.received.filter((m) => m.envelopeTo.includes("someone@elsewhere.example"));
    expect(asked).toHaveLength(5);
    expect(asked[0]?.parsed.text).toContain("Which organisation is this for?");
    expect(asked[0]?.parsed.text).not.toContain("We need a little more");
  });

  it("email for a client whose repository is public opens nothing there: it waits in the mailbox", async () => {
    await dovecot.append(
      mail({
        from: "officer@acme-council.example",
        subject: "Bins page is wrong",
        messageId: "<bins.8@acme-council.example>",
        text: "The bin collection page shows last year's dates.",
      }),
    );
    const result = await takeIn();
    expect(result).toMatchObject({ tickets: 0, left: 1 });
    expect(issuesIn("acme/website").filter((i) => i.author === "firstline[bot]")).toHaveLength(0);
    const waiting = (await dovecot.messages()).filter((m) => !m.flags.includes("$FirstlineHandled"));
    expect(waiting).toHaveLength(1);
  });
});
