import { describe, expect, it } from "vitest";
import { pendingPagesOver } from "../../src/app/state/pending-pages.js";
import type { KeyedTexts } from "../../src/app/state/state-store.js";

function texts(initial: [string, string][]): KeyedTexts {
  const map = new Map(initial);
  return {
    set: (key, value) => Promise.resolve(void map.set(key, value)),
    delete: (key) => Promise.resolve(void map.delete(key)),
    list: () => Promise.resolve([...map]),
  };
}

describe("pages awaiting escalation, kept as texts", () => {
  it("round-trips a page and leaves out entries that do not read, rather than stopping the watch", async () => {
    const pages = pendingPagesOver(
      texts([
        ["acme/web#1", "{not json"],
        ["acme/web#2", JSON.stringify({ repo: "acme/web", number: "two", homeRepo: "acme/support" })],
      ]),
    );
    await pages.set("acme/web#3", { repo: "acme/web", number: 3, homeRepo: "acme/support" });
    expect(await pages.list()).toEqual([
      ["acme/web#3", { repo: "acme/web", number: 3, homeRepo: "acme/support" }],
    ]);
    await pages.delete("acme/web#3");
    expect(await pages.list()).toEqual([]);
  });
});
