import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import type { Emulator } from "../../dev/emulator/index.js";
import { startAgency, userClient } from "./helpers.js";

/** A tiny Probot app: thanks the author of every new issue, using the repository's config file. */
function thankYouApp(app: Probot): void {
  app.on("issues.opened", async (context) => {
    const config = await context.config<{ timezone?: string }>("firstline.yml");
    const { data: labels } = await context.octokit.rest.issues.listLabelsOnIssue(context.issue());
    await context.octokit.rest.issues.createComment(
      context.issue({ body: `Thanks! (${config?.timezone ?? "no config"}, ${labels.length} labels)` }),
    );
  });
}

describe("Probot against the emulator", () => {
  let emulator: Emulator | undefined;
  let server: Server | undefined;
  afterEach(async () => {
    await emulator?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it("authenticates as the app, reads config and answers a webhook, and the emulator waits for it", async () => {
    ({ emulator } = await startAgency({ validateResponses: false }));
    const probot = new Probot({
      appId: emulator.appId,
      privateKey: String(emulator.privateKeyPem),
      secret: "webhook-secret",
      baseUrl: emulator.url,
      Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
        ...options,
        retry: { enabled: false },
        throttle: { ...(options["throttle"] as object), enabled: false },
      })),
      logLevel: "error",
    });
    const middleware = await createNodeMiddleware(thankYouApp, { probot });
    server = createServer((request, response) => {
      void middleware(request, response, () => {
        response.writeHead(404);
        response.end();
      });
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    emulator.setWebhook({ url: `http://127.0.0.1:${port}/api/github/webhooks`, secret: "webhook-secret" });

    await userClient(emulator, "pat").rest.issues.create({ owner: "acme", repo: "website", title: "Help" });
    await emulator.waitForIdle();

    expect(emulator.deliveries().map((d) => [d.event, d.action, d.status])).toEqual([
      ["issues", "opened", 200],
      ["issue_comment", "created", 200],
    ]);
    expect(emulator.dump().repos[0]?.issues[0]?.comments).toEqual([
      expect.objectContaining({ author: "firstline[bot]", body: "Thanks! (Europe/London, 0 labels)" }),
    ]);
    expect(emulator.log.summary()).toMatchObject({
      unknownOperations: 0,
      counts: {
        "apps/create-installation-access-token": 1,
        "repos/get-content": 1,
        "issues/list-labels-on-issue": 1,
        "issues/create-comment": 1,
      },
    });
  });
});
