import { LogLevel, WebAPIPlatformError, WebAPIRateLimitedError, WebClient } from "@slack/web-api";
import type { SlackMessage } from "../core/notify/slack-message.js";

/** Slack's own limit for posting: about one message a second in a channel. */
const CHANNEL_GAP_MS = 1_000;
/** A 429 is retried this often before the message is left for a later attempt. */
const RATE_LIMIT_RETRIES = 5;

/** Posting to Slack: one call, answering the new message's `ts`. */
export interface SlackPoster {
  post(params: {
    readonly channel: string;
    readonly message: SlackMessage;
    readonly threadTs?: string | undefined;
  }): Promise<{ readonly ts: string; readonly channel: string }>;
}

/** A Slack refusal that retrying will not fix (a bad token, a channel the bot is not in). */
export class SlackRefusal extends Error {
  constructor(readonly slackError: string) {
    super(`Slack refused: ${slackError}`);
  }
}

const PERMANENT = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "invalid_blocks",
  "msg_too_long",
  "no_text",
  "invalid_arguments",
  "unknown_method",
  "missing_scope",
]);

/**
 * Slack through the official Web API client, token from `SLACK_BOT_TOKEN`. The client's own retries
 * are off: a 429 is retried here after its Retry-After on the given `sleep` (so tests wait on a
 * virtual clock), and messages to one channel are spaced a second apart.
 */
export function slackPoster(params: {
  readonly token: string;
  readonly apiUrl?: string | undefined;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly timeoutMs?: number;
}): SlackPoster {
  const client = new WebClient(params.token, {
    ...(params.apiUrl
      ? { slackApiUrl: params.apiUrl.endsWith("/") ? params.apiUrl : `${params.apiUrl}/` }
      : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: params.timeoutMs ?? 20_000,
    logLevel: LogLevel.ERROR,
  });
  const lastPost = new Map<string, number>();
  const queues = new Map<string, Promise<unknown>>();
  const postNow = async (channel: string, message: SlackMessage, threadTs: string | undefined) => {
    for (let attempt = 0; ; attempt++) {
      const wait = (lastPost.get(channel) ?? -Infinity) + CHANNEL_GAP_MS - params.now();
      if (wait > 0) await params.sleep(wait);
      lastPost.set(channel, params.now());
      try {
        const result = await client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks as never,
          unfurl_links: false,
          unfurl_media: false,
          ...(threadTs ? { thread_ts: threadTs } : {}),
        });
        return { ts: String(result.ts ?? ""), channel: String(result.channel ?? channel) };
      } catch (error) {
        if (error instanceof WebAPIRateLimitedError && attempt < RATE_LIMIT_RETRIES) {
          await params.sleep(Math.max(1, error.retryAfter) * 1000);
          continue;
        }
        if (error instanceof WebAPIPlatformError) {
          const code = String((error.data as { error?: unknown }).error ?? "unknown");
          if (PERMANENT.has(code)) throw new SlackRefusal(code);
        }
        throw error;
      }
    }
  };
  return {
    post({ channel, message, threadTs }) {
      // One channel's messages go one after another, so the spacing holds under concurrency.
      const previous = queues.get(channel) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => postNow(channel, message, threadTs));
      queues.set(channel, next);
      return next;
    },
  };
}

/** Slack from the environment: `SLACK_BOT_TOKEN` (and `SLACK_API_URL` for a stand-in), or null when unset. */
export function slackPosterFromEnv(params: {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}): SlackPoster | null {
  const token = params.env["SLACK_BOT_TOKEN"];
  if (!token) return null;
  return slackPoster({ token, apiUrl: params.env["SLACK_API_URL"], now: params.now, sleep: params.sleep });
}
