import type { PageEvent } from "./page-event.js";
import { JSON_HEADERS, oneLine, type PagerProblem, type PagerRequest } from "./pager-request.js";

/**
 * The Opsgenie Alert API requests for a page event: create the alert with the page key as its
 * alias and the people as user responders, add a responder per escalated person, and acknowledge
 * or close by alias. Authorisation is `GenieKey <key>`.
 */
export function opsgenieRequests(params: {
  readonly event: PageEvent;
  readonly apiUrl: string;
  readonly apiKey: string | undefined;
  readonly users: Readonly<Record<string, string>>;
}): readonly (PagerRequest | PagerProblem)[] {
  const { event, apiKey, users } = params;
  if (!apiKey) return [{ problem: "FIRSTLINE_OPSGENIE_API_KEY is not set" }];
  const headers = { ...JSON_HEADERS, authorization: `GenieKey ${apiKey}` };
  const api = params.apiUrl.replace(/\/+$/, "");
  const alias = encodeURIComponent(event.key);
  const username = (login: string) => users[login] ?? users[login.toLowerCase()] ?? login;
  const post = (path: string, body: unknown, what: string): PagerRequest => ({
    method: "POST",
    url: `${api}${path}`,
    headers,
    body: JSON.stringify(body),
    what,
  });
  switch (event.action) {
    case "trigger":
      return [
        post(
          "/v2/alerts",
          {
            message: oneLine(event.summary, 130),
            alias: event.key,
            description: oneLine(`${event.summary}\n${event.url}`, 15000),
            responders: event.logins.map((login) => ({ type: "user", username: username(login) })),
            priority: "P1",
            source: "Firstline",
            tags: ["firstline", ...(event.client ? [event.client] : [])],
            details: { issue: event.url, repo: event.repo },
          },
          "create alert",
        ),
      ];
    case "escalate":
      return event.logins.map((login) =>
        post(
          `/v2/alerts/${alias}/responders?identifierType=alias`,
          {
            responder: { type: "user", username: username(login) },
            source: "Firstline",
            note: oneLine(`Escalated: ${event.summary}`, 25000),
          },
          `add responder ${login}`,
        ),
      );
    case "acknowledge":
      return [
        post(
          `/v2/alerts/${alias}/acknowledge?identifierType=alias`,
          {
            source: "Firstline",
            ...(event.by ? { user: username(event.by) } : {}),
            note: "Acknowledged on GitHub",
          },
          "acknowledge",
        ),
      ];
    case "resolve":
      return [
        post(
          `/v2/alerts/${alias}/close?identifierType=alias`,
          {
            source: "Firstline",
            ...(event.by ? { user: username(event.by) } : {}),
            note: "Resolved on GitHub",
          },
          "close",
        ),
      ];
  }
}
