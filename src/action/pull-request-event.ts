import * as z from "zod";
import type { CommandIo } from "../shell/command-io.js";
import { InputError } from "../shell/input-error.js";

/** The events whose payload names a pull request. */
const PULL_REQUEST_EVENTS = ["pull_request", "pull_request_review", "pull_request_target"] as const;

/** The part of a pull request event's payload Firstline reads. */
const pullRequestEventSchema = z.object({
  /** The pull request the event is about. */
  pull_request: z.object({ number: z.number().int().positive() }),
  /** The repository it is in (the workflow's own repository). */
  repository: z.object({ full_name: z.string().regex(/^[^/]+\/[^/]+$/) }).optional(),
});

/**
 * The pull request of the event that started the workflow, from the payload at GITHUB_EVENT_PATH.
 * Any other event (a schedule, a push) is a clear error naming the event, never a guess.
 */
export function readPullRequestEvent(io: Pick<CommandIo, "env" | "readTextFile">): {
  readonly number: number;
  readonly repository: string | undefined;
} {
  const name = io.env["GITHUB_EVENT_NAME"] ?? "";
  const path = io.env["GITHUB_EVENT_PATH"] ?? "";
  const expected = `runs on ${PULL_REQUEST_EVENTS.slice(0, 2).join(" and ")} events`;
  if (name !== "" && !(PULL_REQUEST_EVENTS as readonly string[]).includes(name)) {
    throw new Error(`check-rota-change ${expected}; this run was started by a ${name} event`);
  }
  if (path === "") throw new Error(`check-rota-change ${expected}: GITHUB_EVENT_PATH is not set`);
  let payload: unknown;
  try {
    payload = JSON.parse(io.readTextFile(path));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw InputError.of({
      file: path,
      path: "",
      message: `the event payload is not JSON: ${(error as Error).message}`,
    });
  }
  const parsed = pullRequestEventSchema.safeParse(payload);
  if (!parsed.success)
    throw new Error(
      `check-rota-change ${expected}: the event payload at ${path} names no pull request (${z.prettifyError(parsed.error).replace(/\n/g, " ")})`,
    );
  return { number: parsed.data.pull_request.number, repository: parsed.data.repository?.full_name };
}
