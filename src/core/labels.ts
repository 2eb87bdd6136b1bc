/** Ticket priorities, most urgent first. */
export const PRIORITIES = ["P1", "P2", "P3", "P4"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The priority every ticket has on receipt, unless triage says otherwise (the SLA's "Normal"). */
export const DEFAULT_PRIORITY: Priority = "P3";

export const PRIORITY_NAMES: Readonly<Record<Priority, string>> = {
  P1: "Urgent",
  P2: "High",
  P3: "Normal",
  P4: "Low",
};

/** The labels Firstline reads and writes, in one place. */
export const LABELS = {
  priority: (p: Priority) => `priority: ${p}`,
  client: (id: string) => `client: ${id}`,
  type: (t: string) => `type: ${t}`,
  atRisk: "sla: at risk",
  breached: "sla: breached",
  needsInfo: "needs: info",
  chargeable: "chargeable",
} as const;

const PRIORITY_LABEL = /^priority: (P[1-4])$/i;
const CLIENT_LABEL = /^client: ([a-z0-9-]+)$/i;
const TYPE_LABEL = /^type: /i;

/** Whether two label names are the same label: GitHub compares them without case. */
export function sameLabel(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The priority a label names, if it is a priority label (`Priority: p1` is P1, as on GitHub). */
export function priorityOfLabel(label: string): Priority | undefined {
  const match = PRIORITY_LABEL.exec(label);
  return match?.[1] ? (match[1].toUpperCase() as Priority) : undefined;
}

/** The client id a label names, if it is a client label. */
export function clientOfLabel(label: string): string | undefined {
  return CLIENT_LABEL.exec(label)?.[1]?.toLowerCase();
}

/**
 * Whether a label steers a ticket's SLA clocks: priority, client, type, chargeable or a pause
 * label. Only staff and Firstline itself may change these.
 */
export function isSteeringLabel(label: string, pauseLabels: ReadonlySet<string>): boolean {
  const name = label.toLowerCase();
  if (
    PRIORITY_LABEL.test(label) ||
    CLIENT_LABEL.test(label) ||
    TYPE_LABEL.test(label) ||
    name === LABELS.chargeable
  )
    return true;
  for (const pause of pauseLabels) if (pause.toLowerCase() === name) return true;
  return false;
}

/** Whether a priority is more urgent than another. */
export function isMoreUrgent(a: Priority, b: Priority): boolean {
  return PRIORITIES.indexOf(a) < PRIORITIES.indexOf(b);
}
