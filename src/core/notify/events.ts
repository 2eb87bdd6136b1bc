import type { NotifyEventKind } from "../config/notify-schema.js";

/** The ticket an event is about: what every message about it shows. */
export interface TicketRef {
  readonly repo: string;
  readonly number: number;
  /** The title as the client wrote it: hostile text, quoted inertly by every renderer. */
  readonly title: string;
  readonly client: string | null;
  readonly priority: string | null;
  readonly url: string;
}

/**
 * Something Firstline tells people about, as data. `id` is stable: the same event seen again (a
 * redelivered webhook, an overlapping sweep) has the same id, and nobody is told twice.
 */
export interface NotifyEvent {
  readonly id: string;
  readonly kind: NotifyEventKind;
  /** Epoch milliseconds the event happened. */
  readonly at: number;
  /** One line, plain text, Firstline's own words (ticket text is quoted separately in `ticket`). */
  readonly headline: string;
  /** More lines of Firstline's own words. */
  readonly details: readonly string[];
  readonly ticket?: TicketRef;
  /** The people it concerns, by GitHub login (paged, affected by a rota change, told of a woken night). */
  readonly people: readonly string[];
  /** A link for "more" (the ticket, the pull request, the announcement). */
  readonly link?: string;
}
