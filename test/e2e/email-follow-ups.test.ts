import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed, AUTOMATION_USER } from "../../dev/demo/agency-seed.js";
import { dataLine } from "../../src/core/markers.js";
import { fetchTicket } from "../../src/github/ticket-query.js";
import { transportOf } from "../../src/github/transport.js";
import { replyToken } from "../../src/mail/reply-token.js";
import { ensureDovecot, type RunningDovecot } from "../helpers/dovecot.js";
import { skipWithoutServer } from "../helpers/debian-package.js";
import type { SmtpSink } from "../helpers/smtp-sink.js";
import type { Stack } from "./harness.js";
import { comment, issueOf } from "./helpers.js";
import { emailSeed, mail, MAIL_SECRET, startEmailStack, type EmailStack } from "./email-helpers.js";

const available = ensureDovecot();
const skip = skipWithoutServer(available);

const REPO = "riverside/tenant-portal";
const JO = "jo.bloggs@riverside-housing.example";

/** The seed, with an issue another app opened carrying an email ticket's markers, copied. */
function seedWithForgery() {
  const seed = emailSeed(agencySeed);
  return {
    ...seed,
    issues: [
      ...(seed.issues ?? []),
      {
        repo: REPO,
        title: "Imported from another helpdesk",
        author: AUTOMATION_USER,
        createdAt: "2026-12-02T09:00:00Z",
        body: [
          "<!-- firstline:email-ticket:0123456789abcdef0123456789abcdef -->",
          "Please answer me by email.",
          "<!-- firstline:requester:0123456789abcdef -->",
          dataLine({
            requester: "victim@elsewhere.example",
            requesterName: "",
            cc: [],
            subject: "Hi",
            thread: ["<x@elsewhere.example>"],
          }),
        ].join("\n"),
      },
    ],
  };
}

