// What the Action's bundle gets for `import("vega")`: the parser and the view, with the transforms
// a Vega specification compiled from Vega-Lite uses (data, marks, encoding, layout), and without
// the packages `vega` adds for maps, networks, trees, regressions, Voronoi diagrams and word clouds
// (d3-geo, d3-delaunay and the like, about 140 KB). The Service page's charts draw the same SVG
// with it as with all of `vega` (test/site/service-chart-vega.test.ts).
import { transforms } from "vega-dataflow";
import * as encode from "vega-encode";
import * as dataTransforms from "vega-transforms";
import { extend } from "vega-util";
import * as viewTransforms from "vega-view-transforms";

extend(transforms, dataTransforms, viewTransforms, encode);

export { parse } from "vega-parser";
export { View } from "vega-view";
