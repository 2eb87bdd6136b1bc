/** A change Firstline wants made to one ticket; `src/github` carries these out. */
export type TicketAction =
  | { readonly kind: "add-labels"; readonly labels: readonly string[] }
  | { readonly kind: "remove-labels"; readonly labels: readonly string[] }
  | { readonly kind: "create-comment"; readonly body: string; readonly why: string }
  | {
      readonly kind: "update-comment";
      readonly commentId: number;
      readonly body: string;
      readonly why: string;
    }
  | { readonly kind: "assign"; readonly logins: readonly string[] }
  | { readonly kind: "unassign"; readonly logins: readonly string[] }
  | { readonly kind: "react"; readonly commentId: number; readonly reaction: "+1" | "confused" | "eyes" };

/** Whether an action writes to GitHub's content (comments), which GitHub's secondary limits count. */
export function isContentCreation(action: TicketAction): boolean {
  return action.kind === "create-comment";
}

/** Labels to add and remove so that `current` becomes `wanted` for the labels Firstline manages. */
export function labelChanges(params: {
  readonly current: readonly string[];
  readonly add: readonly string[];
  readonly remove: readonly string[];
}): TicketAction[] {
  // GitHub compares label names without case: `Priority: P1` on the issue is `priority: P1`.
  const has = new Map(params.current.map((l) => [l.toLowerCase(), l]));
  const adding = new Set(params.add.map((l) => l.toLowerCase()));
  const add = [...new Map(params.add.map((l) => [l.toLowerCase(), l])).values()].filter(
    (l) => !has.has(l.toLowerCase()),
  );
  const remove = [...new Set(params.remove.map((l) => l.toLowerCase()))]
    .filter((l) => !adding.has(l))
    .flatMap((l) => {
      const current = has.get(l);
      return current === undefined ? [] : [current];
    });
  const actions: TicketAction[] = [];
  if (add.length > 0) actions.push({ kind: "add-labels", labels: add });
  if (remove.length > 0) actions.push({ kind: "remove-labels", labels: remove });
  return actions;
}
