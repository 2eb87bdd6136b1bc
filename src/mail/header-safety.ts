/**
 * Header values built from ticket text (a title in a subject, a requester's name) must stay one
 * line: a CR or LF would start a header of the sender's choosing. Control characters go too.
 */
export function singleLine(value: string, maxLength = 998): string {
  const flat = value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}

const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;
const MESSAGE_ID = /^<[^\s<>@]+@[^\s<>@]+>$/;

/** Whether `address` is one plain address (no display name, no list, no comment). */
export function isPlainAddress(address: string): boolean {
  return address.length <= 254 && ADDRESS.test(address);
}

/** Whether `id` is one `<local@host>` message id. */
export function isMessageId(id: string): boolean {
  return id.length <= 250 && MESSAGE_ID.test(id);
}
