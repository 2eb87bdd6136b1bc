import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCommandOnly, parseCommands } from "../../../src/core/ticket/command-lines.js";

describe("slash commands are only the known commands on a line of their own", () => {
  it.each([
    ["a command alone", "/priority P2", [{ name: "priority", args: "P2" }], true],
    [
      "commands on several lines",
      "/priority P2\n/type bug",
      [
        { name: "priority", args: "P2" },
        { name: "type", args: "bug" },
      ],
      true,
    ],
    ["a command after a reply", "Thanks, on it.\n/waiting", [{ name: "waiting", args: "" }], false],
    ["a path at the start of a reply", "/checkout is fixed now", [], false],
    ["another path", "/wp-admin works again", [], false],
    ["a sentence that starts with a command name", "/priority is still wrong for this one", [], false],
    ["a command that takes no words, with words", "/sla is great", [], false],
    [
      "a malformed priority is still a command (and gets an answer)",
      "/priority P7",
      [{ name: "priority", args: "P7" }],
      true,
    ],
    [
      "a chargeable reason",
      "/chargeable 2d new booking form",
      [{ name: "chargeable", args: "2d new booking form" }],
      true,
    ],
    ["a fenced block", "```\n/priority P1\n```", [], false],
    ["a tilde fence", "~~~\n/priority P1\n~~~", [], false],
    ["a quote", "> /priority P1", [], false],
    ["an indented block", "The command is:\n\n    /priority P1\n", [], false],
    ["a tab-indented line", "\t/priority P1", [], false],
    ["an HTML comment over several lines", "<!--\n/priority P1\n-->\nLooking now.", [], false],
    ["an HTML comment on one line", "<!-- /priority P1 -->", [], false],
    [
      "a command beside a hidden note",
      "/priority P2\n<!-- internal note -->",
      [{ name: "priority", args: "P2" }],
      true,
    ],
    ["an unknown command", "/deploy now", [], false],
    [
      "Windows line ends",
      "/priority P2\r\n/type bug\r\n",
      [
        { name: "priority", args: "P2" },
        { name: "type", args: "bug" },
      ],
      true,
    ],
  ])("%s", (_what, body, commands, only) => {
    expect(parseCommands(body)).toEqual(commands);
    expect(isCommandOnly(body)).toBe(only);
  });

  it("reads any text in linear time: 64 KiB of hostile text in well under a second", () => {
    for (const body of [
      "\n".repeat(65_536),
      " ".repeat(65_536),
      "/priority ".repeat(6_553),
      "<!--".repeat(16_384),
      "`".repeat(65_536),
      "/".repeat(65_536),
    ]) {
      const started = performance.now();
      parseCommands(body);
      isCommandOnly(body);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it("never throws, whatever the text (seeded)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (body) => {
        const commands = parseCommands(body);
        expect(Array.isArray(commands)).toBe(true);
        if (isCommandOnly(body)) expect(commands.length).toBeGreaterThan(0);
      }),
      { seed: 14, numRuns: 500 },
    );
  });
});
