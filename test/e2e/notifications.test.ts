import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import { siteDownPayload } from "../../dev/demo/alert-payloads.js";
import { SlackStandin } from "../../dev/emulator/slack/slack-standin.js";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink.js";
import { startStack, type Stack } from "./harness.js";
import { issueOf, openIssue } from "./helpers.js";
import { OUTAGE, sweepAt } from "./pager-helpers.js";

const TOKEN = "xoxb-test-token";
const SUPPORT = "C0SUPPORT";
const ACME = "C0ACME";

const SWAPPED = readFileSync("rota/support.yml", "utf8")
  .replace("2027-01-06: { developer: alice-okafor,", "2027-01-06: { developer: JO,")
  .replace("2027-01-13: { developer: jo-pereira,", "2027-01-13: { developer: alice-okafor,")
  .replace("developer: JO,", "developer: jo-pereira,");

const allText = (m: {
  text: string;
  blocks: readonly { text?: { text: string }; elements?: readonly { text: string }[] }[];
}) =>
  [m.text, ...m.blocks.flatMap((b) => [b.text?.text ?? "", ...(b.elements ?? []).map((e) => e.text)])].join(
    "\n",
  );

describe("Slack and email notifications end to end", () => {
  let stack: Stack;
  let slack: SlackStandin;
  let smtp: SmtpSink;
  const open = (at: string, title: string) =>
    openIssue(stack, { as: "pat", repo: "acme/website", at, title, body: OUTAGE });

  beforeAll(async () => {
    slack = await new SlackStandin({
      token: TOKEN,
      channels: [SUPPORT, ACME],
      members: ["U0ALICE", "U0ERIN", "U0HAMZA", "U0DANA"],
      now: () => stack.emulator.clock.now().getTime(),
    }).start();
    smtp = await startSmtpSink();
    stack = await startStack({
      seed: agencySeed(),
      now: new Date("2026-12-02T09:00:00Z"),
      env: { SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: slack.apiUrl, SMTP_URL: smtp.url },
    });
  });
  afterAll(async () => {
    await stack.close();
    await slack.close();
    await smtp.close();
  });

  it("a P1 at 11:00 reaches the support channel at once, and its breach later lands in the same thread", async () => {
    const number = await open("2026-12-02T11:00:00Z", "Website down for everyone");
    const top = slack.in(SUPPORT).filter((m) => m.threadTs === null && m.text.includes(`#${number}`));
    expect(top).toHaveLength(1);
    expect(allText(top[0]!)).toContain("New P1 ticket");
    expect(allText(top[0]!)).toContain("Website down for everyone");
    expect(slack.in(ACME).filter((m) => m.text.includes(`#${number}`))).toHaveLength(1);
    // The thread is kept on the ticket, by Firstline.
    const kept = issueOf(stack, "acme/website", number).comments.filter((c) =>
      c.body.includes(`firstline:slack-thread:${SUPPORT}:${top[0]!.ts}`),
    );
    expect(kept).toHaveLength(1);

    await sweepAt(stack, "2026-12-02T15:00:00Z");
    const thread = slack.in(SUPPORT).filter((m) => m.threadTs === top[0]!.ts);
    expect(thread.some((m) => allText(m).includes("SLA breached"))).toBe(true);
    // A second sweep (or one overlapping it) tells nobody again.
    const before = slack.messages.length;
    await sweepAt(stack, "2026-12-02T15:05:00Z");
    expect(slack.messages.length).toBe(before);
  });

  it("a title with <!channel> and a disguised link arrives inert", async () => {
    const number = await open(
      "2026-12-02T11:30:00Z",
      "Site down <!channel> <@U0ALICE> see <https://evil.example|click> & *bold*",
    );
    const message = slack.in(SUPPORT).find((m) => m.threadTs === null && m.text.includes(`#${number}`));
    const text = allText(message!);
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<@U0ALICE>");
    expect(text).not.toContain("<https://evil.example");
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).toContain("&lt;https://evil.example|click&gt; &amp;");
  });

  it("a merged swap emails the two people and their delivery leads once, even when the push is delivered twice", async () => {
    stack.emulator.clock.set(new Date("2026-12-03T11:00:00Z"));
    const before = smtp.received.length;
    stack.emulator.push("northgate/support", {
      branch: "main",
      files: { "rota/support.yml": SWAPPED },
      message: "Merge pull request #12 from northgate/swap-jan\n\nSwap my January week with Jo",
      sender: "alice-okafor",
    });
    await stack.settle();
    const mails = await smtp.waitFor(before + 4);
    const delivery = stack.emulator
      .deliveries()
      .filter((d) => d.event === "push")
      .at(-1);
    stack.emulator.redeliver(delivery?.id ?? "");
    stack.emulator.redeliver(delivery?.id ?? "");
    await stack.settle();
    const mine = smtp.received.slice(before);
    expect(mine).toHaveLength(4);
    expect(mine.flatMap((m) => m.envelopeTo).sort()).toEqual([
      "alice@northgate.example",
      "dana@northgate.example",
      "jo@northgate.example",
      "lee@northgate.example",
    ]);
    const first = mails[before]!;
    expect(first.parsed.subject).toContain("Rota changed from the week of 2027-01-06");
    expect(first.parsed.text).toContain("Week 2027-01-06, developer: alice-okafor → jo-pereira");
    expect(first.parsed.text).toMatch(/\/northgate\/support\/pull\/12$/m);
    expect(first.parsed.html).toContain("<li>Week 2027-01-06, developer: alice-okafor → jo-pereira</li>");
  });

  it("a sweep at 03:00 sends only the page; what waited arrives in one digest at the start of working hours", async () => {
    const posted = slack.messages.length;
    const mailed = smtp.received.length;
    const number = await open("2026-12-05T03:00:00Z", "Website down at night");
    await sweepAt(stack, "2026-12-05T03:00:30Z");
    const night = slack.messages.slice(posted);
    expect(night.length).toBeGreaterThan(0);
    expect(night.every((m) => m.channel === "U0ALICE" && allText(m).includes("Paged"))).toBe(true);
    const nightMail = smtp.received.slice(mailed);
    expect(
      nightMail.every(
        (m) => m.envelopeTo.includes("alice@northgate.example") && (m.parsed.subject ?? "").includes("Paged"),
      ),
    ).toBe(true);

    await sweepAt(stack, "2026-12-07T10:05:00Z");
    const digests = slack.messages.slice(posted).filter((m) => allText(m).includes("While you were away"));
    // One digest per recipient: the support channel, and the client's channel for its new P1.
    expect(digests.map((m) => m.channel).sort()).toEqual([ACME, SUPPORT]);
    const desk = allText(digests.find((m) => m.channel === SUPPORT)!);
    expect(desk).toContain(`#${number}`);
    expect(desk).toContain("Support desk on 2026-12-07");
  });

  it("Slack answering 429 twice, then accepting, delivers the message once", async () => {
    slack.rateLimit(2, 3);
    const requests = slack.server.requests.length;
    const number = await open("2026-12-07T11:00:00Z", "Checkout broken");
    const statuses = slack.server.requests.slice(requests).map((r) => r.status);
    expect(statuses.slice(0, 3)).toEqual([429, 429, 200]);
    expect(slack.in(SUPPORT).filter((m) => m.text.includes(`#${number}`))).toHaveLength(1);
  });

  it("an Alertmanager alert at night pages the on-call engineer on Slack and by email, and nothing else", async () => {
    const posted = slack.messages.length;
    const mailed = smtp.received.length;
    stack.emulator.clock.set(new Date("2026-12-08T02:00:00Z"));
    const fired = await stack.alert(siteDownPayload({ status: "firing", startsAt: "2026-12-08T01:58:00Z" }));
    expect(fired.status).toBe(200);
    const night = slack.messages.slice(posted);
    expect(night.map((m) => m.channel)).toEqual(["U0ALICE"]);
    expect(allText(night[0]!)).toContain("not answering");
    expect(smtp.received.slice(mailed).map((m) => m.envelopeTo.join())).toEqual(["alice@northgate.example"]);
  });

  it("the weekly announcement at handover reaches the support channel, and by email those who opted in, with List-Unsubscribe", async () => {
    const posted = slack.messages.length;
    const mailed = smtp.received.length;
    await sweepAt(stack, "2026-12-09T10:02:00Z");
    await sweepAt(stack, "2026-12-09T10:07:00Z");
    const announced = slack.messages
      .slice(posted)
      .filter((m) => m.channel === SUPPORT && allText(m).includes("Support rota: week of Wed 9 Dec 2026"));
    expect(announced).toHaveLength(1);
    const mails = smtp.received
      .slice(mailed)
      .filter((m) => (m.parsed.subject ?? "").includes("Support rota: week of"));
    expect(mails.map((m) => m.envelopeTo.join())).toEqual(["alice@northgate.example"]);
    expect(mails[0]?.raw).toMatch(
      /^List-Unsubscribe: <mailto:support@northgate.example\?subject=unsubscribe>\r?$/m,
    );
  });
});
