import { describe, expect, it, vi } from "vitest";
import { ALERTMANAGER } from "./alertmanager.js";
import { findBinary, installCommand, skipWithoutServer } from "./debian-package.js";

describe("tests that need a server from Debian's packages", () => {
  it("find the binary named by the override variable before PATH", () => {
    expect(findBinary(ALERTMANAGER, { ALERTMANAGER_BIN: process.execPath, PATH: "" })).toBe(process.execPath);
    expect(findBinary(ALERTMANAGER, { PATH: "/nowhere-at-all" })).toBeNull();
  });

  it("name the package and the command that installs it", () => {
    expect(installCommand(ALERTMANAGER)).toBe("apt-get update && apt-get install -y prometheus-alertmanager");
  });

  it("skip with one line outside CI, and never skip under CI=true", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const missing = { available: false as const, reason: "Prometheus Alertmanager is not installed" };
    expect(skipWithoutServer(missing, {})).toBe(true);
    expect(warn).toHaveBeenCalledExactlyOnceWith("skipped: Prometheus Alertmanager is not installed");
    expect(skipWithoutServer(missing, { CI: "true" })).toBe(false);
    expect(skipWithoutServer({ available: true, binary: "/usr/bin/x" }, {})).toBe(false);
    warn.mockRestore();
  });
});
