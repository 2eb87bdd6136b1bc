import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testProbot, webhookExample } from "../helpers/probot.js";

const API = "https://api.github.com";
const CONFIG = "clients:\n  - { id: codertocat, name: Codertocat Ltd, repos: [Codertocat/Hello-World] }\n";
const base64 = (text: string) => Buffer.from(text).toString("base64");

describe("code scanning alerts become one maintenance ticket per rule", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("GitHub's created payload opens the rule's one ticket", async () => {
    const { probot } = testProbot({ now: "2026-12-02T11:00:00Z" });
    const payload = webhookExample<{ alert: Record<string, unknown> }>("code_scanning_alert", "created");
    let created: { title: string; body: string; labels: string[] } | undefined;
    const installation = (payload as unknown as { installation: { id: number } }).installation.id;
    const scope = nock(API)
      .post(`/app/installations/${installation}/access_tokens`)
      .reply(201, { token: "t" })
      .get("/repos/Codertocat/Hello-World/contents/.github%2Ffirstline.yml")
      .reply(200, { type: "file", encoding: "base64", content: base64(CONFIG) }, { etag: '"c1"' })
      .get("/repos/Codertocat/Hello-World/contents/rota%2Fpeople.yml")
      .reply(404, {})
      .get("/repos/Codertocat/Hello-World/contents/rota%2Fsupport.yml")
      .reply(404, {})
      .get("/repos/Codertocat/Hello-World/contents/rota%2Fon-call.yml")
      .reply(404, {})
      .get("/repos/Codertocat/Hello-World/code-scanning/alerts")
      .query({ per_page: 100, page: 1 })
      .reply(200, [payload.alert])
      .get("/repos/Codertocat/Hello-World/issues")
      .query(true)
      .reply(200, [])
      .post(
        "/repos/Codertocat/Hello-World/issues",
        (body: { title: string; body: string; labels: string[] }) => ((created = body), true),
      )
      .reply(201, { number: 7 })
      // After creating, Firstline looks once more for a twin a racing writer may have opened.
      .get("/repos/Codertocat/Hello-World/issues")
      .query({ state: "open", sort: "created", direction: "desc", per_page: 100, page: 1 })
      .reply(200, []);
    await probot.receive({ id: "cs-1", name: "code_scanning_alert", payload } as never);
    expect(scope.pendingMocks()).toEqual([]);
    const ruleId = (payload.alert["rule"] as { id: string }).id;
    expect(created?.title).toContain(ruleId);
    expect(created?.labels).toEqual(expect.arrayContaining(["type: maintenance", "client: codertocat"]));
    expect(created?.body).toContain(`<!-- firstline:code-scanning:Codertocat/Hello-World:${ruleId} -->`);
  });
});
