import { createHash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { ApiError } from "./http-error.js";

/** An API answer before it is written. */
export interface Answer {
  status: number;
  body: unknown;
  /** Text sent as is instead of JSON (a raw file). */
  raw?: string;
  headers: Record<string, string>;
}

/** GitHub's error answer: `{message, documentation_url, status}`. */
export function errorAnswer(status: number, message: string, headers: Record<string, string> = {}): Answer {
  return { status, body: new ApiError({ status, message }).body, headers };
}

/**
 * A GET answered 200 gets an ETag (added to `answer`); a matching `If-None-Match` turns it into the
 * 304 returned here, which costs no rate limit, as on GitHub.
 */
export function conditional(
  params: { method: string; request: IncomingMessage },
  answer: Answer,
): Answer | null {
  if (
    params.method !== "GET" ||
    answer.status !== 200 ||
    (answer.body === undefined && answer.raw === undefined)
  )
    return null;
  const etag = `W/"${createHash("sha256")
    .update(answer.raw ?? JSON.stringify(answer.body))
    .digest("hex")}"`;
  answer.headers["etag"] = etag;
  answer.headers["cache-control"] = "private, max-age=60, s-maxage=60";
  const wanted = params.request.headers["if-none-match"];
  const tags = (wanted ?? "").split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  if (wanted && tags.includes(etag.replace(/^W\//, "")))
    return { status: 304, body: undefined, headers: { etag } };
  return null;
}
