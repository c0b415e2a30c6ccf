/**
 * Charts as self-contained SVG strings: no fonts, scripts or external
 * references. Each paints the background of the scheme it draws in (light by
 * default, dark, or following the viewer's with auto), so it stays legible
 * pasted on a white slide or shown in a dark viewer.
 */
import type { Bar, Chart } from "../chart.js";
import { humanize } from "../numbers.js";
import { escapeXml } from "../untrusted-text.js";

import type { Theme } from "./themes.js";

/** Colours readable on light and dark backgrounds; one per layer type, others cycle. */
const TYPE_COLOURS: Record<string, string> = {
  pointwise: "#2f7fd8",
  depthwise: "#e8912d",
  conv: "#3aa55d",
  fc: "#c9453a",
  se: "#8d62c9",
  gconv: "#2aa9a4",
  pool: "#8c8c8c",
  add: "#b7a32b",
  attention: "#d15b9c",
  layerscale: "#6e7781",
  norm: "#9a6700",
};
const CYCLE = ["#2f7fd8", "#e8912d", "#3aa55d", "#c9453a", "#8d62c9", "#2aa9a4", "#b7a32b", "#d15b9c"];
/** A sequential ramp for many ordered series (dozens of resolutions): neighbours stay distinguishable. */
const RAMP = ["#1d4f91", "#2f7fd8", "#2aa9a4", "#3aa55d", "#b7a32b", "#e8912d", "#c9453a", "#8d2f5e"];

/** A group's colour: its type's own, else the cycle's; a group is user text (a block name), so only own keys count. */
export const colourOf = (group: string, index = 0): string =>
  (Object.hasOwn(TYPE_COLOURS, group) ? TYPE_COLOURS[group] : undefined) ?? CYCLE[index % CYCLE.length]!;

const hex = (c: string) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16));

