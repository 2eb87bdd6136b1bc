import type { Activity } from "./activity.js";
import type { AuthService } from "./auth.js";
import type { EmulatorClock } from "./clock.js";
import type { Faults } from "./faults.js";
import type { RateLimits } from "./rate-limit.js";
import type { RequestLog } from "./request-log.js";
import type { ShapeContext } from "./shapes/context.js";
import type { EmulatorState } from "./state/store.js";
import type { WebhookDispatcher } from "./webhooks/dispatcher.js";

/** The emulator's parts, shared by the API pipeline, the control API and the returned handle. */
export interface EmulatorCore {
  readonly state: EmulatorState;
  readonly shapes: ShapeContext;
  readonly clock: EmulatorClock;
  readonly auth: AuthService;
  readonly faults: Faults;
  readonly rateLimits: RateLimits;
  readonly log: RequestLog;
  readonly dispatcher: WebhookDispatcher;
  readonly activity: Activity;
  /** Check every REST answer against GitHub's response schema (a self-test of the emulator). */
  readonly validateResponses: boolean;
  /** Answers that did not match GitHub's response schema. */
  readonly responseProblems: string[];
  /** Where loud complaints go (unknown operations, handler crashes). */
  readonly stderr: (line: string) => void;
}
