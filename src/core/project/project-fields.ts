import { PRIORITIES } from "../labels.js";
import { TICKET_TYPES } from "../triage/form-fields.js";

/** The kinds of Project field Firstline creates (GitHub's `ProjectV2CustomFieldType`). */
export type ProjectFieldType = "TEXT" | "DATE" | "SINGLE_SELECT";

/** One field Firstline creates and owns on the agency's Project. */
export interface ProjectFieldSpec {
  readonly name: string;
  readonly type: ProjectFieldType;
  /** A single-select field's options, in order. */
  readonly options: readonly string[];
  readonly description: string;
}

/** The SLA states a ticket's item shows, worst first. */
export const SLA_STATES = ["breached", "at risk", "running", "paused", "met"] as const;
export type ProjectSlaState = (typeof SLA_STATES)[number];

/** Whose move it is on a ticket. */
export const WAITING_ON = ["us", "client"] as const;

/** Field names, in one place. */
export const FIELD = {
  client: "Client",
  priority: "Priority",
  type: "Type",
  slaState: "SLA state",
  nextDue: "Next due",
  nextDueTime: "Next due time",
  waitingOn: "Waiting on",
  onSupport: "On support",
} as const;

/**
 * The fields Firstline keeps on every ticket's item. A Project date has no time of day, so the
 * due date (in the agency's zone) sorts and filters, and the local time beside it says when.
 */
export const PROJECT_FIELDS: readonly ProjectFieldSpec[] = [
  { name: FIELD.client, type: "TEXT", options: [], description: "The client id of the ticket." },
  { name: FIELD.priority, type: "SINGLE_SELECT", options: PRIORITIES, description: "The ticket's priority." },
  { name: FIELD.type, type: "SINGLE_SELECT", options: TICKET_TYPES, description: "The ticket's type." },
  {
    name: FIELD.slaState,
    type: "SINGLE_SELECT",
    options: SLA_STATES,
    description: "The state of the ticket's most urgent running target.",
  },
  {
    name: FIELD.nextDue,
    type: "DATE",
    options: [],
    description: "The local date the most urgent running target is due.",
  },
  {
    name: FIELD.nextDueTime,
    type: "TEXT",
    options: [],
    description: "The local time it is due, with the zone.",
  },
  { name: FIELD.waitingOn, type: "SINGLE_SELECT", options: WAITING_ON, description: "Whose move it is." },
  { name: FIELD.onSupport, type: "TEXT", options: [], description: "This week's first line support pair." },
];

/** A field value as Firstline compares it: the text, the option's name, the date `YYYY-MM-DD`; null when empty. */
export type FieldValues = Readonly<Record<string, string | null>>;