/** Series colour i of count: the cycle for a few, the ramp interpolated for many. */
export function seriesColour(i: number, count: number): string {
  if (count <= CYCLE.length) return CYCLE[i]!;
  const at = (i / (count - 1)) * (RAMP.length - 1);
  const [a, b] = [hex(RAMP[Math.floor(at)]!), hex(RAMP[Math.ceil(at)]!)];
  const mix = a.map((v, k) => Math.round(v + (b[k]! - v) * (at - Math.floor(at))));
  return `#${mix.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

const n = (x: number) => (Math.round(x * 10) / 10).toString();

/** Text, grid and background colours of a scheme; series colours are the same in both. */
const PALETTES = {
  light: { bg: "#ffffff", text: "#1f2328", muted: "#59636e", grid: "#d0d7de" },
  dark: { bg: "#0d1117", text: "#e6edf3", muted: "#9198a1", grid: "#30363d" },
} as const;

function paletteRules(p: (typeof PALETTES)[keyof typeof PALETTES]): string {
  return [
    `.bg { fill: ${p.bg}; }`,
    `.t, .h { fill: ${p.text}; }`,
    `.s { fill: ${p.muted}; }`,
    `.g { stroke: ${p.grid}; }`,
    `.a { stroke: ${p.muted}; }`,
    // the budget line takes the text colour: no series ever uses it; its label is haloed in the background's
    `.budget { stroke: ${p.text}; }`,
    `.halo { stroke: ${p.bg}; }`,
    `.roof { stroke: ${p.text}; }`,
  ].join("\n  ");
}

function style(theme: Theme): string {
  const scheme =
    theme === "auto"
      ? `${paletteRules(PALETTES.light)}\n  @media (prefers-color-scheme: dark) { ${paletteRules(PALETTES.dark)} }`
      : paletteRules(PALETTES[theme]);
  return `<style>
  .t { font: 12px sans-serif; }
  .s { font: 11px sans-serif; }
  .h { font: bold 14px sans-serif; }
  .g, .a { stroke-width: 1; }
  .halo { paint-order: stroke; stroke-width: 4px; stroke-linejoin: round; }
  ${scheme}
</style>`;
}

function svg(width: number, height: number, title: string, body: string[], theme: Theme): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    style(theme),
    `<rect class="bg" width="${width}" height="${height}"/>`,
    `<text class="h" x="16" y="24">${escapeXml(title)}</text>`,
    ...body,
    "</svg>",
    "",
  ].join("\n");
}

/** The 1, 2 or 5 × 10^k step that cuts `span` into about `count` pieces. */
export function niceStep(span: number, count = 5): number {
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw * (1 - 1e-12))!;
}

/** Round ticks covering 0..max, the last at or above max (a y axis from zero). */
function ticks(max: number): number[] {
  if (max <= 0) return [0];
  const step = niceStep(max);
  const out: number[] = [0];
  while (out.at(-1)! < max) out.push(out.length * step);
  return out;
}

/** Round ticks inside min..max (an x axis): multiples of a 1-2-5 step; one tick when min = max. */
export function ticksWithin(min: number, max: number, count = 6): number[] {
  if (!(max > min)) return [min];
  const step = niceStep(max - min, count);
  const first = Math.ceil(min / step - 1e-9);
  const out: number[] = [];
  for (let k = first; k * step <= max + step * 1e-9; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

const tickLabel = (v: number) => humanize(BigInt(Math.round(v)), v >= 1000 && v % 1000 !== 0 ? 2 : 0);

/** Horizontal grid lines with their labels at round values (every chart with a y axis). */
function yGrid(scale: readonly number[], y: (t: number) => number, left: number, plotW: number): string[] {
  return scale.flatMap((t) => [
    `<line class="g" x1="${left}" y1="${n(y(t))}" x2="${left + plotW}" y2="${n(y(t))}"/>`,
    `<text class="s" x="${left - 6}" y="${n(y(t) + 4)}" text-anchor="end">${tickLabel(t)}</text>`,
  ]);
}

/** Where each block starts along a per-layer chart: a tick below the axis and the block's name. */
/** Block labels: 9 px text turned 60° down the axis, each character at most 5.5 px along its line. */
const BLOCK_FONT = 9;
const BLOCK_CHAR = 5.5;
/**
 * Two parallel labels turned 60° clear each other when their starts are 13 px apart along the axis
 * (13 · sin 60° ≥ the text's 11 px line): a block starting nearer the last label shown keeps its tick
 * and loses its label, so no label covers another at any model size.
 */
export const BLOCK_LABEL_GAP = 13;

/** Each block's start ticked on the axis, the labels that fit named; how far down and right they reach. */
function blockMarks(
  bars: readonly Bar[],
  x: (i: number) => number,
  axisY: number,
): { markup: string[]; depth: number; right: number } {
  const markup: string[] = [];
  let [lastLabel, longest, right] = [Number.NEGATIVE_INFINITY, 0, 0];
  bars.forEach((b, i) => {
    if (b.block === undefined || (i > 0 && bars[i - 1]!.block === b.block)) return;
    const at = x(i);
    markup.push(`<line class="a" x1="${n(at)}" y1="${axisY}" x2="${n(at)}" y2="${axisY + 6}"/>`);
    if (at - lastLabel < BLOCK_LABEL_GAP) return;
    lastLabel = at;
    const length = [...b.block].length * BLOCK_CHAR;
    [longest, right] = [Math.max(longest, length), Math.max(right, at + length * Math.cos(Math.PI / 3))];
    markup.push(
      `<text class="s blk" x="${n(at)}" y="${axisY + 10}" transform="rotate(60 ${n(at)} ${axisY + 10})" font-size="${BLOCK_FONT}">${escapeXml(b.block)}</text>`,
    );
  });
  return { markup, depth: 10 + longest * Math.sin(Math.PI / 3) + BLOCK_FONT, right };
}

const LEGEND_ROW = 18;

/** Swatches and labels in as many columns as it takes to stay within `height`; returns the markup and its size. */
function legend(
  entries: readonly { readonly label: string; readonly colour: string }[],
  x: number,
  y: number,
  height: number,
  swatchHeight = 12,
): { markup: string[]; width: number; height: number } {
  const perColumn = Math.max(1, Math.floor(height / LEGEND_ROW));
  const columnW = 30 + 7 * Math.max(0, ...entries.map((e) => [...e.label].length));
  const markup = entries.map((e, i) => {
    const cx = x + Math.floor(i / perColumn) * columnW;
    const cy = y + (i % perColumn) * LEGEND_ROW;
    return `<rect x="${cx}" y="${cy + (12 - swatchHeight) / 2}" width="12" height="${swatchHeight}" fill="${e.colour}"/><text class="t" x="${cx + 18}" y="${cy + 10}">${escapeXml(e.label)}</text>`;
  });
  const columns = Math.ceil(entries.length / perColumn);
  return { markup, width: columns * columnW, height: Math.min(entries.length, perColumn) * LEGEND_ROW };
}

/** The op types a chart's bars are coloured by, in order of first appearance. */
const typesOf = (bars: readonly Bar[]): string[] => [
  ...new Set(bars.flatMap((b) => (b.segments ? b.segments.map((s) => s.group) : b.group ? [b.group] : []))),
];

const typeLegend = (types: readonly string[]) => types.map((t, i) => ({ label: t, colour: colourOf(t, i) }));

/** Per-layer bars: many, thin, vertical, coloured by op type, block starts marked. */
function renderLayerBars(chart: Extract<Chart, { kind: "bars" }>, theme: Theme): string {
  const types = typesOf(chart.bars);
  const max = Math.max(1, ...chart.bars.map((b) => Number(b.value)));
  const plotW = Math.max(480, chart.bars.length * 10);
  const [left, top, plotH] = [64, 44, 260];
  const hasBlocks = chart.bars.some((b) => b.block !== undefined);
  const scale = ticks(max);
  const top_ = scale.at(-1)!;
  const barW = plotW / chart.bars.length;
  const body = yGrid(scale, (t) => top + plotH - (t / top_) * plotH, left, plotW);
  chart.bars.forEach((b: Bar, i) => {
    const h = (Number(b.value) / top_) * plotH;
    body.push(
      `<rect class="bar" x="${n(left + i * barW + 1)}" y="${n(top + plotH - h)}" width="${n(Math.max(1, barW - 2))}" height="${n(Math.max(h, b.value > 0n ? 0.5 : 0))}" fill="${colourOf(b.group, types.indexOf(b.group))}"><title>${escapeXml(`${b.label}: ${humanize(b.value)} ${chart.unit}${b.note ? ` (${b.note})` : ""}`)}</title></rect>`,
    );
  });
  const axisY = top + plotH;
  const blocks = hasBlocks ? blockMarks(chart.bars, (i) => left + i * barW, axisY) : undefined;
  // the first and last layer's numbers below every block label
  const layerNumbers = axisY + (blocks ? blocks.depth + 12 : 18);
  const key = legend(typeLegend(types), left + plotW + 20, top, plotH);
  body.push(
    `<line class="a" x1="${left}" y1="${axisY}" x2="${left + plotW}" y2="${axisY}"/>`,
    ...(blocks?.markup ?? []),
    `<text class="s" x="${left}" y="${layerNumbers}">layer ${chart.bars[0]?.index ?? 1}</text>`,
    `<text class="s" x="${left + plotW}" y="${layerNumbers}" text-anchor="end">layer ${chart.bars.at(-1)?.index ?? chart.bars.length}</text>`,
    yAxisLabel(chart.unit, top, plotH),
    ...key.markup,
  );
  const width = Math.max(left + plotW + 40 + key.width, Math.ceil((blocks?.right ?? 0) + 8));
  return svg(width, Math.ceil(layerNumbers + 12), chart.title, body, theme);
}

const yAxisLabel = (unit: string, top: number, plotH: number) =>
  `<text class="s" x="14" y="${top + plotH / 2}" transform="rotate(-90 14 ${top + plotH / 2})" text-anchor="middle">${escapeXml(unit)}</text>`;

/** One horizontal bar: stacked by op type when it has segments, else one colour. */
function horizontalBar(
  b: Bar,
  i: number,
  x: number,
  y: number,
  h: number,
  scale: number,
  unit: string,
): string[] {
  const tip = (label: string, value: bigint) =>
    `<title>${escapeXml(`${label}: ${humanize(value)} ${unit}`)}</title>`;
  // a bar of 0 draws nothing (its value is printed beside the axis)
  const parts = (b.segments ?? [{ group: b.group, value: b.value }]).filter((p) => p.value > 0n);
  let at = x;
  return parts.map((p) => {
    const w = Number(p.value) * scale;
    const rect = `<rect class="bar" x="${n(at)}" y="${y}" width="${n(Math.max(w, p.value > 0n ? 1 : 0))}" height="${h}" fill="${colourOf(p.group, i)}">${tip(p.group ? `${b.label}, ${p.group}` : b.label, p.value)}</rect>`;
    at += w;
    return rect;
  });
}

/** A few labelled horizontal bars (--by, compare totals), stacked by op type where they say. */
function renderLabelledBars(chart: Extract<Chart, { kind: "bars" }>, theme: Theme): string {
  const max = Math.max(1, ...chart.bars.map((b) => Number(b.value)));
  const labelW = Math.min(240, 24 + 7.5 * Math.max(...chart.bars.map((b) => b.label.length)));
  const [rowH, top, plotW] = [26, 40, 420];
  const body = chart.bars.flatMap((b, i) => {
    const y = top + i * rowH;
    const w = (Number(b.value) / max) * plotW;
    return [
      `<text class="t" x="${labelW - 8}" y="${y + 15}" text-anchor="end">${escapeXml(b.label)}</text>`,
      ...horizontalBar(b, i, labelW, y + 3, rowH - 8, plotW / max, chart.unit),
      `<text class="t" x="${n(labelW + w + 6)}" y="${y + 15}">${escapeXml(`${humanize(b.value)}${b.note ? ` · ${b.note}` : ""}`)}</text>`,
    ];
  });
  // values print past the longest bar; the type legend, if any, sits beyond them
  const plotH = chart.bars.length * rowH;
  const key = legend(
    typeLegend(typesOf(chart.bars)),
    labelW + plotW + 140,
    top,
    Math.max(plotH, 5 * LEGEND_ROW),
  );
  body.push(...key.markup);
  const height = top + Math.max(plotH, key.height) + 16;
  return svg(labelW + plotW + 150 + Math.max(key.width, 70), height, chart.title, body, theme);
}

/** Side-by-side bars per category, one colour per series. */
function renderGroupedBars(chart: Extract<Chart, { kind: "grouped-bars" }>, theme: Theme): string {
  const [left, top, plotH] = [64, 44, 240];
  const groupW = Math.max(60, 24 * chart.series.length + 20);
  const plotW = groupW * chart.categories.length;
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values.map(Number)));
  const scale = ticks(max);
  const top_ = scale.at(-1)!;
  const barW = (groupW - 20) / chart.series.length;
  const colour = (i: number) => seriesColour(i, chart.series.length);
  const body = yGrid(scale, (t) => top + plotH - (t / top_) * plotH, left, plotW);
  chart.categories.forEach((c, ci) => {
    chart.series.forEach((s, si) => {
      const v = s.values[ci] ?? 0n;
      const h = (Number(v) / top_) * plotH;
      const x = left + ci * groupW + 10 + si * barW;
      body.push(
        `<rect class="bar" x="${n(x)}" y="${n(top + plotH - h)}" width="${n(barW - 2)}" height="${n(h)}" fill="${colour(si)}"><title>${escapeXml(`${s.label}, ${c}: ${humanize(v)} ${chart.unit}`)}</title></rect>`,
      );
    });
    body.push(
      `<text class="s" x="${n(left + ci * groupW + groupW / 2)}" y="${top + plotH + 16}" text-anchor="middle">${escapeXml(c)}</text>`,
    );
  });
  const key = legend(
    chart.series.map((s, i) => ({ label: s.label, colour: colour(i) })),
    left + plotW + 20,
    top,
    plotH,
  );
  body.push(
    `<line class="a" x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}"/>`,
    yAxisLabel(chart.unit, top, plotH),
    ...key.markup,
  );
  return svg(left + plotW + 40 + key.width, top + plotH + 44, chart.title, body, theme);
}

