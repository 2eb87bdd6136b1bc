import { describe, expect, it } from "vitest";
import { clientNoticeOf } from "../../../src/core/email-tickets/client-notices.js";
import { replyTarget } from "../../../src/core/email-tickets/closed-ticket.js";
import {
  MAX_STORED_FILE_BYTES,
  planAttachmentStorage,
  safeFileName,
} from "../../../src/core/email-tickets/attachment-files.js";
import { marker } from "../../../src/core/markers.js";

const DAY = 24 * 60 * 60_000;
const closedAt = Date.parse("2026-12-10T09:00:00Z");
const closed = {
  state: "closed" as const,
  createdAt: Date.parse("2026-12-02T10:00:00Z"),
  events: [
    { type: "closed" as const, at: Date.parse("2026-12-03T09:00:00Z"), by: "erin-walsh" },
    { type: "reopened" as const, at: Date.parse("2026-12-04T09:00:00Z"), by: "firstline[bot]" },
    { type: "closed" as const, at: closedAt, by: "erin-walsh" },
  ],
};

describe("where a requester's reply goes", () => {
  it.each([
    ["an open ticket: appended", { ...closed, state: "open" as const }, false, closedAt + 90 * DAY, "append"],
    ["closed a day ago: reopened", closed, false, closedAt + DAY, "reopen"],
    ["closed 30 days ago to the minute: reopened", closed, false, closedAt + 30 * DAY, "reopen"],
    ["closed 31 days ago: a new ticket", closed, false, closedAt + 31 * DAY, "new-ticket"],
    ["already appended by an earlier pass: never reopened again", closed, true, closedAt + DAY, "append"],
    [
      "closed with no close event read: counted from its opening",
      { ...closed, events: [] },
      false,
      closedAt + 25 * DAY,
      "new-ticket",
    ],
  ])("%s", (_name, snapshot, alreadyAppended, now, kind) => {
    expect(replyTarget({ snapshot, alreadyAppended, now }).kind).toBe(kind);
  });

  it("counts from the last close", () => {
    expect(replyTarget({ snapshot: closed, alreadyAppended: false, now: closedAt + 40 * DAY })).toEqual({
      kind: "new-ticket",
      closedAt,
    });
  });
});

describe("Firstline's notices that reach the requester by email", () => {
  it("the waiting reminder, in words for email", () => {
    const notice = clientNoticeOf(
      `Hello, we are still waiting for your reply here.\n${marker("waiting-reminder:1764669600000")}`,
    );
    expect(notice?.kind).toBe("waiting-reminder");
    expect(notice?.text).toContain("reply to this email");
  });

  it("the chargeable note, without the lead's name or the reason", () => {
    const notice = clientNoticeOf(
      "**Chargeable work.** @dana-lead, this is yours now as a lead: ...\n\n- Why: they never paid for it",
    );
    expect(notice?.kind).toBe("chargeable");
    expect(notice?.text).not.toContain("dana-lead");
    expect(notice?.text).not.toContain("never paid");
  });

  it.each([
    ["the card", `| First response | 8 working hours |\n${marker("card")}`],
    ["a follow-up nudge to staff", `@erin this ticket has had no reply.\n${marker("follow-up:1")}`],
    ["an SLA notice", `At risk.\n${marker("notice:c1:firstResponse:1:at-risk")}`],
    ["a chargeable note quoted later in a comment", "As agreed:\n> **Chargeable work.** ..."],
  ])("not %s", (_name, body) => {
    expect(clientNoticeOf(body)).toBeNull();
  });
});

describe("attachment copies: safe names and limits", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ["../../etc/passwd", "etc-passwd"],
    [".htaccess", "htaccess"],
    ["My screenshot (1).png", "My-screenshot-1-.png"],
    ["<script>alert(1)</script>.html", "script-alert-1-script-.html"],
    ["Café menu.docx", "Cafe-menu.docx"],
    ["", "attachment"],
    ["???", "attachment"],
    [`${"a".repeat(200)}.jpeg`, `${"a".repeat(75)}.jpeg`],
  ])("%j is stored as %j", (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it("stores within the limits, one folder per ticket, and lists the rest", () => {
    const a = (size: number, n: number) => ({
      filename: `f${n}.bin`,
      size,
      contentType: "application/octet-stream",
      digest: `${n}`.repeat(64).slice(0, 64),
    });
    const plans = planAttachmentStorage({
      folder: "ticket-0123456789abcdef",
      attachments: [
        a(1000, 1),
        a(0, 2),
        a(MAX_STORED_FILE_BYTES + 1, 3),
        a(9 * 1024 * 1024, 4),
        a(9 * 1024 * 1024, 5),
        a(9 * 1024 * 1024, 6),
      ],
    });
    expect(plans.map((p) => p.kind)).toEqual([
      "store",
      "list-only",
      "list-only",
      "store",
      "store",
      "list-only",
    ]);
    expect(plans[0]).toEqual({ kind: "store", path: "ticket-0123456789abcdef/111111111111-f1.bin" });
  });
});
