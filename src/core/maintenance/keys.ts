import { markerKeysIn, parseMaintenanceKey } from "../markers.js";

/**
 * The marker keys in the bodies of issues Firstline itself opened. Issues by anyone else are
 * ignored, so a pasted marker cannot stop a maintenance ticket from being opened.
 */
export function issueMarkerKeys(params: {
  readonly issues: readonly { readonly author: string; readonly body: string | null }[];
  readonly botLogin: string;
}): Set<string> {
  const bot = params.botLogin.toLowerCase();
  const keys = new Set<string>();
  for (const issue of params.issues) {
    if (issue.author.toLowerCase() !== bot || issue.body === null) continue;
    for (const key of markerKeysIn(issue.body)) keys.add(key);
  }
  return keys;
}

/** The exactly-once keys of maintenance tickets already opened, read from their hidden markers. */
export function existingMaintenanceKeys(params: {
  readonly issues: readonly { readonly author: string; readonly body: string | null }[];
  readonly botLogin: string;
}): Set<string> {
  return new Set([...issueMarkerKeys(params)].filter((key) => parseMaintenanceKey(key) !== null));
}
