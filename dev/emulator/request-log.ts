import type { FaultOutcome } from "./faults.js";

/** One API request as the emulator answered it. */
export interface RequestLogEntry {
  /** Emulator time of the request. */
  readonly at: string;
  readonly method: string;
  /** Path and query as received. */
  readonly path: string;
  /** GitHub's operation id (`issues/create`), `graphql` for GraphQL, null when unknown. */
  readonly operationId: string | null;
  /** The route template (`POST /repos/{owner}/{repo}/issues`), null when unknown. */
  readonly route: string | null;
  readonly status: number;
  /** POST, PUT, PATCH or DELETE on the REST API (a GraphQL query is not a write). */
  readonly write: boolean;
  /** `app`, the installation's bot login or the user's login; null when unauthenticated. */
  readonly actor: string | null;
  readonly fault: FaultOutcome | null;
}

/** What `GET /_emulator/log` answers. */
export interface RequestLogSummary {
  readonly total: number;
  readonly writes: number;
  /** Requests for operations the emulator does not implement. */
  readonly unknownOperations: number;
  /** Requests per operation id (unknown operations under `unknown`). */
  readonly counts: Readonly<Record<string, number>>;
  readonly requests: readonly RequestLogEntry[];
}

/** Every API request (control routes excluded), with counts for assertions. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
  }

  summary(): RequestLogSummary {
    const counts: Record<string, number> = {};
    for (const entry of this.entries) {
      const key = entry.operationId ?? "unknown";
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return {
      total: this.entries.length,
      writes: this.entries.filter((entry) => entry.write).length,
      unknownOperations: this.entries.filter((entry) => entry.operationId === null).length,
      counts,
      requests: [...this.entries],
    };
  }

  /** How many requests an operation received. */
  count(operationId: string): number {
    return this.entries.filter((entry) => entry.operationId === operationId).length;
  }

  reset(): void {
    this.entries = [];
  }
}
