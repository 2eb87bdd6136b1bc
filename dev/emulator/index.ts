/** The GitHub emulator: an in-memory GitHub behind a real HTTP port. See README.md beside this file. */
export { startEmulator, type Emulator, type EmulatorOptions } from "./server.js";
export type { EmulatorInfo } from "./control/routes.js";
export type { FaultChanges, FaultSettings } from "./faults.js";
export type { RequestLogEntry, RequestLogSummary } from "./request-log.js";
export type { SeedInput } from "./state/seed-schema.js";
export type { StateDump } from "./state/dump.js";
export type { DeliveryRecord, WebhookTarget } from "./webhooks/dispatcher.js";
export { signBody } from "./webhooks/dispatcher.js";
