/**
 * Makes text from a ticket safe to quote in a comment Firstline writes: no @-mention or team
 * mention fires, no hidden marker can be forged, no HTML comment or tag swallows the rest of the
 * comment, and markdown that would break a table or a line is neutralised.
 */
export function quoteInline(text: string, maxLength = 200): string {
  const single = text.replace(/\s+/g, " ").trim();
  const short = single.length > maxLength ? `${single.slice(0, maxLength - 1)}…` : single;
  return neutralise(short)
    .replace(/\|/g, "\\|")
    .replace(/([*_`[\]#>~])/g, "\\$1");
}

/** Breaks mentions and comment markers while keeping the text readable. */
export function neutralise(text: string): string {
  return (
    text
      // a zero-width joiner after @ stops GitHub from linking or notifying
      .replace(/@(?=[A-Za-z0-9])/g, "@\u200d")
      .replace(/<!--/g, "&lt;!--")
      .replace(/-->/g, "--&gt;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
  );
}

/** A login rendered as a mention, only for logins Firstline chose to notify. */
export function mention(login: string): string {
  // An email requester has no GitHub account to notify (her pseudo-login holds a colon): she is named, and told by email.
  if (login.includes(":")) return "Hello";
  return `@${login.replace(/\[bot\]$/, "").replace(/[^A-Za-z0-9-]/g, "")}`;
}
