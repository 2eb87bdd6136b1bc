import { isTicketRepository } from "../repositories.js";
export { isTicketRepository } from "../repositories.js";
import type { FirstlineConfig } from "../config/firstline-config.js";
import { DEFAULT_PRIORITY, isMoreUrgent, LABELS, type Priority } from "../labels.js";
import { FORM_FIELDS, IMPACT_OPTIONS, TYPE_OPTIONS, type TicketType } from "./form-fields.js";
import { formField, readIssueForm } from "./issue-form.js";
import { missingInfo, type MissingInfo } from "./needs-info.js";
import { compileRule, ruleMatches, ticketSentences, type PhraseRule } from "./phrases.js";
import { typeFromWords } from "./type-rules.js";

/** The parts of an issue triage reads. */
export interface IssueFacts {
  readonly repo: string;
  readonly title: string;
  readonly body: string | null;
  readonly isPullRequest: boolean;
}

/** The slice of configuration triage needs. */
export type TriageConfig = Pick<
  FirstlineConfig,
  "clients" | "priorityRules" | "ticketRepos" | "chargeableKeywords" | "pauseLabels"
>;

/** How each decision was reached, so people can see why. */
export type Source = "repository" | "form" | "keywords" | "default";

/** What triage decides about a new issue. */
export interface TriageDecision {
  readonly ticket: boolean;
  readonly client: string;
  readonly clientSource: Source;
  readonly priority: Priority;
  readonly prioritySource: Source;
  readonly type: TicketType;
  readonly typeSource: Source;
  readonly labels: readonly string[];
  readonly needsInfo: readonly MissingInfo[];
  /** The labels among `labels` that ask for details (needs: info and, below P1, the waiting pause). */
  readonly infoLabels: readonly string[];
  readonly chargeableSuggested: boolean;
  readonly chargeableMatches: readonly string[];
}

