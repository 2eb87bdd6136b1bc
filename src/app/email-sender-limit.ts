import { digestOf } from "../mail/reply-token.js";
import type { StateStore } from "./state/state-store.js";

/** A slot is taken for an hour: a sender's tickets of the last hour are the slots still taken. */
const HOUR_MS = 60 * 60_000;

/** The store key of one slot; the address is kept only as a digest. */
function slotKey(sender: string, slot: number): string {
  return `email-sender:${digestOf(`sender:${sender.toLowerCase()}`).slice(0, 24)}:${slot}`;
}

/**
 * How many email tickets a sender opened in the last hour, as the state store counts them (in
 * memory for one instance, in Redis for several, so the limit holds across instances and restarts).
 */
export async function ticketsOpenedLastHour(params: {
  readonly store: StateStore;
  readonly sender: string;
  readonly limit: number;
}): Promise<number> {
  // Reads only, so all at once: one round trip to Redis, not one a slot.
  const taken = await Promise.all(
    Array.from({ length: params.limit }, (_, slot) => params.store.isSeen(slotKey(params.sender, slot))),
  );
  return taken.filter(Boolean).length;
}

/**
 * Takes one of the sender's hourly slots before her ticket is opened: the slot's key, or null when
 * every slot is taken (another instance took the last one meanwhile). Taking is atomic in the
 * store, so two instances never both take the last slot.
 */
export async function takeSenderSlot(params: {
  readonly store: StateStore;
  readonly sender: string;
  readonly limit: number;
}): Promise<string | null> {
  for (let slot = 0; slot < params.limit; slot++) {
    const key = slotKey(params.sender, slot);
    if (await params.store.markSeen(key, HOUR_MS)) return key;
  }
  return null;
}
