import type { TicketComment } from "./snapshot.js";

/**
 * Hidden markers in Firstline's own comments: how it finds its card and knows which notices it has
 * already posted. Only comments written by Firstline's own login count, so a client who pastes a
 * marker into a comment forges nothing (and text Firstline quotes has its markers broken anyway).
 */
export function marker(key: string): string {
  return `<!-- firstline:${key} -->`;
}

export const CARD_KEY = "card";

/** The keys of the markers in Firstline's own comments. */
export function markersIn(params: { readonly comments: readonly TicketComment[]; readonly botLogin: string }): Map<string, TicketComment> {
  const found = new Map<string, TicketComment>();
  const bot = params.botLogin.toLowerCase();
  for (const comment of params.comments) {
    if (comment.author.toLowerCase() !== bot) continue;
    for (const match of comment.body.matchAll(/<!-- firstline:([A-Za-z0-9:._@/ -]+?) -->/g)) {
      const key = match[1];
      if (key !== undefined && !found.has(key)) found.set(key, comment);
    }
  }
  return found;
}