describe.skipIf(skip)("email tickets: notices, retries, closed tickets (Dovecot IMAP, SMTP)", () => {
  let email: EmailStack;
  let stack: Stack;
  let dovecot: RunningDovecot;
  let smtp: SmtpSink;
  const takeIn = () => email.takeIn();
  /** What reached her (the same server also carries the staff's notifications). */
  const toJo = () => smtp.received.filter((m) => m.envelopeTo.includes(JO));
  const issuesIn = (repo: string) => email.issuesIn(repo);
  const setState = async (number: number, state: "open" | "closed", at: string) => {
    stack.emulator.clock.set(new Date(at));
    const [owner = "", repo = ""] = REPO.split("/");
    await stack.as("erin-walsh").rest.issues.update({ owner, repo, issue_number: number, state });
    await stack.settle();
  };
  const joWrites = async (params: {
    at: string;
    messageId: string;
    to: string;
    inReplyTo: string;
    text: string;
  }) => {
    stack.emulator.clock.set(new Date(params.at));
    await dovecot.append(
      mail({
        from: `Jo Bloggs <${JO}>`,
        to: params.to,
        subject: "Re: Tenant portal login is broken",
        messageId: params.messageId,
        inReplyTo: params.inReplyTo,
        text: params.text,
      }),
    );
    return takeIn();
  };

  beforeAll(async () => {
    email = await startEmailStack({ seed: seedWithForgery(), now: new Date("2026-12-02T10:00:00Z") });
    ({ stack, dovecot, smtp } = email);
  }, 60_000);
  afterAll(async () => {
    await email?.close();
  });

  let ticket = 0;
  let replyTo = "";
  it("a staff reply the mail server refuses is kept, and sent once on the next pass", async () => {
    await dovecot.append(
      mail({
        from: `Jo Bloggs <${JO}>`,
        subject: "Tenant portal login is broken",
        messageId: "<first.1@riverside-housing.example>",
        text: "The login page is broken.",
      }),
    );
    expect(await takeIn()).toMatchObject({ status: 200, tickets: 1 });
    const opened = issuesIn(REPO).find((i) => i.author === "firstline[bot]");
    if (!opened) throw new Error("no ticket");
    ticket = opened.number;
    replyTo = `support+${replyToken({ secret: MAIL_SECRET, repo: REPO, number: ticket })}@northgate.example`;
    expect(toJo()).toHaveLength(1); // the needs-info question
    smtp.failNext(1);
    await comment(stack, {
      as: "erin-walsh",
      repo: REPO,
      number: ticket,
      at: "2026-12-02T11:00:00Z",
      body: "Sorry about that, Jo. Which browser are you using?",
    });
    expect(toJo()).toHaveLength(1);
    await takeIn();
    const [, sent] = toJo();
    expect(sent?.parsed.text).toContain("Which browser are you using?");
    expect(sent?.parsed.inReplyTo).toBe("<first.1@riverside-housing.example>");
    expect(sent?.parsed.replyTo?.value[0]?.address).toBe(replyTo);
    // Sent once: later passes and a redelivered webhook send nothing more.
    await takeIn();
    const delivery = stack.emulator
      .deliveries()
      .filter((d) => d.event === "issue_comment")
      .at(-1);
    if (delivery) stack.emulator.redeliver(delivery.id);
    await stack.settle();
    expect(toJo()).toHaveLength(2);
  });

  it("the reminder while the ticket waits on her goes to her by email, once, threaded", async () => {
    stack.emulator.clock.set(new Date("2026-12-09T11:00:00Z"));
    await stack.sweep();
    const reminder = issueOf(stack, REPO, ticket).comments.find((c) =>
      c.body.includes("firstline:waiting-reminder:"),
    );
    expect(reminder).toBeDefined();
    const [, , sent] = toJo();
    expect(sent?.envelopeTo).toEqual([JO]);
    expect(sent?.parsed.text).toContain("still waiting for your reply");
    expect(sent?.parsed.inReplyTo).toBe("<first.1@riverside-housing.example>");
    expect(sent?.parsed.replyTo?.value[0]?.address).toBe(replyTo);
    await stack.sweep();
    expect(toJo()).toHaveLength(3);
  });

  it("the chargeable note goes to her in words for her; the lead and the reason stay on GitHub", async () => {
    await comment(stack, {
      as: "erin-walsh",
      repo: REPO,
      number: ticket,
      at: "2026-12-09T11:30:00Z",
      body: "/chargeable L a new reporting module they never paid for",
    });
    const [, , , sent] = toJo();
    expect(sent?.parsed.text).toContain("chargeable work");
    expect(sent?.parsed.text).not.toContain("never paid for");
    expect(sent?.parsed.inReplyTo).toBe("<first.1@riverside-housing.example>");
    expect(toJo()).toHaveLength(4);
  });

  it("her reply to a ticket closed lately reopens it and lands on it", async () => {
    await setState(ticket, "closed", "2026-12-10T09:00:00Z");
    const result = await joWrites({
      at: "2026-12-14T09:00:00Z",
      messageId: "<again.2@riverside-housing.example>",
      to: replyTo,
      inReplyTo: toJo()[1]?.parsed.messageId ?? "",
      text: "It is broken again since this morning.",
    });
    expect(result).toMatchObject({ tickets: 0, replies: 1 });
    const issue = issueOf(stack, REPO, ticket);
    expect(issue.state).toBe("open");
    expect(issue.comments.some((c) => c.body.includes("It is broken again"))).toBe(true);
  });

  it("her reply to a ticket closed long ago opens a new ticket linking the old one", async () => {
    await setState(ticket, "closed", "2026-12-15T09:00:00Z");
    const before = issuesIn(REPO).length;
    const result = await joWrites({
      at: "2027-02-15T10:00:00Z",
      messageId: "<months.3@riverside-housing.example>",
      to: replyTo,
      inReplyTo: toJo()[1]?.parsed.messageId ?? "",
      text: "The login page is broken once more.",
    });
    expect(result).toMatchObject({ tickets: 1, replies: 0 });
    expect(issueOf(stack, REPO, ticket).state).toBe("closed");
    const issues = issuesIn(REPO);
    expect(issues).toHaveLength(before + 1);
    const fresh = issues.at(-1);
    expect(fresh?.author).toBe("firstline[bot]");
    expect(fresh?.body).toContain(`#${ticket}`);
    expect(fresh?.body).toContain("broken once more");
    expect(fresh?.labels).toContain("client: riverside");
  });

  it("another app's issue with a copied requester marker names no requester and emails nobody", async () => {
    const forged = issuesIn(REPO).find((i) => i.title === "Imported from another helpdesk");
    if (!forged) throw new Error("no seeded issue");
    // The issue is another app's: a bot account of its own, not Firstline's.
    const state = stack.emulator.state;
    state.accounts.set("other-helpdesk[bot]", {
      id: state.nextId(),
      login: "other-helpdesk[bot]",
      type: "Bot",
      name: null,
      email: null,
      createdAt: stack.emulator.clock.now(),
    });
    const record = [...state.issues.values()].find(
      (i) => i.number === forged.number && i.title === forged.title,
    );
    if (!record) throw new Error("no issue record");
    Object.assign(record, { authorLogin: "other-helpdesk[bot]" });
    await comment(stack, {
      as: "erin-walsh",
      repo: REPO,
      number: forged.number,
      at: "2027-02-15T11:00:00Z",
      body: "Answering this one.",
    });
    const snapshot = await fetchTicket({
      gh: transportOf(stack.as(AUTOMATION_USER)),
      repo: REPO,
      number: forged.number,
      botLogin: stack.emulator.botLogin,
    });
    expect(snapshot?.author).toBe("other-helpdesk[bot]");
    await takeIn();
    expect(smtp.received.filter((m) => m.envelopeTo.includes("victim@elsewhere.example"))).toEqual([]);
  });

  it("attachments are copied to the repository's attachments branch, one folder per ticket, and linked", async () => {
    stack.emulator.clock.set(new Date("2027-02-16T10:00:00Z"));
    await dovecot.append(
      mail({
        from: "Sam <sam@glenmore-whisky.example>",
        subject: "Checkout shows the wrong price",
        messageId: "<price.9@glenmore-whisky.example>",
        text: "See the screenshot.",
        attachment: { name: "../My screenshot (1).png", bytes: 3000 },
      }),
    );
    expect(await takeIn()).toMatchObject({ tickets: 1 });
    const issue = issuesIn("glenmore/shop").find((i) => i.title === "Checkout shows the wrong price");
    if (!issue) throw new Error("no ticket");
    const repo = stack.emulator.state.repo("glenmore", "shop");
    if (!repo) throw new Error("no repository");
    const head = repo.branches.get("firstline-attachments");
    expect(head).toBeDefined();
    const files = [...(repo.commits.get(head ?? "")?.tree ?? new Map<string, string>())].filter(([path]) =>
      path.startsWith("ticket-"),
    );
    expect(files).toHaveLength(1);
    const [path = "", content = ""] = files[0] ?? [];
    // A safe name: no folder climbing, no spaces or brackets; the bytes as sent.
    expect(path).toMatch(/^ticket-[0-9a-f]{16}\/[0-9a-f]{12}-My-screenshot-1-.png$/);
    expect(Buffer.from(content, "utf8")).toEqual(Buffer.alloc(3000, 7));
    expect(issue.body).toContain("My screenshot (1).png (2.9 KB, image/png): [stored copy](");
    expect(issue.body).toContain(`/glenmore/shop/blob/firstline-attachments/${path}`);
    // The default branch is untouched.
    expect(repo.branches.get(repo.defaultBranch)).not.toBe(head);
  });
});
