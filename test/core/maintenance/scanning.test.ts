import { describe, expect, it } from "vitest";
import {
  codeScanningAlertSchema,
  secretScanningAlertSchema,
} from "../../../src/core/maintenance/alert-schemas.js";
import {
  codeScanningSeverity,
  planCodeScanningTicket,
  planSecretScanningTicket,
} from "../../../src/core/maintenance/scanning.js";
import { apply, BOT, webhookExamples } from "./alert-fixtures.js";
import { configWith } from "./config.js";

const config = configWith([], { clients: [{ id: "acme", name: "Acme", repos: ["Codertocat/Hello-World"] }] });
const REPO = "Codertocat/Hello-World";
const codeExamples = webhookExamples("code_scanning_alert");
const codeAlert = (action: string) =>
  codeScanningAlertSchema.parse(codeExamples.find((e) => e["action"] === action)?.["alert"]);

describe("code scanning alerts as one ticket per repository and rule", () => {
  it("every example payload parses", () => {
    for (const example of codeExamples)
      expect(codeScanningAlertSchema.safeParse(example["alert"]).success).toBe(true);
  });

  it("opens a ticket for an open alert, at the rule severity's priority, and closes it when fixed", () => {
    const created = codeAlert("created"); // java/sql-injection, severity error
    expect(codeScanningSeverity(created)).toBe("high");
    const actions = planCodeScanningTicket({
      repo: REPO,
      ruleId: "java/sql-injection",
      alerts: [created],
      existing: null,
      config,
      botLogin: BOT,
    });
    expect(actions[0]).toMatchObject({
      kind: "create-issue",
      title:
        "Security: Query built from user-controlled sources (java/sql-injection) in Codertocat/Hello-World",
      labels: ["type: maintenance", "priority: P3", "client: acme"],
    });
    const body = actions[0]?.kind === "create-issue" ? actions[0].body : "";
    expect(body).toContain("| [#10](https://github.com/Codertocat/Hello-World/security/code-scanning/10) |");
    expect(body).toContain("<!-- firstline:code-scanning:Codertocat/Hello-World:java/sql-injection -->");
    const ticket = apply({ snapshot: null, actions, at: 0 });
    const fixed = codeAlert("fixed");
    const later = planCodeScanningTicket({
      repo: REPO,
      ruleId: "java/sql-injection",
      alerts: [fixed],
      existing: ticket,
      config,
      botLogin: BOT,
    });
    expect(later.map((a) => a.kind)).toEqual(["update-issue-body", "create-comment", "close-issue"]);
    expect(later[0]?.kind === "update-issue-body" && later[0].body).toContain(
      "src/main/java/com/github/demo/service/BookService.java:84",
    );
  });

  it("security severity wins over the rule severity; notes are low", () => {
    const note = codeAlert("reopened"); // Rubocop style note
    expect(codeScanningSeverity(note)).toBe("low");
    expect(
      codeScanningSeverity({ ...note, rule: { ...note.rule, security_severity_level: "critical" } }),
    ).toBe("critical");
  });
});

describe("secret scanning alerts as one ticket per repository and secret type", () => {
  const raw = {
    number: 3,
    state: "open",
    secret_type: "github_personal_access_token",
    secret_type_display_name: "GitHub Personal Access Token",
    secret: "ghp_notarealsecret0000000000000000000000",
    validity: "active",
    resolution: null,
    html_url: `https://github.com/${REPO}/security/secret-scanning/3`,
  };

  it("never writes the secret, and an active secret is critical", () => {
    const alert = secretScanningAlertSchema.parse(raw);
    expect(JSON.stringify(alert)).not.toContain("ghp_");
    const actions = planSecretScanningTicket({
      repo: REPO,
      secretType: raw.secret_type,
      alerts: [alert],
      existing: null,
      config,
      botLogin: BOT,
    });
    expect(actions[0]).toMatchObject({
      kind: "create-issue",
      title: "Security: exposed GitHub Personal Access Token in Codertocat/Hello-World",
      labels: ["type: maintenance", "priority: P2", "client: acme"],
    });
    expect(JSON.stringify(actions)).not.toContain("ghp_");
  });

  it("resolving it closes the ticket", () => {
    const alert = secretScanningAlertSchema.parse(raw);
    const ticket = apply({
      snapshot: null,
      actions: planSecretScanningTicket({
        repo: REPO,
        secretType: raw.secret_type,
        alerts: [alert],
        existing: null,
        config,
        botLogin: BOT,
      }),
      at: 0,
    });
    const resolved = { ...alert, state: "resolved", resolution: "revoked" };
    const actions = planSecretScanningTicket({
      repo: REPO,
      secretType: raw.secret_type,
      alerts: [resolved],
      existing: ticket,
      config,
      botLogin: BOT,
    });
    expect(actions.map((a) => a.kind)).toEqual(["update-issue-body", "create-comment", "close-issue"]);
    expect(actions[0]?.kind === "update-issue-body" && actions[0].body).toContain("| resolved (revoked) |");
  });
});
