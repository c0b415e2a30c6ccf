/**
 * Charts as self-contained SVG strings: no fonts, scripts or external
 * references; light, on a painted white background, whatever the viewer's scheme.
 */
import type { Bar, Chart } from "../chart.js";
import { humanize } from "../numbers.js";
import { escapeXml } from "../untrusted-text.js";

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
};
const CYCLE = ["#2f7fd8", "#e8912d", "#3aa55d", "#c9453a", "#8d62c9", "#2aa9a4", "#b7a32b", "#d15b9c"];

export const colourOf = (group: string, index = 0): string =>
  TYPE_COLOURS[group] ?? CYCLE[index % CYCLE.length]!;

const n = (x: number) => (Math.round(x * 10) / 10).toString();

const STYLE = `<style>
  .t { fill: #1f2328; font: 12px sans-serif; }
  .s { fill: #59636e; font: 11px sans-serif; }
  .h { fill: #1f2328; font: bold 14px sans-serif; }
  .g { stroke: #d0d7de; stroke-width: 1; }
  .a { stroke: #59636e; stroke-width: 1; }
</style>`;

function svg(width: number, height: number, title: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    STYLE,
    // a light chart on its own background: legible pasted on a white slide or shown in a dark viewer
    `<rect class="bg" width="${width}" height="${height}" fill="#ffffff"/>`,
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
function blockMarks(bars: readonly Bar[], x: (i: number) => number, axisY: number): string[] {
  return bars.flatMap((b, i) => {
    if (b.block === undefined || (i > 0 && bars[i - 1]!.block === b.block)) return [];
    const at = n(x(i));
    return [
      `<line class="a" x1="${at}" y1="${axisY}" x2="${at}" y2="${axisY + 6}"/>`,
      `<text class="s blk" x="${at}" y="${axisY + 10}" transform="rotate(60 ${at} ${axisY + 10})" font-size="9">${escapeXml(b.block)}</text>`,
    ];
  });
}

function legend(groups: readonly string[], x: number, y: number): string[] {
  return groups.map(
    (g, i) =>
      `<rect x="${x}" y="${y + i * 18}" width="12" height="12" fill="${colourOf(g, i)}"/><text class="t" x="${x + 18}" y="${y + i * 18 + 10}">${escapeXml(g)}</text>`,
  );
}

/** Per-layer bars (many, thin, vertical) or a few labelled horizontal bars. */
function renderBars(chart: Extract<Chart, { kind: "bars" }>): string {
  const groups = [...new Set(chart.bars.map((b) => b.group))];
  const max = Math.max(1, ...chart.bars.map((b) => Number(b.value)));
  if (chart.labels === "none") {
    const plotW = Math.max(480, chart.bars.length * 10);
    const left = 64;
    const top = 44;
    const plotH = 260;
    const hasBlocks = chart.bars.some((b) => b.block !== undefined);
    const width = left + plotW + 150;
    const height = top + plotH + (hasBlocks ? 76 : 48);
    const scale = ticks(max);
    const top_ = scale.at(-1)!;
    const barW = plotW / chart.bars.length;
    const body = yGrid(scale, (t) => top + plotH - (t / top_) * plotH, left, plotW);
    chart.bars.forEach((b: Bar, i) => {
      const h = (Number(b.value) / top_) * plotH;
      body.push(
        `<rect class="bar" x="${n(left + i * barW + 1)}" y="${n(top + plotH - h)}" width="${n(Math.max(1, barW - 2))}" height="${n(Math.max(h, b.value > 0n ? 0.5 : 0))}" fill="${colourOf(b.group, groups.indexOf(b.group))}"><title>${escapeXml(`${b.label}: ${humanize(b.value)} ${chart.unit}${b.note ? ` (${b.note})` : ""}`)}</title></rect>`,
      );
    });
    const axisY = top + plotH;
    const layerNumbers = hasBlocks ? axisY + 64 : axisY + 18;
    body.push(
      `<line class="a" x1="${left}" y1="${axisY}" x2="${left + plotW}" y2="${axisY}"/>`,
      ...blockMarks(chart.bars, (i) => left + i * barW, axisY),
      `<text class="s" x="${left}" y="${layerNumbers}">layer ${chart.bars[0]?.index ?? 1}</text>`,
      `<text class="s" x="${left + plotW}" y="${layerNumbers}" text-anchor="end">layer ${chart.bars.at(-1)?.index ?? chart.bars.length}</text>`,
      `<text class="s" x="14" y="${top + plotH / 2}" transform="rotate(-90 14 ${top + plotH / 2})" text-anchor="middle">${escapeXml(chart.unit)}</text>`,
      ...legend(groups, left + plotW + 20, top),
    );
    return svg(width, height, chart.title, body);
  }
  const labelW = Math.min(240, 24 + 7.5 * Math.max(...chart.bars.map((b) => b.label.length)));
  const rowH = 26;
  const top = 40;
  const plotW = 420;
  const width = labelW + plotW + 190;
  const height = top + chart.bars.length * rowH + 16;
  const body = chart.bars.flatMap((b, i) => {
    const y = top + i * rowH;
    const w = (Number(b.value) / max) * plotW;
    return [
      `<text class="t" x="${labelW - 8}" y="${y + 15}" text-anchor="end">${escapeXml(b.label)}</text>`,
      `<rect class="bar" x="${labelW}" y="${y + 3}" width="${n(Math.max(w, b.value > 0n ? 1 : 0))}" height="${rowH - 8}" fill="${colourOf(b.group, i)}"><title>${escapeXml(`${b.label}: ${humanize(b.value)} ${chart.unit}`)}</title></rect>`,
      `<text class="t" x="${n(labelW + w + 6)}" y="${y + 15}">${escapeXml(`${humanize(b.value)}${b.note ? ` · ${b.note}` : ""}`)}</text>`,
    ];
  });
  return svg(width, height, chart.title, body);
}

/** Side-by-side bars per category, one colour per series. */
function renderGroupedBars(chart: Extract<Chart, { kind: "grouped-bars" }>): string {
  const left = 64;
  const top = 44;
  const plotH = 240;
  const groupW = Math.max(60, 24 * chart.series.length + 20);
  const plotW = groupW * chart.categories.length;
  const width = left + plotW + 180;
  const height = top + plotH + 44;
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values.map(Number)));
  const scale = ticks(max);
  const top_ = scale.at(-1)!;
  const barW = (groupW - 20) / chart.series.length;
  const body = yGrid(scale, (t) => top + plotH - (t / top_) * plotH, left, plotW);
  chart.categories.forEach((c, ci) => {
    chart.series.forEach((s, si) => {
      const v = s.values[ci] ?? 0n;
      const h = (Number(v) / top_) * plotH;
      const x = left + ci * groupW + 10 + si * barW;
      body.push(
        `<rect class="bar" x="${n(x)}" y="${n(top + plotH - h)}" width="${n(barW - 2)}" height="${n(h)}" fill="${CYCLE[si % CYCLE.length]}"><title>${escapeXml(`${s.label}, ${c}: ${humanize(v)} ${chart.unit}`)}</title></rect>`,
      );
    });
    body.push(
      `<text class="s" x="${n(left + ci * groupW + groupW / 2)}" y="${top + plotH + 16}" text-anchor="middle">${escapeXml(c)}</text>`,
    );
  });
  body.push(
    `<line class="a" x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}"/>`,
    `<text class="s" x="14" y="${top + plotH / 2}" transform="rotate(-90 14 ${top + plotH / 2})" text-anchor="middle">${escapeXml(chart.unit)}</text>`,
    ...chart.series.map(
      (s, i) =>
        `<rect x="${left + plotW + 20}" y="${top + i * 18}" width="12" height="12" fill="${CYCLE[i % CYCLE.length]}"/><text class="t" x="${left + plotW + 38}" y="${top + i * 18 + 10}">${escapeXml(s.label)}</text>`,
    ),
  );
  return svg(width, height, chart.title, body);
}

