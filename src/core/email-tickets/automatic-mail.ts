import type { InboundMessage } from "./inbound-message.js";

/**
 * Why a message is mail no person wrote for the helpdesk (an auto-reply, a bounce, list traffic),
 * or null. Such mail never opens a ticket and is never answered, so two robots cannot keep
 * writing to each other.
 */
export function automaticMailReason(
  message: Pick<InboundMessage, "from" | "headers" | "subject">,
): string | null {
  const header = (name: string) => (message.headers[name] ?? "").trim().toLowerCase();
  const autoSubmitted = header("auto-submitted");
  if (autoSubmitted !== "" && autoSubmitted !== "no") return `Auto-Submitted: ${autoSubmitted.slice(0, 40)}`;
  const precedence = header("precedence");
  if (["bulk", "junk", "list", "auto_reply"].includes(precedence)) return `Precedence: ${precedence}`;
  if (
    header("x-autoreply") !== "" ||
    header("x-autorespond") !== "" ||
    header("x-auto-response-suppress").includes("all")
  )
    return "an auto-reply header";
  if (header("list-id") !== "" || header("list-unsubscribe") !== "") return "mailing-list headers";
  const returnPath = header("return-path");
  if (returnPath === "<>" || (message.headers["return-path"] !== undefined && returnPath === ""))
    return "an empty Return-Path (a bounce)";
  const contentType = header("content-type");
  if (contentType.startsWith("multipart/report")) return "a delivery or read report";
  const from = message.from?.address ?? "";
  if (from === "") return "no sender address";
  const local = from.split("@")[0] ?? "";
  if (/^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+-.]|$)/.test(local))
    return `sent by ${local}`;
  if (
    /^(auto(matic)? ?reply|out of (the )?office|undeliver(able|ed)|delivery status notification|returned mail)\b/i.test(
      message.subject.trim(),
    )
  )
    return "an automatic subject";
  return null;
}
