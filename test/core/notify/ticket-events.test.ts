import { describe, expect, it } from "vitest";
import { emailMessage } from "../../../src/core/notify/email-message.js";
import { slackInert, slackMessage } from "../../../src/core/notify/slack-message.js";
import { slackThreadMarker, slackThreadsIn, ticketEvents } from "../../../src/core/notify/ticket-events.js";

const ticket = {
  repo: "Acme/Website",
  number: 7,
  title: "Down",
  client: "acme",
  priority: "P1",
  url: "https://github.com/Acme/Website/issues/7",
};

describe("ticketEvents: the notices Firstline wrote, as events keyed by ticket and marker", () => {
  it.each([
    ["the card of a P1", "| card |\n<!-- firstline:card -->", ["acme/website#7:card new-p1"]],
    [
      "at risk",
      "@alice-okafor: **SLA at risk**: 80% gone.\n<!-- firstline:notice:c1:response:0:at-risk -->",
      ["acme/website#7:notice:c1:response:0:at-risk at-risk"],
    ],
    [
      "breached",
      "**SLA breached**\n<!-- firstline:notice:c1:resolution:0:breached -->",
      ["acme/website#7:notice:c1:resolution:0:breached breached"],
    ],
    [
      "a page",
      "<!-- firstline:alert-page -->\n<!-- firstline:ticket-page:1 -->\n@alice-okafor you are paged",
      ["acme/website#7:alert-page page"],
    ],
    [
      "an escalation",
      "<!-- firstline:escalation:1 -->\n@sam-oduya: nobody has acknowledged",
      ["acme/website#7:escalation:1 escalation"],
    ],
    [
      "an acknowledgement",
      "<!-- firstline:page-ack:alice-okafor:command -->\n**Page acknowledged**",
      ["acme/website#7:page-ack:alice-okafor:command acknowledgement"],
    ],
    ["a follow-up nobody is told of", "<!-- firstline:follow-up:1 -->", []],
  ])("%s", (_name, body, expected) => {
    expect(ticketEvents({ ticket, written: [body], at: 0 }).map((e) => `${e.id} ${e.kind}`)).toEqual(
      expected,
    );
  });

  it("the card of a P3 is no event", () => {
    expect(
      ticketEvents({ ticket: { ...ticket, priority: "P3" }, written: ["<!-- firstline:card -->"], at: 0 }),
    ).toEqual([]);
  });

  it("the people of a page are its mentions", () => {
    expect(
      ticketEvents({
        ticket,
        written: ["<!-- firstline:escalation:1 -->\n@sam-oduya @Kim-Nakamura: look"],
        at: 0,
      })[0]?.people,
    ).toEqual(["sam-oduya", "kim-nakamura"]);
  });

  it("a thread marker counts only in Firstline's own comments", () => {
    const body = slackThreadMarker({ channel: "C0SUPPORT", ts: "1764669600.000001" });
    expect(
      slackThreadsIn({
        comments: [
          { author: "mallory", body: slackThreadMarker({ channel: "C0SUPPORT", ts: "1.000001" }) },
          { author: "firstline[bot]", body },
        ],
        botLogin: "firstline[bot]",
      }),
    ).toEqual(new Map([["C0SUPPORT", "1764669600.000001"]]));
  });
});

describe("ticket text stays inert", () => {
  it.each([
    ["<!channel> now", "&lt;!channel&gt; now"],
    ["<@U0123> and <!here>", "&lt;@U0123&gt; and &lt;!here&gt;"],
    ["<https://evil.example|click>", "&lt;https://evil.example|click&gt;"],
    ["a & b", "a &amp; b"],
    ["line\nbreak\u2028and", "line break and"],
    ["*bold* _it_", "*\u200dbold*\u200d _\u200dit_\u200d"],
  ])("%j → %j", (input, expected) => {
    expect(slackInert(input)).toBe(expected);
  });

  it("a hostile title cannot inject a link into the message, or a header into the email", () => {
    const event = {
      id: "x",
      kind: "new-p1" as const,
      at: 0,
      headline: "New P1 ticket",
      details: [],
      people: [],
      ticket: { ...ticket, title: "<https://evil|click>\r\nBcc: victim@example.org" },
    };
    const slack = slackMessage({ event, zone: "Europe/London" });
    expect(JSON.stringify(slack)).not.toContain("<https://evil");
    const mail = emailMessage({ event, zone: "Europe/London" });
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toContain("&lt;https://evil|click&gt;");
  });
});