/** Whether a phrase stands in the text as whole words, case-insensitively. */
export function contains(text: string, phrase: string): boolean {
  const escaped = phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`, "i").test(text);
}

function decideClient(
  config: TriageConfig,
  issue: IssueFacts,
  fields: ReadonlyMap<string, string>,
  text: string,
): { client: string; source: Source } {
  const name = issue.repo.toLowerCase();
  const byRepo = config.clients.find((c) => c.repos.some((r) => r.toLowerCase() === name));
  if (byRepo) return { client: byRepo.id, source: "repository" };
  const answer = formField(fields, FORM_FIELDS.client)?.toLowerCase();
  if (answer) {
    const byForm = config.clients.find(
      (c) =>
        c.id === answer || c.name.toLowerCase() === answer || c.keywords.some((k) => contains(answer, k)),
    );
    if (byForm) return { client: byForm.id, source: "form" };
  }
  const byKeywords = config.clients.filter(
    (c) => c.keywords.some((k) => contains(text, k)) || contains(text, c.name),
  );
  if (byKeywords.length === 1 && byKeywords[0]) return { client: byKeywords[0].id, source: "keywords" };
  return { client: "unknown", source: "default" };
}

/** The rules compiled once per configuration (a configuration is parsed once and then only read). */
const compiledRules = new WeakMap<
  object,
  readonly { readonly priority: Priority; readonly rule: PhraseRule }[]
>();
const compiledChargeable = new WeakMap<object, PhraseRule>();

function priorityRules(config: Pick<TriageConfig, "priorityRules">) {
  let rules = compiledRules.get(config.priorityRules);
  if (!rules) {
    rules = config.priorityRules.map((rule) => ({ priority: rule.priority, rule: compileRule(rule) }));
    compiledRules.set(config.priorityRules, rules);
  }
  return rules;
}

/** The chargeable phrases found in a ticket's title and body. */
export function chargeableMatches(
  config: Pick<TriageConfig, "chargeableKeywords">,
  ticket: { readonly title: string; readonly body: string | null },
): string[] {
  let rule = compiledChargeable.get(config.chargeableKeywords);
  if (!rule) {
    rule = compileRule({ keywords: config.chargeableKeywords });
    compiledChargeable.set(config.chargeableKeywords, rule);
  }
  return ruleMatches(rule, ticketSentences(ticket));
}

/** The most urgent priority the keyword rules suggest for a ticket's title and body, if any. */
export function priorityFromRules(
  config: Pick<TriageConfig, "priorityRules">,
  ticket: { readonly title: string; readonly body: string | null },
): Priority | undefined {
  const sentences = ticketSentences(ticket);
  let best: Priority | undefined;
  for (const { priority, rule } of priorityRules(config)) {
    if ((!best || isMoreUrgent(priority, best)) && ruleMatches(rule, sentences).length > 0) best = priority;
  }
  return best;
}

function decidePriority(
  config: TriageConfig,
  fields: ReadonlyMap<string, string>,
  issue: IssueFacts,
): { priority: Priority; source: Source } {
  const impact = formField(fields, FORM_FIELDS.impact);
  const option = impact
    ? IMPACT_OPTIONS.find((o) => o.answer.toLowerCase() === impact.toLowerCase())
    : undefined;
  if (option) return { priority: option.priority, source: "form" };
  const ruled = priorityFromRules(config, issue);
  return ruled ? { priority: ruled, source: "keywords" } : { priority: DEFAULT_PRIORITY, source: "default" };
}

function decideType(
  fields: ReadonlyMap<string, string>,
  issue: IssueFacts,
): { type: TicketType; source: Source } {
  const answer = formField(fields, FORM_FIELDS.type);
  const option = answer
    ? TYPE_OPTIONS.find((o) => o.answer.toLowerCase() === answer.toLowerCase())
    : undefined;
  if (option) return { type: option.type, source: "form" };
  const worded = typeFromWords({
    title: issue.title,
    titleSentences: ticketSentences({ title: issue.title, body: null }),
    all: ticketSentences(issue),
  });
  return worded ? { type: worded, source: "keywords" } : { type: "question", source: "default" };
}

/**
 * Triage of a new issue: client (repository, then the form's organisation field, then keywords,
 * else unknown), priority (the form's impact, then keyword rules, else P3: every ticket is Normal
 * on receipt), type, what a bug report is missing, and whether the work looks chargeable.
 */
export function classifyTicket(params: {
  readonly config: TriageConfig;
  readonly issue: IssueFacts;
}): TriageDecision {
  const { config, issue } = params;
  const ticket = !issue.isPullRequest && isTicketRepository(config, issue.repo);
  const fields = readIssueForm(issue.body);
  const text = `${issue.title}\n${issue.body ?? ""}`;
  const client = decideClient(config, issue, fields, text);
  const priority = decidePriority(config, fields, issue);
  const type = decideType(fields, issue);
  const needsInfo = type.type === "bug" ? missingInfo({ fields, text }) : [];
  const chargeable = chargeableMatches(config, issue);
  const labels = [LABELS.client(client.client), LABELS.priority(priority.priority), LABELS.type(type.type)];
  // Details are asked for, but an urgent ticket's clock never waits for them.
  const infoLabels =
    needsInfo.length > 0
      ? [LABELS.needsInfo, ...(priority.priority === "P1" ? [] : [waitingLabel(config)])]
      : [];
  labels.push(...infoLabels);
  return {
    ticket,
    client: client.client,
    clientSource: client.source,
    priority: priority.priority,
    prioritySource: priority.source,
    type: type.type,
    typeSource: type.source,
    labels: ticket ? labels : [],
    needsInfo: ticket ? needsInfo : [],
    infoLabels: ticket ? infoLabels : [],
    chargeableSuggested: ticket && chargeable.length > 0,
    chargeableMatches: ticket ? chargeable : [],
  };
}

/** The pause label that means "waiting on the client" (the first configured pause label). */
export function waitingLabel(config: Pick<TriageConfig, "pauseLabels">): string {
  return config.pauseLabels[0] ?? "status: waiting on client";
}
