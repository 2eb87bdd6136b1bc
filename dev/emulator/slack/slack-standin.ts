import { jsonOf, StandinServer, type StandinAnswer } from "../pagers/standin-server.js";

/**
 * The Web API methods the stand-in knows, with the arguments Slack's published description
 * (slackapi/slack-api-specs, web-api) marks required. Every other method is `unknown_method`.
 */
const METHODS: Readonly<Record<string, readonly string[]>> = {
  "api.test": [],
  "auth.test": [],
  "chat.postMessage": ["channel"],
  "conversations.open": [],
};

/** Block types Firstline may send, and the limits Slack's Block Kit reference gives them. */
const BLOCK_LIMIT = 50;
const SECTION_TEXT_LIMIT = 3000;
const MESSAGE_TEXT_LIMIT = 40_000;

/** One message Slack accepted. */
export interface SlackPosted {
  readonly channel: string;
  readonly ts: string;
  readonly threadTs: string | null;
  readonly text: string;
  readonly blocks: readonly SlackBlockJson[];
}

export interface SlackBlockJson {
  readonly type: string;
  readonly text?: { readonly type: string; readonly text: string };
  readonly elements?: readonly { readonly type: string; readonly text: string }[];
}

/**
 * A local Slack Web API that checks each call as Slack does: the token (missing is `not_authed`,
 * wrong is `invalid_auth`), the method (`unknown_method`), required arguments, channels the bot
 * can post to (`channel_not_found`), Block Kit shape (`invalid_blocks`), threads
 * (`thread_not_found`); `rateLimit(n)` answers the next n calls `429 ratelimited` with Retry-After.
 * A member id as `channel` posts to that person's direct message with the bot, as Slack does.
 */
export class SlackStandin {
  readonly server: StandinServer;
  readonly messages: SlackPosted[] = [];
  private seq = 0;

