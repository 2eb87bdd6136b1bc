import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { FORM_FIELDS, IMPACT_OPTIONS, TYPE_OPTIONS } from "../../src/core/triage/form-fields.js";

interface FormField {
  type: string;
  attributes: { label?: string; options?: string[] };
}

const form = parse(readFileSync(".github/ISSUE_TEMPLATE/support-request.yml", "utf8")) as {
  body: FormField[];
};
const labels = form.body.filter((f) => f.type !== "markdown").map((f) => f.attributes.label);

describe("the client issue form", () => {
  it("asks every field triage reads, under exactly the labels it reads", () => {
    expect(new Set(labels)).toEqual(new Set(Object.values(FORM_FIELDS)));
  });

  it("offers exactly the impact and type answers triage maps", () => {
    const options = (label: string) =>
      form.body.find((f) => f.attributes.label === label)?.attributes.options;
    expect(options(FORM_FIELDS.impact)).toEqual(IMPACT_OPTIONS.map((o) => o.answer));
    expect(options(FORM_FIELDS.type)).toEqual(TYPE_OPTIONS.map((o) => o.answer));
  });
});

describe("the app manifest", () => {
  it("subscribes to the events the app handles and asks no write access it does not use", () => {
    const manifest = parse(readFileSync("app.yml", "utf8")) as {
      default_events: string[];
      default_permissions: Record<string, string>;
    };
    expect(manifest.default_events).toEqual(
      expect.arrayContaining(["issues", "issue_comment", "pull_request", "pull_request_review", "push"]),
    );
    const writes = Object.entries(manifest.default_permissions)
      .filter(([, level]) => level === "write")
      .map(([name]) => name);
    // contents: write is for one thing, email attachments on the firstline-attachments branch.
    expect(writes.sort()).toEqual(["checks", "contents", "issues", "organization_projects", "pull_requests"]);
  });
});
