/** A write a dry run kept back: what would have been sent. */
export interface RecordedWrite {
  readonly method: string;
  /** The path written to, such as `/repos/acme/website/issues/12/comments`. */
  readonly path: string;
  /** The request's body (a GraphQL mutation's query and variables). */
  readonly body: unknown;
}

/** The writes a dry run would have made, in order. */
export class DryRunLog {
  readonly writes: RecordedWrite[] = [];

  /** One line a write, `POST /repos/acme/website/issues/12/comments`, for a report. */
  lines(): string[] {
    return this.writes.map((w) => `${w.method} ${w.path}`);
  }
}
