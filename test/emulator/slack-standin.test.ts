import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackStandin } from "../../dev/emulator/slack/slack-standin.js";
import { slackPoster, SlackRefusal } from "../../src/notify/slack-poster.js";

const TOKEN = "xoxb-standin";

describe("the Slack stand-in answers as Slack's Web API does", () => {
  let slack: SlackStandin;
  let now = Date.parse("2026-12-02T11:00:00Z");
  const client = (token: string) =>
    new WebClient(token, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    });
  const errorOf = async (call: Promise<unknown>) =>
    (
      (await call.then(
        () => null,
        (error: { data?: { error?: string } }) => error,
      )) as { data?: { error?: string } } | null
    )?.data?.error;

  beforeAll(async () => {
    slack = await new SlackStandin({
      token: TOKEN,
      channels: ["C0SUPPORT"],
      members: ["U0ALICE"],
      now: () => now,
    }).start();
  });
  afterAll(async () => slack.close());

  it("checks the token: none is not_authed, a wrong one invalid_auth", async () => {
    const bare = await fetch(`${slack.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "channel=C0SUPPORT&text=hi",
    });
    expect(await bare.json()).toEqual({ ok: false, error: "not_authed" });
    expect(await errorOf(client("xoxb-wrong").chat.postMessage({ channel: "C0SUPPORT", text: "hi" }))).toBe(
      "invalid_auth",
    );
  });

  it("refuses unknown methods, missing arguments, unknown channels, empty messages, bad blocks and unknown threads", async () => {
    const c = client(TOKEN);
    expect(await errorOf(c.apiCall("chat.postMessagee", { channel: "C0SUPPORT", text: "hi" }))).toBe(
      "unknown_method",
    );
    expect(await errorOf(c.apiCall("chat.postMessage", { text: "hi" }))).toBe("channel_not_found");
    expect(await errorOf(c.chat.postMessage({ channel: "C0NOWHERE", text: "hi" }))).toBe("channel_not_found");
    expect(await errorOf(c.apiCall("chat.postMessage", { channel: "C0SUPPORT" }))).toBe("no_text");
    expect(
      await errorOf(
        c.chat.postMessage({
          channel: "C0SUPPORT",
          text: "x",
          blocks: [{ type: "section", text: { type: "mrkdwn", text: "" } }],
        }),
      ),
    ).toBe("invalid_blocks");
    expect(
      await errorOf(c.chat.postMessage({ channel: "C0SUPPORT", text: "x", thread_ts: "1.000001" })),
    ).toBe("thread_not_found");
    expect(slack.messages).toHaveLength(0);
  });

  it("posts to a channel, into a thread, and to a member's direct message", async () => {
    const c = client(TOKEN);
    const first = await c.chat.postMessage({
      channel: "C0SUPPORT",
      text: "top",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "*top*" } }],
    });
    await c.chat.postMessage({ channel: "C0SUPPORT", text: "reply", thread_ts: String(first.ts) });
    await c.chat.postMessage({ channel: "U0ALICE", text: "dm" });
    expect(slack.in("C0SUPPORT", String(first.ts)).map((m) => m.text)).toEqual(["top", "reply"]);
    expect(slack.in("U0ALICE").map((m) => m.text)).toEqual(["dm"]);
  });

  it("the poster waits out Retry-After on its own clock, spaces a channel's messages a second apart, and does not retry a refusal", async () => {
    const slept: number[] = [];
    const poster = slackPoster({
      token: TOKEN,
      apiUrl: slack.apiUrl,
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    });
    slack.rateLimit(2, 7);
    const message = { text: "hello", blocks: [] };
    await poster.post({ channel: "C0SUPPORT", message });
    await poster.post({ channel: "C0SUPPORT", message });
    expect(slept).toEqual([7000, 7000, 1000]);
    await expect(poster.post({ channel: "C0GONE", message })).rejects.toBeInstanceOf(SlackRefusal);
  });
});
