import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";

/** The Dockerfile's instructions, continuation lines joined and comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  return text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const [op = "", ...rest] = line.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(" ") };
    });
}

const composeSchema = z.object({
  services: z.record(
    z.string(),
    z.object({
      build: z.string().optional(),
      image: z.string().optional(),
      environment: z.record(z.string(), z.string()).optional(),
      volumes: z.array(z.string()).optional(),
      depends_on: z.union([z.array(z.string()), z.record(z.string(), z.unknown())]).optional(),
      ports: z.array(z.string()).optional(),
    }),
  ),
});

describe("the Dockerfile", () => {
  const steps = instructions(readFileSync("Dockerfile", "utf8"));
  const finalStage = steps.slice(steps.map((s) => s.op).lastIndexOf("FROM"));

  it("ends as a non-root user running npm start", () => {
    const users = finalStage.filter((s) => s.op === "USER").map((s) => s.args);
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(finalStage.at(-1)).toEqual({ op: "CMD", args: '["npm", "start"]' });
    expect(finalStage.findIndex((s) => s.op === "USER")).toBeLessThan(finalStage.length - 1);
  });

  it("copies only what exists, and keeps the dev tools out of the final image", () => {
    for (const step of steps.filter((s) => s.op === "COPY" && !s.args.startsWith("--from"))) {
      const sources = step.args.split(/\s+/).slice(0, -1);
      for (const source of sources) expect(existsSync(source), `${source} (COPY ${step.args})`).toBe(true);
    }
    expect(finalStage.some((s) => s.op === "RUN" && s.args.includes("--omit=dev"))).toBe(true);
    const pkg = z
      .object({ scripts: z.object({ start: z.string() }) })
      .parse(JSON.parse(readFileSync("package.json", "utf8")));
    expect(pkg.scripts.start).toBe("node lib/server.js");
    expect(finalStage.some((s) => s.op === "COPY" && s.args.includes("/app/lib"))).toBe(true);
  });
});

describe("compose.yaml", () => {
  const compose = composeSchema.parse(parse(readFileSync("compose.yaml", "utf8"), { merge: true }));
  const apps = Object.entries(compose.services).filter(([, s]) => s.build === ".");

  it("runs two app instances on one Redis behind a proxy", () => {
    expect(apps.map(([name]) => name).sort()).toEqual(["app-1", "app-2"]);
    expect(compose.services["redis"]?.image).toMatch(/^redis:/);
    for (const [, app] of apps) expect(app.environment?.["REDIS_URL"]).toBe("redis://redis:6379");
    const proxy = compose.services["proxy"];
    expect(proxy?.ports).toEqual(["8080:8080"]);
  });

  it("the proxy's configuration exists and names every instance", () => {
    const mount = compose.services["proxy"]?.volumes?.[0] ?? "";
    const file = mount.split(":")[0] ?? "";
    expect(existsSync(file)).toBe(true);
    const conf = readFileSync(file, "utf8");
    for (const [name] of apps) expect(conf).toContain(`server ${name}:3000`);
  });

  it("takes secrets from the environment, never from a file in the repository", () => {
    for (const [, app] of apps) {
      for (const key of ["PRIVATE_KEY", "WEBHOOK_SECRET", "APP_ID"])
        expect(app.environment?.[key]).toMatch(/^\$\{/);
    }
  });
});
