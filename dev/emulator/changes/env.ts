import type { ShapeContext } from "../shapes/context.js";
import type { EmulatorState } from "../state/store.js";
import type { RepoRecord } from "../state/types.js";
import { repositoryEvent, type EventSink } from "../webhooks/payloads.js";
import type { JsonObject } from "../shapes/context.js";

/** What a change to the emulated GitHub needs: records, time, who acts, and where webhooks go. */
export interface ChangeEnv {
  readonly state: EmulatorState;
  readonly shapes: ShapeContext;
  readonly now: Date;
  readonly emit: EventSink;
  readonly actorLogin: string;
}

/** Reports a repository webhook (dropped when the app is not installed there, as on GitHub). */
export function emitRepoEvent(
  env: ChangeEnv,
  params: { name: string; action: string | null; repo: RepoRecord; fields: JsonObject },
): void {
  const event = repositoryEvent(env.shapes, { ...params, senderLogin: env.actorLogin });
  if (event) env.emit(event);
}
