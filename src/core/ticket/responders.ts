/** Who should hear about a ticket now, from the rota; null where the rota is not known. */
export interface Responders {
  readonly support: { readonly developer: string; readonly operations: string } | null;
  readonly onCall: { readonly primary: string; readonly secondLine: readonly string[] } | null;
  /** Whether `now` is inside working hours of the agency's calendar. */
  readonly inHours: boolean;
}

/** The support pair, as mentions, or a plain note when the rota names nobody. */
export function supportPairMentions(responders: Responders): string[] {
  return responders.support ? [responders.support.developer, responders.support.operations] : [];
}
