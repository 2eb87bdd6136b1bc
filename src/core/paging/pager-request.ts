/** One HTTP request to a pager, planned by the core and sent by `src/pagers`. */
export interface PagerRequest {
  readonly method: "POST";
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body, exactly as sent (signatures are computed over these bytes). */
  readonly body: string;
  /** What it does, for the ticket and the logs: "trigger", "add responder alice", ... */
  readonly what: string;
}

/** A request that cannot be made, and why (a missing secret, say): reported like a refusal. */
export interface PagerProblem {
  readonly problem: string;
}

export const JSON_HEADERS = { "content-type": "application/json", accept: "application/json" } as const;

/** Text cut to a vendor's limit, on one line. */
export function oneLine(text: string, max: number): string {
  const single = text.replace(/\s+/g, " ").trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}
