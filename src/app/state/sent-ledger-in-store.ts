import type { SentLedger } from "../../notify/sent-ledger.js";
import type { StateStore } from "./state-store.js";

/** How long a notification is remembered as sent: far longer than any redelivery or restart. */
const SENT_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * "Already sent" kept in the app's state store: in memory for one instance, in Redis for several,
 * so a restart or a second instance sends nothing twice.
 */
export function sentLedgerIn(store: StateStore): SentLedger {
  return {
    claim: (key) => store.markSeen(`sent:${key}`, SENT_TTL_MS),
    release: (key) => store.forgetSeen(`sent:${key}`),
  };
}
