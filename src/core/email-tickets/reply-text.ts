/**
 * The new words of a reply: quoted history (`>` lines and what follows an "On ... wrote:" line or
 * a forwarded header block) and the signature (after a `-- ` line) are trimmed. Linear scans only:
 * the text is the sender's.
 */
export function newReplyText(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const trimmed = line.trim();
    if (line === "-- " || trimmed === "--" || trimmed === "__") break;
    if (/^-{2,}\s*original message\s*-{2,}$/i.test(trimmed) || /^_{5,}$/.test(trimmed)) break;
    if (/^on .{1,300}wrote:$/i.test(trimmed)) break;
    // Outlook's header block: a From: line followed by Sent: or Date: starts the quoted mail.
    if (/^from: /i.test(trimmed) && /^(sent|date): /i.test((lines[i + 1] ?? "").trim())) break;
    if (trimmed.startsWith(">")) continue;
    kept.push(line);
  }
  return kept.join("\n").trim();
}
