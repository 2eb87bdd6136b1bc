import { markerKeysIn } from "../markers.js";

/** What a chargeable note on GitHub starts with (the note itself is for staff: it names the lead). */
const CHARGEABLE_NOTE = "**Chargeable work.**";

/**
 * The email version of one of Firstline's own comments that the requester of an email ticket
 * must hear about, or null for any other comment. She cannot read the ticket, so the reminder
 * while it waits on her and the chargeable note reach her by email; their text is written for
 * her (the chargeable note on GitHub names the lead and the reason, which stay with the team).
 */
export function clientNoticeOf(body: string): { readonly kind: string; readonly text: string } | null {
  if (markerKeysIn(body).some((key) => key.startsWith("waiting-reminder:")))
    return {
      kind: "waiting-reminder",
      text: [
        "We are still waiting for your reply on this ticket.",
        "",
        "When you can, please reply to this email with what we asked, so we can carry on.",
      ].join("\n"),
    };
  if (body.trimStart().startsWith(CHARGEABLE_NOTE))
    return {
      kind: "chargeable",
      text: [
        "This request is outside your support agreement, so it is now chargeable work and the support service-level times no longer apply to it.",
        "",
        "Your account manager will contact you to agree a plan and a price before any work starts.",
      ].join("\n"),
    };
  return null;
}
