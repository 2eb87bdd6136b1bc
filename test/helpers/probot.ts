import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import { Probot, ProbotOctokit } from "probot";
import { firstlineApp } from "../../src/app/index.js";
import { FirstlineService } from "../../src/app/service.js";

const require = createRequire(import.meta.url);

interface Example {
  readonly name: string;
  readonly examples: readonly Record<string, unknown>[];
}

/** GitHub's own webhook payload for an event and action, with an installation added (most examples lack one). */
export function webhookExample<T = Record<string, unknown>>(name: string, action: string, index = 0): T {
  const all = require("@octokit/webhooks-examples") as Example[];
  const event = all.find((e) => e.name === name);
  const matches = event?.examples.filter((e) => e["action"] === action) ?? [];
  const example = matches[index];
  if (!example) throw new Error(`no example ${name}.${action}[${index}]`);
  return {
    installation: { id: 2, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMg==" },
    ...structuredClone(example),
  } as T;
}

export const { privateKey: TEST_PRIVATE_KEY } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

/** A Probot with Firstline loaded, retries and throttling off (the function form, see TOOLCHAIN). */
export function testProbot(params: { now: string; baseUrl?: string; supportRepo?: string }) {
  const service = new FirstlineService({ clock: () => new Date(params.now), botLogin: "firstline[bot]" });
  const probot = new Probot({
    appId: 1,
    privateKey: TEST_PRIVATE_KEY,
    ...(params.baseUrl ? { baseUrl: params.baseUrl } : {}),
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { ...(options["throttle"] as object), enabled: false },
    })),
    logLevel: "fatal",
  });
  probot.load(
    firstlineApp({ service, schedule: false, supportRepo: params.supportRepo ?? "Codertocat/Hello-World" }),
  );
  return { probot, service };
}
