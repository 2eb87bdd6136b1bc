import { githubTime } from "../clock.js";
import type { AlertRecord } from "../state/types.js";
import { segment, type JsonObject, type ShapeContext } from "./context.js";
import { userByLogin } from "./user.js";

const time = (at: Date | null): string | null => (at ? githubTime(at) : null);

/** GitHub's `dependabot-alert` (REST and the `dependabot_alert` webhook). */
export function dependabotAlert(ctx: ShapeContext, record: AlertRecord): JsonObject {
  const repo = ctx.state.repoById(record.repoId);
  const pkg = { ecosystem: record.ecosystem, name: record.packageName };
  const vulnerability = {
    package: pkg,
    severity: record.severity,
    vulnerable_version_range: record.vulnerableVersionRange,
    first_patched_version: record.firstPatchedVersion ? { identifier: record.firstPatchedVersion } : null,
  };
  const identifiers = [
    { value: record.ghsaId, type: "GHSA" },
    ...(record.cveId ? [{ value: record.cveId, type: "CVE" }] : []),
  ];
  return {
    number: record.number,
    state: record.state,
    dependency: { package: pkg, manifest_path: record.manifestPath, scope: record.scope },
    security_advisory: {
      ghsa_id: record.ghsaId,
      cve_id: record.cveId,
      summary: record.summary,
      description: record.description,
      vulnerabilities: [vulnerability],
      severity: record.severity,
      cvss: { vector_string: null, score: 0 },
      cwes: [],
      identifiers,
      references: [{ url: `https://github.com/advisories/${record.ghsaId}` }],
      published_at: githubTime(record.createdAt),
      updated_at: githubTime(record.createdAt),
      withdrawn_at: null,
    },
    security_vulnerability: vulnerability,
    url: `${ctx.base}/repos/${segment(repo.owner)}/${segment(repo.name)}/dependabot/alerts/${record.number}`,
    html_url: `${ctx.base}/${segment(repo.owner)}/${segment(repo.name)}/security/dependabot/${record.number}`,
    created_at: githubTime(record.createdAt),
    updated_at: githubTime(record.updatedAt),
    dismissed_at: time(record.dismissedAt),
    dismissed_by: record.dismissedBy ? userByLogin(ctx, record.dismissedBy) : null,
    dismissed_reason: record.dismissedReason,
    dismissed_comment: record.dismissedComment,
    fixed_at: time(record.fixedAt),
    auto_dismissed_at: null,
  };
}
