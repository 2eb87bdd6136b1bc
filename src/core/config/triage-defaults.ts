/**
 * The default triage rules, written the way clients write to a support desk: "our website is
 * down", "site not loading for anyone", "we've been hacked", "can't take payments". Phrases use the
 * syntax of `src/core/triage/phrases.ts`: `a|b` either word, `...` up to four words between; every
 * word also matches its other forms, British spellings and a typing slip in longer words.
 *
 * Measured against the hand-labelled tickets in `test/fixtures/triage-corpus` (see BENCHMARKS.md).
 */

/** What a site is called in a ticket. */
const SITE = "site|website|webpage|shop|store|portal|homepage|server|app|system|platform|checkout";
/** Who a ticket says is affected. */
const PEOPLE =
  "customers|people|users|members|tenants|visitors|residents|staff|editors|clients|patients|students|donors|everyone|anyone";
/** What is broken for everyone rather than for one reader. */
const NOBODY = "nobody|noone|none";

/**
 * Words that, in the same sentence, say an outage is only mentioned: a document or page about it,
 * one that is over, one that is planned, or one on a test site.
 */
export const DEFAULT_MENTION_ONLY = [
  "procedure|policy|template|wording|statement|advice|typo|section",
  "report|reports|stats|statistics|figures|uptime",
  "how often",
  "what to do",
  "was|went ... down",
  "ago",
  "ever",
  "last week|month|year",
  "came back",
  "back up",
  "fine now",
  "now fine",
  "seems fine",
  "was resolved",
  "please ignore",
  "staging|test site",
  "will be",
  "planned|scheduled|maintenance",
];

/** Keyword rules that suggest a priority; the most urgent match wins. */
export const DEFAULT_PRIORITY_RULES = [
  {
    priority: "P1" as const,
    keywords: [
      // down, offline, unreachable
      `${SITE} ... down|offline|unavailable|unreachable|inaccessible|gone|crashed|dead`,
      `can't get ... ${SITE} ... up|working|loading`,
      `${SITE} ... not ... loading|load|working|work|responding|available|accessible|reached|opening`,
      "can't ... be reached",
      `can't ... access|reach|open ... ${SITE}`,
      `can't get on|onto|into ... ${SITE}`,
      `${NOBODY} ... can get on|in|onto|into`,
      `not loading ... for anyone|everyone`,
      "not loading at all",
      "completely unavailable",
      "outage right now|currently",
      "is an outage",
      "outage on|affecting",
      "having an outage",
      // every page fails
      "bad gateway",
      "gateway timeout",
      "gateway time out",
      "service unavailable",
      "error 502|503|504",
      "502|503|504 error",
      "internal server error",
      "database error",
      "database connection",
      "fatal error",
      "white screen",
      "blank white",
      "500 error on every page",
      // compromised
      "been|being|got|are|were|is hacked|compromised|breached",
      "hacked|compromised|breached site|website|server",
      "defaced",
      "data breach",
      "malware",
      "phishing page|site|on",
      "dangerous|deceptive site",
      "sending spam",
      "someone|somebody|something ... got|broken|broke into",
      "redirects|redirecting|redirected|takes ... to ... scam|casino|spam|porn|pharmacy|phishing",
      "ransom",
      "not private",
      // cannot take money or orders
      "can't take|accept|process|receive|receiving ... payments|payment|orders|order|cards|card|donations|bookings",
      "not receiving|taking ... payments|orders|donations|bookings",
      `${NOBODY} ... can buy|pay|order|donate|checkout|book`,
      "customers|people|anyone can't pay|buy|order|donate",
      "no orders since",
      "no ... payments|orders|donations|bookings ... going|coming through",
      "payments|orders|donations ... not going|coming through",
      "orders|payments ... failing|fail for|at ... everyone|all",
      "all orders|payments ... failing|fail",
    ],
    unless: DEFAULT_MENTION_ONLY,
  },
  {
    priority: "P2" as const,
    keywords: [
      "very|really|extremely|incredibly|painfully|super|so slow|sluggish",
      "sluggish",
      "taking|takes ages",
      "long time to load",
      "seconds to load",
      "timing out",
      "times out",
      "timed out",
      "can't log|login|sign ... in|on",
      `${NOBODY} ... can log|login|sign`,
      `${NOBODY} of ... forms|codes|emails`,
      "locked out",
      "access denied",
      `${PEOPLE} ... not|stuck`,
      "not getting|receiving ... emails|email",
      "spam|junk folder|folders",
      "checkout broken",
      "error at|on|during checkout",
      "payments|payment failing|fail|failed",
      "forms not submitting",
      "form|forms ... not ... sending|submitting|working",
      "search ... not ... working|work|return",
      "on every|any page|browser|device",
      "all pages",
      "not|no ... coming|going through",
      "disappeared|vanished",
      "stopped syncing|working|sending",
      "dropped off google",
    ],
    unless: DEFAULT_MENTION_ONLY,
  },
  {
    priority: "P4" as const,
    keywords: [
      "when you have time",
      "no rush",
      "no hurry",
      "no urgency",
      "not urgent",
      "not a priority",
      "not important",
      "low priority",
      "just wondering",
      "just curious",
      "out of curiosity",
      "nice to have",
      "wish list",
      "whenever",
      "when convenient",
      "when you're free|next",
      "purely cosmetic",
      "tiny|small thing",
      "minor",
    ],
    unless: [],
  },
];

/**
 * Phrases that suggest a request is outside support: new functionality, changes to third-party
 * plugin code, work the client can do in their own CMS, and dealing with third parties for them.
 */
export const DEFAULT_CHARGEABLE_KEYWORDS = [
  // new work
  "new feature",
  "new functionality",
  "a new section",
  "would like a new",
  "new page template",
  "new integration",
  "integrate with",
  "build a|an",
  "redesign",
  "a quote",
  "quote for",
  "please quote",
  "what would it cost",
  "and costs",
  "new language|version",
  "dark mode",
  // third-party plugin code
  "plugin code|files",
  "plugin's ... template|code|files",
  "modify|change|edit|customise|customize|tweak|alter ... plugin",
  "move the site|website ... over|to",
  // work the client can do themselves
  "we can do it in the cms",
  "upload these",
  "add them all",
  "send an email to all",
  "short staffed",
  "haven't got time",
  "create ... accounts",
  // third parties on the client's behalf
  "on our behalf",
  "contact|ring|phone|call|chase|liaise|speak ... supplier|provider|registrar|company|stripe|worldpay|paypal|bt",
  "get in touch with ... supplier|provider|registrar|company",
  "contact the supplier",
  "talk to the supplier",
];