type LinesChart = Extract<Chart, { kind: "lines" }>;

/** A series' path, and a marker at each point when there are few (one point draws no line). */
function seriesMarks(
  s: LinesChart["series"][number],
  colour: string,
  X: (x: number) => number,
  Y: (y: number) => number,
): string[] {
  const d = s.points.map((p, j) => `${j === 0 ? "M" : "L"}${n(X(p.x))},${n(Y(Number(p.y)))}`).join(" ");
  const markers =
    s.points.length <= 40
      ? s.points.map(
          (p) => `<circle class="point" cx="${n(X(p.x))}" cy="${n(Y(Number(p.y)))}" r="3" fill="${colour}"/>`,
        )
      : [];
  return [
    `<path class="line" d="${d}" fill="none" stroke="${colour}" stroke-width="2"><title>${escapeXml(s.label)}</title></path>`,
    ...markers,
  ];
}

function budgetMarks(budget: bigint, y: number, left: number, plotW: number): string[] {
  return [
    `<line class="budget" x1="${left}" y1="${n(y)}" x2="${left + plotW}" y2="${n(y)}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    `<text class="t halo" x="${left + plotW - 4}" y="${n(y - 6)}" text-anchor="end">budget ${humanize(budget)}</text>`,
  ];
}

/** One line per series (e.g. per resolution), y in the chart's unit, optional budget line. */
function renderLines(chart: LinesChart, theme: Theme): string {
  const [left, top, plotW, plotH] = [64, 44, 520, 280];
  const xs = chart.series.flatMap((s) => s.points.map((p) => p.x));
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const yMax = Math.max(
    1,
    ...chart.series.flatMap((s) => s.points.map((p) => Number(p.y))),
    chart.budget ? Number(chart.budget) : 0,
  );
  const scale = ticks(yMax);
  const top_ = scale.at(-1)!;
  // one α: the points sit in the middle of the axis
  const X = (x: number) => left + (xMax > xMin ? ((x - xMin) / (xMax - xMin)) * plotW : plotW / 2);
  const Y = (y: number) => top + plotH - (y / top_) * plotH;
  const body = yGrid(scale, Y, left, plotW);
  for (const x of ticksWithin(xMin, xMax))
    body.push(
      `<line class="a" x1="${n(X(x))}" y1="${top + plotH}" x2="${n(X(x))}" y2="${top + plotH + 4}"/>`,
      `<text class="s" x="${n(X(x))}" y="${top + plotH + 16}" text-anchor="middle">${x}</text>`,
    );
  const colour = (i: number) => seriesColour(i, chart.series.length);
  body.push(...chart.series.flatMap((s, i) => seriesMarks(s, colour(i), X, Y)));
  if (chart.budget !== undefined)
    body.push(...budgetMarks(chart.budget, Y(Number(chart.budget)), left, plotW));
  const key = legend(
    chart.series.map((s, i) => ({ label: s.label, colour: colour(i) })),
    left + plotW + 16,
    top,
    plotH,
    3,
  );
  body.push(
    `<line class="a" x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}"/>`,
    `<text class="s" x="${left + plotW / 2}" y="${top + plotH + 36}" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`,
    yAxisLabel(chart.unit, top, plotH),
    ...key.markup,
  );
  return svg(left + plotW + 36 + key.width, top + plotH + 52, chart.title, body, theme);
}

