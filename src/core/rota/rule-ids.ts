/**
 * The rule ids rota findings carry (DOMAIN section 5). The number in each comment is the rule's
 * number there; change checks add `notice` and `admins`.
 */
export const ROTA_RULE = {
  /** 1: a week key is a Wednesday. */
  weekWednesday: "rota/week-wednesday",
  /** 1: every login exists in people.yml. */
  unknownLogin: "rota/unknown-login",
  /** 1: a login is listed once in people.yml. */
  duplicateLogin: "rota/duplicate-login",
  /** 2: each support week has one developer and one operations engineer, of those roles. */
  supportPair: "rota/support-pair",
  /** 3: only vetted people hold a slot; unvetted people may only shadow. */
  vetted: "rota/vetted",
  /** 4: each on-call week has a primary and a second line. */
  onCallSlots: "rota/on-call-slots",
  /** 4: only people with `onCall: true` are primary. */
  onCallOptIn: "rota/on-call-opt-in",
  /** 4: the second line needs `secondLine: true`, and is not the primary. */
  secondLine: "rota/second-line",
  /** 5: every week from the current one to 13 weeks ahead is covered. */
  coverage: "rota/coverage",
  /** 6: nobody holds a slot in a week that overlaps their time away. */
  away: "rota/away",
  /** 6 (warning): a slot during client work. */
  clientWork: "rota/client-work",
  /** 7 (warning): the same person in the same role two weeks running. */
  twoWeeksRunning: "rota/two-weeks-running",
  /** 8 (warning): weeks per person differ by more than one. */
  fairness: "rota/fairness",
  /** Changes: a changed week starts too soon (or has started). */
  notice: "rota/notice",
  /** Overrides: the person covered holds that slot that day, and the cover is someone else. */
  overrideSlot: "rota/override-slot",
  /** Overrides: one entry per day and slot. */
  overrideDuplicate: "rota/override-duplicate",
  /** Changes: people.yml changed but no rota admins were named to approve it. */
  admins: "rota/admins",
} as const;