  constructor(
    private readonly params: {
      readonly token: string;
      readonly channels: readonly string[];
      readonly members: readonly string[];
      readonly now: () => number;
    },
  ) {
    this.server = new StandinServer((request) => this.handle(request));
  }

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  /** What `slackApiUrl` (and `SLACK_API_URL`) should be. */
  get apiUrl(): string {
    return `${this.server.url}/api/`;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** The next `count` calls are refused with HTTP 429 and `Retry-After: seconds`, as Slack's rate limiter does. */
  rateLimit(count: number, seconds = 1): void {
    for (let i = 0; i < count; i++)
      this.server.failNext({
        status: 429,
        headers: { "retry-after": String(seconds) },
        json: { ok: false, error: "ratelimited" },
      });
  }

  /** Messages in a channel (or a member's DM), top-level or in one thread. */
  in(channel: string, threadTs?: string): SlackPosted[] {
    return this.messages.filter(
      (m) =>
        m.channel === channel && (threadTs === undefined || m.threadTs === threadTs || m.ts === threadTs),
    );
  }

  private handle(request: {
    method: string;
    path: string;
    query: URLSearchParams;
    headers: Readonly<Record<string, string>>;
    body: string;
  }): StandinAnswer {
    const method = /^\/api\/([A-Za-z.]+)$/.exec(request.path)?.[1] ?? "";
    const args = argumentsOf(request);
    const bearer = /^Bearer (\S+)$/.exec(request.headers["authorization"] ?? "")?.[1];
    const token = bearer ?? (typeof args["token"] === "string" ? args["token"] : undefined);
    if (!(method in METHODS)) return fail("unknown_method");
    if (method === "api.test") return { status: 200, json: { ok: true, args } };
    if (token === undefined) return fail("not_authed");
    if (token !== this.params.token) return fail("invalid_auth");
    for (const name of METHODS[method] ?? [])
      if (args[name] === undefined || args[name] === "")
        return fail(name === "channel" ? "channel_not_found" : "invalid_arguments");
    if (method === "auth.test")
      return {
        status: 200,
        json: {
          ok: true,
          url: "https://northgate.slack.com/",
          team: "Northgate",
          user: "firstline",
          team_id: "T0NORTHGATE",
          user_id: "U0FIRSTLINE",
          bot_id: "B0FIRSTLINE",
        },
      };
    if (method === "conversations.open")
      return { status: 200, json: { ok: true, channel: { id: `D${String(args["users"] ?? "").slice(1)}` } } };
    return this.postMessage(args);
  }

  private postMessage(args: Record<string, unknown>): StandinAnswer {
    const channel = String(args["channel"]);
    if (!this.params.channels.includes(channel) && !this.params.members.includes(channel))
      return fail("channel_not_found");
    const text = typeof args["text"] === "string" ? args["text"] : "";
    let blocks: SlackBlockJson[] = [];
    if (args["blocks"] !== undefined) {
      const parsed = typeof args["blocks"] === "string" ? jsonOf(args["blocks"]) : args["blocks"];
      const problem = blocksProblem(parsed);
      if (problem) return { status: 200, json: { ok: false, error: "invalid_blocks", errors: [problem] } };
      blocks = parsed as SlackBlockJson[];
    }
    if (text === "" && blocks.length === 0 && args["attachments"] === undefined) return fail("no_text");
    if (text.length > MESSAGE_TEXT_LIMIT) return fail("msg_too_long");
    const threadTs =
      typeof args["thread_ts"] === "string" && args["thread_ts"] !== "" ? args["thread_ts"] : null;
    if (
      threadTs !== null &&
      !this.messages.some((m) => m.channel === channel && m.ts === threadTs && m.threadTs === null)
    )
      return fail("thread_not_found");
    this.seq += 1;
    const ts = `${Math.floor(this.params.now() / 1000)}.${String(this.seq).padStart(6, "0")}`;
    this.messages.push({ channel, ts, threadTs, text, blocks });
    return {
      status: 200,
      json: {
        ok: true,
        channel,
        ts,
        message: { type: "message", text, ts, ...(threadTs ? { thread_ts: threadTs } : {}) },
      },
    };
  }
}

/** Slack answers a refused call with HTTP 200 and `ok: false`. */
function fail(error: string): StandinAnswer {
  return { status: 200, json: { ok: false, error } };
}

/** Slack takes form-encoded arguments (and JSON with a bearer token). */
function argumentsOf(request: {
  query: URLSearchParams;
  headers: Readonly<Record<string, string>>;
  body: string;
}): Record<string, unknown> {
  const args: Record<string, unknown> = Object.fromEntries(request.query);
  const type = request.headers["content-type"] ?? "";
  if (type.startsWith("application/json")) {
    const json = jsonOf(request.body);
    if (json && typeof json === "object") Object.assign(args, json);
  } else if (request.body !== "") {
    for (const [key, value] of new URLSearchParams(request.body)) args[key] = value;
  }
  return args;
}

function blocksProblem(blocks: unknown): string | null {
  if (!Array.isArray(blocks)) return "blocks must be a JSON array";
  if (blocks.length > BLOCK_LIMIT) return `no more than ${BLOCK_LIMIT} items allowed [json-pointer:/blocks]`;
  for (const [i, block] of (blocks as unknown[]).entries()) {
    const b = block as SlackBlockJson;
    if (b?.type === "section") {
      if (!b.text || (b.text.type !== "mrkdwn" && b.text.type !== "plain_text"))
        return `must provide a text object [json-pointer:/blocks/${i}/text]`;
      if (b.text.text.length === 0 || b.text.text.length > SECTION_TEXT_LIMIT)
        return `must be between 1 and ${SECTION_TEXT_LIMIT} characters [json-pointer:/blocks/${i}/text/text]`;
    } else if (b?.type === "context") {
      if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 10)
        return `must have 1 to 10 elements [json-pointer:/blocks/${i}/elements]`;
    } else if (b?.type !== "divider" && b?.type !== "header") {
      return `unsupported type [json-pointer:/blocks/${i}/type]`;
    }
  }
  return null;
}
