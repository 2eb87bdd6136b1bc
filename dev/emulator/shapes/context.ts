import type { EmulatorState } from "../state/store.js";

/** A JSON object as GitHub sends it. */
export type JsonObject = Record<string, unknown>;

/** What every serializer needs: the records and the emulator's base URL (API and web pages alike). */
export interface ShapeContext {
  readonly state: EmulatorState;
  readonly base: string;
}

/** Percent-encodes one path segment the way GitHub's URLs do (`firstline%5Bbot%5D`). */
export function segment(text: string): string {
  return encodeURIComponent(text);
}
