/**
 * Vitest's global setup: unpacks the npm registry's Chromium (`@sparticuz/chromium`) once, before
 * the test files run in parallel, so two browser test files never race to write the same binary.
 * A failure here is not fatal: the browser tests then fall back to the system's Chromium and say why.
 */
export default async function unpackChromium(): Promise<void> {
  if (process.env["CHROMIUM_PATH"]) return;
  try {
    const { default: chromium } = await import("@sparticuz/chromium");
    await chromium.executablePath();
  } catch {
    // reported by the browser tests themselves
  }
}
