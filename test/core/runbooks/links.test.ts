import { describe, expect, it } from "vitest";
import { headingSlug, uniqueHeadingIds } from "../../../src/core/runbooks/heading-ids.js";
import { classifyLink, type LinkTarget } from "../../../src/core/runbooks/link-target.js";

describe("classifyLink", () => {
  const cases: readonly (readonly [string, LinkTarget])[] = [
    ["https://letsencrypt.org/docs/", { kind: "web" }],
    ["HTTP://example.org", { kind: "web" }],
    ["mailto:ops@example.org", { kind: "web" }],
    ["//cdn.example.org/x.js", { kind: "web" }],
    ["javascript:alert(1)", { kind: "unsafe", scheme: "javascript" }],
    ["JaVaScRiPt:alert(1)", { kind: "unsafe", scheme: "javascript" }],
    [" \u0001javascript:alert(1)", { kind: "unsafe", scheme: "javascript" }],
    ["java\tscript:alert(1)", { kind: "unsafe", scheme: "javascript" }],
    ["data:text/html;base64,PHNjcmlwdD4=", { kind: "unsafe", scheme: "data" }],
    ["vbscript:msgbox", { kind: "unsafe", scheme: "vbscript" }],
    ["file:///etc/passwd", { kind: "unsafe", scheme: "file" }],
    ["#diagnosis", { kind: "same-page", fragment: "diagnosis" }],
    ["site-down.md", { kind: "runbook", slug: "site-down", fragment: undefined }],
    ["./site-down.md#resolution", { kind: "runbook", slug: "site-down", fragment: "resolution" }],
    ["site%2Ddown.md", { kind: "runbook", slug: "site-down", fragment: undefined }],
    ["../README.md", { kind: "not-a-runbook", path: "../README.md" }],
    ["sub/page.md", { kind: "not-a-runbook", path: "sub/page.md" }],
    ["diagram.png", { kind: "not-a-runbook", path: "diagram.png" }],
    ["", { kind: "not-a-runbook", path: "" }],
  ];
  it.each(cases)("%j", (href, expected) => {
    expect(classifyLink(href)).toEqual(expected);
  });
});

describe("heading anchors, as GitHub makes them", () => {
  it.each([
    ["Symptoms", "symptoms"],
    ["Site down (HTTP 5xx)", "site-down-http-5xx"],
    ["  What's `df -h` saying?  ", "whats-df--h-saying"],
    ["Étape 2: vérifier", "étape-2-vérifier"],
  ])("%j is #%s", (text, slug) => {
    expect(headingSlug(text)).toBe(slug);
  });

  it("numbers repeated headings in document order", () => {
    expect(uniqueHeadingIds(["Notes", "Notes", "Notes-1", "Notes"])).toEqual([
      "notes",
      "notes-1",
      "notes-1-1",
      "notes-2",
    ]);
  });
});
