import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FileReader } from "../../src/github/read-file.js";
import { loadRepoConfig } from "../../src/github/repo-config.js";
import { fakeTransport } from "../helpers/fake-transport.js";
import type { GitHubTransport } from "../../src/github/transport.js";

const CONFIG = readFileSync(".github/firstline.yml", "utf8");

/** A transport that serves one file, with a fresh ETag each time so the reader never short-cuts. */
function serving(text: string): GitHubTransport {
  let n = 0;
  return fakeTransport({
    request: () =>
      Promise.resolve({
        status: 200,
        data: {
          type: "file",
          encoding: "base64",
          size: text.length,
          content: Buffer.from(text).toString("base64"),
        },
        headers: { etag: `"v${++n}"` },
      }),
  });
}

describe("the configuration is parsed once per content", () => {
  it("the same file read twice gives the same parsed value, without parsing again", async () => {
    const gh = serving(CONFIG);
    const first = await loadRepoConfig({ gh, reader: new FileReader(), repo: "northgate/support" });
    const second = await loadRepoConfig({ gh, reader: new FileReader(), repo: "northgate/support" });
    expect(first.kind).toBe("valid");
    expect(second).toBe(first);
  });

  it("a changed file is parsed afresh", async () => {
    const first = await loadRepoConfig({
      gh: serving(CONFIG),
      reader: new FileReader(),
      repo: "northgate/support",
    });
    const changed = await loadRepoConfig({
      gh: serving(CONFIG.replace("atRisk: 0.75", "atRisk: 0.8")),
      reader: new FileReader(),
      repo: "northgate/support",
    });
    expect(changed).not.toBe(first);
    expect(changed.kind === "valid" && changed.config.atRisk).toBe(0.8);
  });
});