/** One line per series (e.g. per resolution), y in the chart's unit, optional budget line. */
function renderLines(chart: Extract<Chart, { kind: "lines" }>): string {
  const left = 64;
  const top = 44;
  const plotW = 520;
  const plotH = 280;
  const width = left + plotW + 130;
  const height = top + plotH + 52;
  const xs = chart.series.flatMap((s) => s.points.map((p) => p.x));
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs, xMin + 1e-9);
  const yMax = Math.max(
    1,
    ...chart.series.flatMap((s) => s.points.map((p) => Number(p.y))),
    chart.budget ? Number(chart.budget) : 0,
  );
  const scale = ticks(yMax);
  const top_ = scale.at(-1)!;
  const X = (x: number) => left + ((x - xMin) / (xMax - xMin)) * plotW;
  const Y = (y: number) => top + plotH - (y / top_) * plotH;
  const body = yGrid(scale, Y, left, plotW);
  for (const x of ticksWithin(xMin, Math.max(...xs)))
    body.push(
      `<line class="a" x1="${n(X(x))}" y1="${top + plotH}" x2="${n(X(x))}" y2="${top + plotH + 4}"/>`,
      `<text class="s" x="${n(X(x))}" y="${top + plotH + 16}" text-anchor="middle">${x}</text>`,
    );
  chart.series.forEach((s, i) => {
    const d = s.points.map((p, j) => `${j === 0 ? "M" : "L"}${n(X(p.x))},${n(Y(Number(p.y)))}`).join(" ");
    body.push(
      `<path class="line" d="${d}" fill="none" stroke="${CYCLE[i % CYCLE.length]}" stroke-width="2"><title>${escapeXml(s.label)}</title></path>`,
    );
    body.push(
      `<rect x="${left + plotW + 16}" y="${top + i * 18}" width="12" height="3" fill="${CYCLE[i % CYCLE.length]}"/><text class="t" x="${left + plotW + 34}" y="${top + i * 18 + 6}">${escapeXml(s.label)}</text>`,
    );
  });
  if (chart.budget !== undefined) {
    const y = Y(Number(chart.budget));
    body.push(
      `<line class="budget" x1="${left}" y1="${n(y)}" x2="${left + plotW}" y2="${n(y)}" stroke="#c9453a" stroke-width="1.5" stroke-dasharray="6 4"/>`,
      `<text class="t" x="${left + plotW - 4}" y="${n(y - 6)}" text-anchor="end">budget ${humanize(chart.budget)}</text>`,
    );
  }
  body.push(
    `<line class="a" x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}"/>`,
    `<text class="s" x="${left + plotW / 2}" y="${top + plotH + 36}" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`,
    `<text class="s" x="14" y="${top + plotH / 2}" transform="rotate(-90 14 ${top + plotH / 2})" text-anchor="middle">${escapeXml(chart.unit)}</text>`,
  );
  return svg(width, height, chart.title, body);
}

export function renderChart(chart: Chart): string {
  switch (chart.kind) {
    case "bars":
      return renderBars(chart);
    case "grouped-bars":
      return renderGroupedBars(chart);
    case "lines":
      return renderLines(chart);
  }
}
