import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../dev/emulator/index.js";
import { installationClient, startAgency, userClient } from "./helpers.js";

const where = { owner: "acme", repo: "website" };
const status = async (work: Promise<unknown>) =>
  work.then(
    () => 200,
    (error: { status?: number }) => error.status,
  );

describe("the emulator's branches and file writes, as GitHub answers them", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    ({ emulator } = await startAgency());
  });
  afterAll(async () => {
    expect(emulator.responseProblems()).toEqual([]);
    await emulator.close();
  });

  it("makes a branch at a commit, once", async () => {
    const gh = await installationClient(emulator);
    expect(await status(gh.rest.git.getRef({ ...where, ref: "heads/files" }))).toBe(404);
    const { data: main } = await gh.rest.git.getRef({ ...where, ref: "heads/main" });
    const { data: made } = await gh.rest.git.createRef({
      ...where,
      ref: "refs/heads/files",
      sha: main.object.sha,
    });
    expect(made).toMatchObject({ ref: "refs/heads/files", object: { type: "commit", sha: main.object.sha } });
    expect(
      await status(gh.rest.git.createRef({ ...where, ref: "refs/heads/files", sha: main.object.sha })),
    ).toBe(422);
    expect(
      await status(gh.rest.git.createRef({ ...where, ref: "refs/heads/other", sha: "0".repeat(40) })),
    ).toBe(422);
    // A misspelt key is refused, as GitHub's description says.
    expect(
      await status(
        gh.request("POST /repos/{owner}/{repo}/git/refs", {
          ...where,
          ref: "refs/heads/x",
          sha: main.object.sha,
          shaa: 1,
        }),
      ),
    ).toBe(422);
  });

  it("writes a file on a branch; the same path again needs its sha; a missing branch is a 404", async () => {
    const gh = await installationClient(emulator);
    const content = Buffer.from("hello\n").toString("base64");
    const { status: created, data } = await gh.rest.repos.createOrUpdateFileContents({
      ...where,
      path: "t1/a.txt",
      message: "add a.txt",
      content,
      branch: "files",
    });
    expect(created).toBe(201);
    expect(data.content?.html_url).toMatch(/\/acme\/website\/blob\/files\/t1\/a\.txt$/);
    const { data: read } = await gh.rest.repos.getContent({ ...where, path: "t1/a.txt", ref: "files" });
    expect(
      Array.isArray(read)
        ? null
        : Buffer.from(String((read as { content: string }).content), "base64").toString(),
    ).toBe("hello\n");
    expect(await status(gh.rest.repos.getContent({ ...where, path: "t1/a.txt" }))).toBe(404);
    expect(
      await status(
        gh.rest.repos.createOrUpdateFileContents({
          ...where,
          path: "t1/a.txt",
          message: "again",
          content,
          branch: "files",
        }),
      ),
    ).toBe(422);
    expect(
      await status(
        gh.rest.repos.createOrUpdateFileContents({
          ...where,
          path: "b.txt",
          message: "b",
          content,
          branch: "nope",
        }),
      ),
    ).toBe(404);
  });

  it("refuses a write from someone who may only read", async () => {
    const pat = userClient(emulator, "sam");
    expect(
      await status(
        pat.rest.repos.createOrUpdateFileContents({
          ...where,
          path: "c.txt",
          message: "c",
          content: Buffer.from("c").toString("base64"),
          branch: "files",
        }),
      ),
    ).toBe(403);
  });
});
