/** Link schemes a runbook may use; every other scheme (`javascript:`, `data:`, `vbscript:`...) is dropped. */
export const SAFE_SCHEMES: readonly string[] = ["http", "https", "mailto"];

/** What a link in a runbook points at. */
export type LinkTarget =
  /** Another site or an email address (http, https, mailto, or `//host/...`). */
  | { readonly kind: "web" }
  /** A scheme that is never allowed, such as `javascript`. */
  | { readonly kind: "unsafe"; readonly scheme: string }
  /** A heading of the same runbook (`#diagnosis`). */
  | { readonly kind: "same-page"; readonly fragment: string }
  /** Another runbook of the folder (`disk-nearly-full.md#resolution`). */
  | { readonly kind: "runbook"; readonly slug: string; readonly fragment: string | undefined }
  /** A relative path that is not a runbook of the folder (a subfolder, another file type, `../`). */
  | { readonly kind: "not-a-runbook"; readonly path: string };

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Classifies a link destination. Browsers ignore leading spaces and control characters and tabs
 * or newlines inside a scheme, so those are removed before the scheme is read.
 */
export function classifyLink(href: string): LinkTarget {
  // eslint-disable-next-line no-control-regex
  const cleaned = href.replace(/^[\u0000-\u0020]+/, "").replace(/[\t\n\r]/g, "");
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme !== undefined)
    return SAFE_SCHEMES.includes(scheme) ? { kind: "web" } : { kind: "unsafe", scheme };
  if (cleaned.startsWith("//") || cleaned.startsWith("\\\\")) return { kind: "web" };
  const hashAt = cleaned.indexOf("#");
  const beforeHash = hashAt < 0 ? cleaned : cleaned.slice(0, hashAt);
  const fragment = hashAt < 0 ? undefined : decode(cleaned.slice(hashAt + 1));
  const path = decode(beforeHash.split("?")[0] ?? "").replace(/^(\.\/)+/, "");
  if (path === "")
    return fragment === undefined
      ? { kind: "not-a-runbook", path: cleaned }
      : { kind: "same-page", fragment };
  const runbook = /^([^/\\]+)\.md$/i.exec(path);
  if (runbook?.[1] !== undefined && runbook[1] !== "." && runbook[1] !== "..")
    return { kind: "runbook", slug: runbook[1], fragment };
  return { kind: "not-a-runbook", path };
}
