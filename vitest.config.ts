import { defineConfig } from "vitest/config";

/**
 * Time limits are for hangs, not for speed: the slowest test takes under 20 s on a quiet machine
 * with two cores, and every limit is at least five times what its test takes there, so a busy
 * machine slows the suite down without failing it.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/unpack-chromium.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    pool: "forks",
  },
});
