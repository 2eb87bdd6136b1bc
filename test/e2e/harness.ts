/** The end-to-end harness is the demo's stack: the app as a real HTTP server against the emulator. */
export { ALERTS_SECRET, startStack, SWEEP_SECRET, WEBHOOK_SECRET, type Stack } from "../../dev/demo/stack.js";
