/**
 * Alertmanager's webhook (version 4) for one SiteDown alert of Acme, firing or resolved: what a
 * real Alertmanager posts, for the demo and the tests.
 */
export function siteDownPayload(params: {
  readonly status: "firing" | "resolved";
  readonly startsAt: string;
  readonly endsAt?: string;
  readonly fingerprint?: string;
}) {
  const labels = { alertname: "SiteDown", severity: "critical", client: "acme" };
  return {
    version: "4",
    groupKey: '{}:{alertname="SiteDown"}',
    truncatedAlerts: 0,
    status: params.status,
    receiver: "firstline",
    groupLabels: { alertname: "SiteDown" },
    commonLabels: labels,
    commonAnnotations: { summary: "www.acme.example is not answering" },
    externalURL: "http://alertmanager.northgate.internal:9093",
    alerts: [
      {
        status: params.status,
        labels: { ...labels, instance: "web-1.acme" },
        annotations: {
          summary: "www.acme.example is not answering",
          description: "The HTTP probe has failed for 3 minutes.",
        },
        startsAt: params.startsAt,
        endsAt: params.status === "resolved" ? (params.endsAt ?? params.startsAt) : "0001-01-01T00:00:00Z",
        generatorURL: "http://prometheus.northgate.internal:9090/graph",
        fingerprint: params.fingerprint ?? "5f2c1a9e0b7d3c41",
      },
    ],
  };
}
