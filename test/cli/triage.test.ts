import { describe, expect, it } from "vitest";
import { webhookExample } from "../helpers/probot.js";
import { runCli } from "../helpers/memory-io.js";

const CONFIG =
  "clients:\n  - { id: codertocat, name: Codertocat Ltd, repos: [Codertocat/Hello-World], keywords: [octocat] }\n";

describe("firstline triage", () => {
  it("triages GitHub's own issues.opened payload, as the app would", async () => {
    const payload = webhookExample("issues", "opened");
    const result = await runCli(["triage", "--config", "c.yml", "--issue", "i.json", "--json"], {
      "c.yml": CONFIG,
      "i.json": JSON.stringify(payload),
    });
    expect(result.code).toBe(0);
    expect(result.json()).toEqual({
      ticket: true,
      client: "codertocat",
      priority: "P3",
      type: "bug",
      labels: ["client: codertocat", "priority: P3", "type: bug", "needs: info", "status: waiting on client"],
      needsInfo: ["steps to reproduce", "the page or URL affected", "expected and actual behaviour"],
      chargeableSuggested: false,
    });
  });

  it("takes a bare issue object with repository_url, and says when it is not a ticket", async () => {
    const issue = { title: "Hello", body: "x", repository_url: "https://api.github.com/repos/someone/else" };
    const result = await runCli(["triage", "--config", "c.yml", "--issue", "i.json"], {
      "c.yml": CONFIG,
      "i.json": JSON.stringify(issue),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("someone/else: not a ticket");
  });

  it("a pull request is never a ticket", async () => {
    const payload = webhookExample<{ issue: Record<string, unknown> }>("issues", "opened");
    payload.issue["pull_request"] = { url: "https://api.github.com/repos/Codertocat/Hello-World/pulls/1" };
    const result = await runCli(["triage", "--config", "c.yml", "--issue", "i.json", "--json"], {
      "c.yml": CONFIG,
      "i.json": JSON.stringify(payload),
    });
    expect((result.json() as { ticket: boolean }).ticket).toBe(false);
  });

  it("an issue without its repository is refused with the key path", async () => {
    const result = await runCli(["triage", "--config", "c.yml", "--issue", "i.json"], {
      "c.yml": CONFIG,
      "i.json": JSON.stringify({ title: "x" }),
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      "i.json: repository: the issue's repository is missing: give repository.full_name",
    );
  });
});