export function renderChart(chart: Chart, theme: Theme = "light"): string {
  switch (chart.kind) {
    case "bars":
      return chart.labels === "none" ? renderLayerBars(chart, theme) : renderLabelledBars(chart, theme);
    case "grouped-bars":
      return renderGroupedBars(chart, theme);
    case "lines":
      return renderLines(chart, theme);
    case "roofline":
      return renderRoofline(chart, theme);
  }
}

type RooflineChart = Extract<Chart, { kind: "roofline" }>;

/** Decades covering [lo, hi] on a log axis. */
function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); 10 ** e <= hi * 1.0001; e++) out.push(10 ** e);
  return out;
}

/** The roofline, log-log: attainable fraction of peak against MACs per byte; the ridge marked; a point per layer. */
function renderRoofline(chart: RooflineChart, theme: Theme): string {
  const [left, top, plotW, plotH] = [72, 44, 560, 300];
  const xs = [...chart.points.map((p) => p.intensity), chart.ridgePoint].filter((x) => x > 0);
  const [xLo, xHi] = [
    10 ** Math.floor(Math.log10(Math.min(...xs))),
    10 ** Math.ceil(Math.log10(Math.max(...xs))),
  ];
  const yLo =
    10 ** Math.floor(Math.log10(Math.max(1e-6, Math.min(0.1, ...chart.points.map((p) => p.attainable)))));
  const X = (x: number) =>
    left + ((Math.log10(x) - Math.log10(xLo)) / (Math.log10(xHi) - Math.log10(xLo))) * plotW;
  const Y = (y: number) => top + plotH - ((Math.log10(y) - Math.log10(yLo)) / -Math.log10(yLo)) * plotH;
  const body: string[] = [];
  for (const x of decades(xLo, xHi))
    body.push(
      `<line class="g" x1="${n(X(x))}" y1="${top}" x2="${n(X(x))}" y2="${top + plotH}"/>`,
      `<text class="s" x="${n(X(x))}" y="${top + plotH + 16}" text-anchor="middle">${Number(x.toPrecision(3))}</text>`,
    );
  for (const y of decades(yLo, 1))
    body.push(
      `<line class="g" x1="${left}" y1="${n(Y(y))}" x2="${left + plotW}" y2="${n(Y(y))}"/>`,
      `<text class="s" x="${left - 6}" y="${n(Y(y) + 4)}" text-anchor="end">${Number((y * 100).toPrecision(3))}%</text>`,
    );
  const rp = chart.ridgePoint;
  const roofStart = Math.max(xLo, rp * yLo);
  body.push(
    `<path class="roof" d="M${n(X(roofStart))},${n(Y(roofStart / rp))} L${n(X(rp))},${n(Y(1))} L${left + plotW},${n(Y(1))}" fill="none" stroke-width="2"/>`,
    `<line class="budget" x1="${n(X(rp))}" y1="${top}" x2="${n(X(rp))}" y2="${top + plotH}" stroke-width="1" stroke-dasharray="4 4"/>`,
    `<text class="t halo" x="${n(X(rp) + 4)}" y="${top + plotH - 8}">ridge point ${rp} MACs/byte</text>`,
  );
  const types = [...new Set(chart.points.map((p) => p.group))];
  // the rarest type painted last: V2's one conv among 35 pointwise layers of like intensity stays in view
  const count = new Map<string, number>();
  for (const p of chart.points) count.set(p.group, (count.get(p.group) ?? 0) + 1);
  const painted = [...chart.points].sort((a, b) => count.get(b.group)! - count.get(a.group)!);
  for (const p of painted)
    body.push(
      `<circle class="point" cx="${n(X(p.intensity))}" cy="${n(Y(p.attainable))}" r="3.5" fill="${colourOf(p.group, types.indexOf(p.group))}"><title>${escapeXml(`${p.label}: ${p.intensity.toFixed(2)} MACs/byte, ${(p.attainable * 100).toFixed(1)}% of peak`)}</title></circle>`,
    );
  const key = legend(typeLegend(types), left + plotW + 20, top, plotH);
  body.push(
    `<line class="a" x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}"/>`,
    `<text class="s" x="${left + plotW / 2}" y="${top + plotH + 36}" text-anchor="middle">arithmetic intensity (MACs per byte, log)</text>`,
    yAxisLabel("attainable share of peak (log)", top, plotH),
    ...key.markup,
  );
  return svg(left + plotW + 40 + key.width, top + plotH + 52, chart.title, body, theme);
}
