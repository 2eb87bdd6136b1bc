import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCommandOnly, parseCommands } from "../../src/core/ticket/command-lines.js";
import { classifyTicket } from "../../src/core/triage/classify.js";
import { readIssueForm } from "../../src/core/triage/issue-form.js";
import { missingInfo } from "../../src/core/triage/needs-info.js";
import { neutralise, quoteInline } from "../../src/core/markdown/safe-text.js";
import { ticketConfig } from "../helpers/ticket-fixtures.js";

/** Everything that reads a ticket's text, run once. */
function readAll(text: string): void {
  classifyTicket({
    config: ticketConfig,
    issue: { repo: "acme/website", title: text.slice(0, 256), body: text, isPullRequest: false },
  });
  missingInfo({ fields: readIssueForm(text), text });
  parseCommands(text);
  isCommandOnly(text);
  neutralise(text);
  quoteInline(text, 80);
}

const SIZE = 65_536;
/** Texts that make backtracking patterns take quadratic or worse time. */
const PATHOLOGICAL: Record<string, string> = {
  newlines: "\n".repeat(SIZE),
  spaces: " ".repeat(SIZE),
  "numbered steps without a second": "1. ".repeat(SIZE / 3),
  "bullets and blank lines": "- \n\n".repeat(SIZE / 4),
  "form headings": "### a\n".repeat(SIZE / 6),
  "then without an action": "then ".repeat(SIZE / 5),
  "urls without an end": "http://".repeat(SIZE / 7),
  "open HTML comments": "<!--".repeat(SIZE / 4),
  fences: "```\n".repeat(SIZE / 4),
  slashes: "/".repeat(SIZE),
};

describe("ticket text is read in linear time, whatever a reporter writes", () => {
  it.each(Object.entries(PATHOLOGICAL))("64 KiB of %s: read in well under a second", (_name, text) => {
    const started = performance.now();
    readAll(text);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("random text (seeded): every parser answers within a fixed time, and time grows no faster than the text", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            "1",
            ".",
            " ",
            "\n",
            "-",
            "*",
            "#",
            "`",
            "/",
            "<",
            "!",
            "then ",
            "click ",
            "steps",
            ":",
            "a",
          ),
          maxLength: 2_000,
        }),
        (piece) => {
          const text = piece.repeat(Math.max(1, Math.floor(20_000 / Math.max(1, piece.length))));
          const started = performance.now();
          readAll(text);
          expect(performance.now() - started).toBeLessThan(1_000);
        },
      ),
      { seed: 15, numRuns: 60 },
    );
  });
});
