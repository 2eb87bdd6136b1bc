import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { serviceSeries } from "../../src/core/charts/service-series.js";
import type { TicketSnapshot } from "../../src/core/ticket/snapshot.js";
import {
  SERVICE_CHART_KEYS,
  SERVICE_CHART_SPECS,
  type ServiceChartKey,
} from "../../src/site/charts/service-chart-specs.js";
import { SERVICE_CHART_VEGA } from "../../src/site/charts/service-chart-vega.js";
import { serviceCharts, serviceChartsToDraw } from "../../src/site/charts/service-charts.js";
import { local } from "../helpers/calendars.js";
import { BOT, ticketPolicy } from "../helpers/ticket-fixtures.js";
import { addSteps, bareTicket } from "../helpers/ticket-snapshot.js";
import { settle } from "../helpers/ticket-refresh.js";

/** Tickets of two clients over three months, some answered late, one never answered. */
function history(): TicketSnapshot[] {
  const days = ["2026-10-05", "2026-10-21", "2026-11-03", "2026-11-18", "2026-12-01", "2026-12-08"];
  return days.flatMap((day, i) =>
    ["riverside/portal", "acme/website"].map((repo, j) => {
      const opened = `${day} 10:00`;
      const carded = settle(
        { ...bareTicket({ repo, opened, title: `Ticket ${i}-${j}` }), number: i * 2 + j + 1 },
        opened,
      );
      if (i === 5 && j === 1) return carded;
      return addSteps(carded, [
        ["commented", (i + j) % 3 === 0 ? `${day} 17:59` : `${day} 10:45`, "alice", "On it."],
      ]);
    }),
  );
}

const seriesOf = (tickets: readonly TicketSnapshot[]) =>
  serviceSeries({
    tickets,
    policy: ticketPolicy,
    now: local("2026-12-10 12:00"),
    zone: "Europe/London",
    botLogin: BOT,
    months: 6,
    weeks: 8,
  });

/**
 * The chart as Firstline drew it before the specifications were compiled at build time: the
 * Vega-Lite specification with its rows and its categories written in, compiled on the spot.
 */
async function drawnByVegaLite(params: {
  key: ServiceChartKey;
  values: readonly Record<string, unknown>[];
  categories: readonly string[];
}): Promise<string> {
  const {
    params: _signals,
    data: _named,
    encoding,
    ...rest
  } = SERVICE_CHART_SPECS[params.key] as {
    params: unknown;
    data: unknown;
    encoding: { x: Record<string, unknown> } & Record<string, unknown>;
  };
  const inline = {
    ...rest,
    data: { values: params.values },
    encoding: {
      ...encoding,
      x: { ...encoding.x, sort: params.categories, scale: { domain: params.categories } },
    },
  };
  const view = new vega.View(vega.parse(compile(inline as unknown as TopLevelSpec).spec), {
    renderer: "none",
  });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

describe("the Service page's charts, compiled to Vega at build time", () => {
  it("are current: the Vega-Lite specifications compile to the committed Vega (npm run build rewrites it)", () => {
    for (const key of SERVICE_CHART_KEYS)
      expect(SERVICE_CHART_VEGA[key], key).toEqual(
        compile(SERVICE_CHART_SPECS[key] as unknown as TopLevelSpec).spec,
      );
  });

  it.each([
    ["three months of two clients", history()],
    ["no tickets at all", []],
  ])(
    "draw the same SVG, byte for byte, as Vega-Lite with the numbers written in: %s",
    async (_name, tickets) => {
      const series = seriesOf(tickets);
      const charts = await serviceCharts(series);
      expect(charts.map((c) => c.key)).toEqual([...SERVICE_CHART_KEYS]);
      const months = charts[0]?.rows.map((r) => r.label) ?? [];
      const weeks = charts[2]?.rows.map((r) => r.label) ?? [];
      const reference = {
        "first-responses": {
          categories: months,
          values: series.firstResponses.flatMap((s) =>
            s.values.flatMap((v, i) => (v === null ? [] : [{ month: months[i], client: s.name, share: v }])),
          ),
        },
        breaches: {
          categories: months,
          values: months.map((month, i) => ({ month, breaches: series.breaches.values[i] ?? 0 })),
        },
        opened: {
          categories: weeks,
          values: series.openedByPriority.flatMap((s) =>
            s.values.map((v, i) => ({ week: weeks[i], priority: s.name, tickets: v })),
          ),
        },
      };
      for (const chart of charts) {
        const key = chart.key as ServiceChartKey;
        expect(chart.svg, key).toBe(await drawnByVegaLite({ key, ...reference[key] }));
        expect(chart.svg, key).toContain(`aria-label="Title text '`);
      }
    },
  );

  it.each([
    ["scripts/vega-for-svg.mjs"],
    [
      "dist/chunks/" +
        (readdirSync("dist/chunks").find((name) => name.startsWith("vega-for-svg-")) ?? "missing"),
    ],
  ])("draw the same SVG with the part of Vega the Action bundles as with all of it: %s", async (file) => {
    // In a process of its own: all of vega, loaded here, registers every transform for everyone.
    const series = seriesOf(history());
    const drawn = await serviceCharts(series);
    const specs = serviceChartsToDraw(series).map((chart) => chart.spec);
    const script = [
      `import { parse, View } from ${JSON.stringify(pathToFileURL(resolve(file)).href)};`,
      `import { readFileSync } from "node:fs";`,
      `const svgs = [];`,
      `for (const spec of JSON.parse(readFileSync(0, "utf8"))) {`,
      `  const view = new View(parse(spec), { renderer: "none" });`,
      `  svgs.push(await view.toSVG());`,
      `  view.finalize();`,
      `}`,
      `process.stdout.write(JSON.stringify(svgs));`,
    ].join("\n");
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      input: JSON.stringify(specs),
      encoding: "utf8",
    });
    expect(JSON.parse(output)).toEqual(drawn.map((chart) => chart.svg));
  });
});
