import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencySeed } from "../../dev/demo/agency-seed.js";
import {
  CONTENT_WRITES_PER_HOUR,
  CONTENT_WRITES_PER_MINUTE,
} from "../../src/core/email-tickets/write-pace.js";
import { ensureDovecot, startDovecot, type RunningDovecot } from "../helpers/dovecot.js";
import { skipWithoutServer } from "../helpers/debian-package.js";
import { startStack, SWEEP_SECRET, type Stack } from "./harness.js";
import { emailSeed, mail, MAIL_SECRET, SUPPORT_ADDRESS } from "./email-helpers.js";

const MESSAGES = 1_000;
const skip = skipWithoutServer(ensureDovecot());

describe.skipIf(skip)("a full support mailbox", () => {
  let stack: Stack;
  let dovecot: RunningDovecot;
  beforeAll(async () => {
    dovecot = await startDovecot();
    stack = await startStack({
      seed: emailSeed(agencySeed),
      now: new Date("2026-12-02T10:00:00Z"),
      env: {
        IMAP_URL: dovecot.url,
        FIRSTLINE_SUPPORT_ADDRESS: SUPPORT_ADDRESS,
        FIRSTLINE_MAIL_SECRET: MAIL_SECRET,
      },
    });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await dovecot?.stop();
  });

  it(`takes in ${MESSAGES} messages at GitHub's write pace, one ticket each, nothing lost`, async () => {
    await dovecot.appendMany(
      Array.from({ length: MESSAGES }, (_, i) =>
        mail({
          from: `tenant${i}@riverside-housing.example`,
          subject: `Repair request ${i}`,
          messageId: `<repair.${i}@riverside-housing.example>`,
          text: `Please fix the boiler in flat ${i}.`,
        }),
      ),
    );
    let passes = 0;
    let tickets = 0;
    for (;;) {
      const response = await fetch(`${stack.app.url}/firstline/mail`, {
        method: "POST",
        headers: { authorization: `Bearer ${SWEEP_SECRET}` },
      });
      const result = (await response.json()) as { tickets: number; left: number };
      expect(response.status).toBe(200);
      passes += 1;
      tickets += result.tickets;
      if (result.left === 0) break;
      // The schedule runs a pass every minute.
      stack.emulator.clock.advance({ minutes: 1 });
      if (passes > 24 * 60) throw new Error("the mailbox never emptied");
    }
    await stack.settle();
    expect(tickets).toBe(MESSAGES);
    const issues =
      stack.emulator.dump().repos.find((r) => r.fullName === "riverside/tenant-portal")?.issues ?? [];
    expect(issues).toHaveLength(MESSAGES);
    expect(new Set(issues.map((i) => i.title)).size).toBe(MESSAGES);
    expect(issues.every((i) => i.comments.some((c) => c.body.includes("<!-- firstline:card -->")))).toBe(
      true,
    );
    // Issue and card per ticket: never more content a minute or an hour than GitHub allows.
    const created = issues.map((i) => Date.parse(i.createdAt)).sort((a, b) => a - b);
    const most = (windowMs: number) =>
      Math.max(...created.map((start) => created.filter((t) => t >= start && t < start + windowMs).length));
    expect(most(60_000) * 2).toBeLessThanOrEqual(CONTENT_WRITES_PER_MINUTE);
    expect(most(3_600_000) * 2).toBeLessThanOrEqual(CONTENT_WRITES_PER_HOUR);
    const flags = await dovecot.messages();
    expect(flags).toHaveLength(MESSAGES);
    expect(flags.every((m) => m.flags.includes("$FirstlineHandled"))).toBe(true);
    console.log(
      `${MESSAGES} messages: ${passes} passes, ${Math.round((created[created.length - 1]! - created[0]!) / 60_000)} minutes of GitHub time`,
    );
  }, 900_000);
});
