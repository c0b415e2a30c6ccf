/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The calculator page's script: the same library as the CLI, in the browser.
 * Built-in architectures come in the bundle (scripts/bundle-app.mjs); the
 * state lives in the URL's hash; every number comes from evaluateModel and
 * every table and chart from the CLI's renderers.
 */
import { toDecimal } from "../algebra/rational.js";
import type { CostReport } from "../evaluate/cost.js";
import { DTYPE_NAMES, type Dtype } from "../evaluate/option-names.js";
import { roofline } from "../evaluate/roofline.js";
import { BUILTIN_HARDWARE, BUILTIN_HARDWARE_NAMES, type BuiltinHardwareName } from "../published/hardware.js";
import { evaluateModel } from "../evaluate/cost.js";
import { activationMemory } from "../evaluate/memory.js";
import { analyseBreakdown } from "../evaluate/breakdown.js";
import { BUILTIN_MODELS, findBuiltinModel } from "../model/builtin.js";
import { CONVENTION_NAMES, type ConventionName, resolveConvention } from "../model/conventions.js";
import {
  ALPHA_RULE,
  DEPTH_RULE,
  parseConfiguration,
  RESOLUTION_RULE,
  toAlpha,
  toDepth,
  toResolution,
} from "../model/configuration.js";
import { withDefaults } from "../model/defaults.js";
import { resolutionText } from "../model/resolution.js";
import { modelSpecSchema } from "../model/schema.js";
import { formatSchemaIssues } from "../io/schema-issues.js";
import type { ModelFile } from "../model/schema.js";
import { breakdownDocument } from "../report/breakdown.js";
import { renderCsv } from "../report/csv.js";
import { compareDocument } from "../report/compare.js";
import { compareReports } from "../evaluate/compare.js";
import { renderJson } from "../report/json.js";
import { sweepDocument } from "../report/sweep.js";
import { sweep } from "../evaluate/sweep.js";
import { parseQuantity } from "../budget/quantity.js";
import { gridHtml } from "../report/html.js";
import { conventionDetails, conventionLine, layersDocument, modelShortName } from "../report/layers.js";
import { groupDigits } from "../report/numbers.js";
import { renderChart } from "../report/svg/render.js";

declare const __MBN_CONFIGS__: Record<string, ModelFile>;

interface State {
  /** A built-in, or "custom": the architecture in the editor. */
  model: string;
  alpha: string;
  resolution: string;
  depth: string;
  convention: ConventionName;
  /** The editor's JSON, for "custom". */
  custom: string;
  /** Compare mode: up to four configurations as model@α/resolution (depth and convention shared). */
  compare: string[];
  /** A built-in hardware profile, or "" for none. */
  hardware: string;
  dtype: Dtype;
}

const MAX_COMPARED = 4;

const CUSTOM = "custom";
const EXAMPLE = JSON.stringify(
  {
    name: "My net",
    input: { resolution: 224, channels: 3 },
    classes: 1000,
    layers: [
      { kind: "conv", kernel: 3, stride: 2, out: 32 },
      { kind: "dsconv", kernel: 3, stride: 1, out: 64 },
      { kind: "inverted_residual", t: 6, c: 96, n: 2, s: 2 },
      { kind: "avgpool" },
      { kind: "fc", out: "classes" },
    ],
  },
  null,
  2,
);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function readHash(): State {
  const p = new URLSearchParams(location.hash.slice(1));
  const convention = p.get("convention") as ConventionName | null;
  const model = p.get("model") ?? "";
  return {
    model: model === CUSTOM || findBuiltinModel(model) ? model : "v2",
    alpha: p.get("alpha") ?? "1",
    resolution: p.get("resolution") ?? "",
    depth: p.get("depth") ?? "1",
    convention: convention && CONVENTION_NAMES.includes(convention) ? convention : "paper",
    custom: p.get("custom") ?? EXAMPLE,
    compare: (p.get("compare") ?? "").split(",").filter(Boolean).slice(0, MAX_COMPARED),
    hardware: BUILTIN_HARDWARE_NAMES.includes(p.get("hardware") as BuiltinHardwareName)
      ? p.get("hardware")!
      : "",
    dtype: DTYPE_NAMES.includes(p.get("dtype") as Dtype) ? (p.get("dtype") as Dtype) : "int8",
  };
}

/** The editor's architecture, validated by the CLI's schema; an error names the bad field's path, as the CLI does. */
function customSpec(text: string) {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`your architecture: not valid JSON (${(error as Error).message})`);
  }
  const parsed = modelSpecSchema.safeParse(data);
  if (!parsed.success) throw new Error(formatSchemaIssues("your architecture", parsed.error.issues));
  return withDefaults(parsed.data);
}

function modelOf(state: State) {
  if (state.model === CUSTOM) return { ref: CUSTOM, id: CUSTOM, spec: customSpec(state.custom) };
  const builtin = findBuiltinModel(state.model);
  if (!builtin)
    throw new Error(`unknown model '${state.model}': the page counts the built-in models and yours`);
  return { ref: state.model, id: builtin.id, spec: withDefaults(__MBN_CONFIGS__[builtin.file]!) };
}

/** The depth as the CLI reads it (model/configuration.ts), or an error naming it. */
function depthOf(state: State): number {
  const depth = toDepth(state.depth);
  if (depth === undefined) throw new Error(`depth '${state.depth}' must be ${DEPTH_RULE}`);
  return depth;
}

/** The state's configuration, read by the CLI's own grammar (model/configuration.ts): what one accepts, so does the other. */
function evaluate(state: State) {
  const model = modelOf(state);
  const alpha = toAlpha(state.alpha);
  if (!alpha) throw new Error(`α '${state.alpha}' must be ${ALPHA_RULE} (0.75 or 3/4)`);
  const resolution = state.resolution === "" ? undefined : toResolution(state.resolution);
  if (state.resolution !== "" && resolution === undefined)
    throw new Error(`resolution '${state.resolution}' must be ${RESOLUTION_RULE}`);
  return evaluateModel(model, {
    alpha,
    depth: depthOf(state),
    ...(resolution !== undefined && { resolution }),
    convention: resolveConvention(state.convention),
  });
}

/** On a MobileNetV4 Table 16 ridge point: bytes moved and the roofline cost, as `--hardware … --totals` says. */
function rooflineLine(report: CostReport, state: State): string {
  if (state.hardware === "") return "";
  const profile = BUILTIN_HARDWARE[state.hardware as BuiltinHardwareName];
  const t = roofline(report, profile, "none", state.dtype).totals;
  // exact: the integer part grouped, and the fraction when there is one (RP·bytes at a decimal RP)
  const [whole = "0", fraction] = toDecimal(t.rooflineMacs, t.rooflineMacs.den === 1n ? 0 : 1).split(".");
  const cost = `${groupDigits(BigInt(whole))}${fraction ? `.${fraction}` : ""}`;
  return `on ${profile.name} (ridge point ${toDecimal(profile.ridgePoint, 1)} MACs/byte, ${state.dtype}): ${groupDigits(t.bytes)} bytes moved · ${cost} roofline MACs · ${t.memoryBound} of ${report.rows.length} layers memory-bound`;
}

/** "v2@0.5/160" → the state of that configuration, by the CLI's grammar (which compare takes). */
function configurationOf(spec: string, state: State): State {
  const c = parseConfiguration(spec);
  return {
    ...state,
    model: c.model,
    alpha: c.alpha.text,
    resolution: c.resolution === undefined ? "" : resolutionText(c.resolution),
  };
}

const specOf = (state: State) =>
  `${state.model}@${state.alpha}${state.resolution === "" ? "" : `/${state.resolution}`}`;

/** Compare mode: the CLI's comparison of up to four configurations, exact ratios to the first. */
function renderComparison(state: State): void {
  if (state.compare.length === 0) {
    $("comparison").innerHTML = "";
    return;
  }
  const specs = state.compare.map((spec) => ({ spec, report: evaluate(configurationOf(spec, state)) }));
  const doc = compareDocument(specs, compareReports(specs.map((s) => s.report)));
  $("comparison").innerHTML =
    `<h2>Comparison</h2>${gridHtml(doc.grids[0]!, { exact: true, sortable: false })}` +
    (doc.chart ? renderChart(doc.chart, "auto") : "");
}

function commandLine(state: State): string {
  const parts = ["mbn-cost", state.model === CUSTOM ? "my-net.json" : state.model];
  if (state.alpha !== "1") parts.push("--alpha", state.alpha);
  if (state.resolution !== "") parts.push("--resolution", state.resolution);
  if (state.depth !== "1") parts.push("--depth", state.depth);
  if (state.convention !== "paper") parts.push("--convention", state.convention);
  if (state.hardware !== "")
    parts.push("--hardware", state.hardware, ...(state.dtype !== "int8" ? ["--dtype", state.dtype] : []));
  return parts.join(" ");
}

let csv = "";
let json = "";

const SWEEP_ALPHAS = Array.from({ length: 27 }, (_, i) => ((i + 5) * 5) / 100).map((v) => ({
  text: v.toFixed(2),
  value: v,
}));

/** MACs against α at four resolutions around the model's, with the budget line: the CLI's sweep and its chart. */
function sweepChart(state: State, budgetText: string): string {
  const model = modelOf(state);
  const side = model.spec.input.resolution;
  // four resolutions up to the model's, in steps of 32 pixels
  const resolutions = [
    ...new Set([0.57, 0.71, 0.86, 1].map((f) => Math.max(32, Math.round((side * f) / 32) * 32))),
  ];
  const convention = resolveConvention(state.convention);
  const points = sweep(
    model,
    { alphas: SWEEP_ALPHAS, depths: [{ text: state.depth, value: depthOf(state) }], resolutions },
    { convention, memoryModel: "block" },
  );
  const budget = budgetText.trim() === "" ? undefined : parseQuantity(budgetText);
  const doc = sweepDocument(
    points,
    { model: modelShortName(model), convention, bytesPerElement: 4n },
    budget,
  );
  return doc.chart ? renderChart(doc.chart, "auto") : "";
}

function render(): void {
  const started = performance.now();
  const state = readHash();
  try {
    const report = evaluate(state);
    const memory = activationMemory(report.rows, { dtype: "fp32", memoryModel: "block" });
    const layers = layersDocument(report, memory);
    const byType = breakdownDocument(report, analyseBreakdown(report, "type"), memory);
    const { params, macs } = report.totals;
    $("totals").textContent =
      `${groupDigits(params)} params · ${groupDigits(macs)} MACs · ${groupDigits(2n * macs)} FLOPs`;
    // the CLI's line, without its hint to the CLI's --verbose: the full text is the title
    $("convention-line").textContent = conventionLine(report.convention).replace(/ \(-v: in full\)$/, "");
    $("convention-line").title = conventionDetails(report.convention);
    $("error").textContent = "";
    $("layers-chart").innerHTML = layers.chart ? renderChart(layers.chart, "auto") : "";
    $("type-chart").innerHTML = byType.chart ? renderChart(byType.chart, "auto") : "";
    const byResolution = breakdownDocument(report, analyseBreakdown(report, "resolution"), memory);
    $("resolution-chart").innerHTML = byResolution.chart ? renderChart(byResolution.chart, "auto") : "";
    $("layers").innerHTML = gridHtml(layers.grids[0]!, { exact: true, sortable: true });
    tableControls();
    $("command").textContent = commandLine(state);
    $("sweep-chart").innerHTML = sweepChart(state, $<HTMLInputElement>("budget").value);
    renderComparison(state);
    $("roofline").textContent = rooflineLine(report, state);
    csv = renderCsv(layers);
    json = renderJson(layers);
  } catch (error) {
    $("error").textContent = (error as Error).message;
  }
  $("timing").textContent = `updated in ${(performance.now() - started).toFixed(1)} ms`;
  document.body.dataset.renderMs = String(performance.now() - started);
}

let sortedBy: { column: number; descending: boolean } | undefined;

/** The per-layer table: sorted by a clicked header (counts exactly, as bigints), filtered by op. */
function tableControls(): void {
  const table = $("layers").querySelector("table")!;
  const rows = [...table.tBodies[0]!.rows];
  const filter = $<HTMLSelectElement>("op-filter");
  const chosen = filter.value;
  const ops = [...new Set(rows.map((r) => r.cells[2]!.textContent ?? ""))];
  filter.replaceChildren(new Option("every op", ""), ...ops.map((op) => new Option(op, op)));
  filter.value = ops.includes(chosen) ? chosen : "";
  for (const row of rows) row.hidden = filter.value !== "" && row.cells[2]!.textContent !== filter.value;
  const key = (row: HTMLTableRowElement, column: number) =>
    row.cells[column]!.dataset["v"] ?? row.cells[column]!.textContent ?? "";
  const sort = () => {
    if (!sortedBy) return;
    const { column, descending } = sortedBy;
    rows.sort((a, b) => {
      const [x, y] = [key(a, column), key(b, column)];
      const order =
        /^-?\d+$/.test(x) && /^-?\d+$/.test(y)
          ? BigInt(x) < BigInt(y)
            ? -1
            : BigInt(x) > BigInt(y)
              ? 1
              : 0
          : x.localeCompare(y, undefined, { numeric: true });
      return descending ? -order : order;
    });
    table.tBodies[0]!.append(...rows);
  };
  for (const [column, th] of [...table.querySelectorAll("thead th")].entries())
    th.addEventListener("click", () => {
      sortedBy = { column, descending: sortedBy?.column === column ? !sortedBy.descending : true };
      sort();
    });
  sort();
}

/** The controls show the state in the URL: the pickers filled, the inputs set. */
function fillControls(state: State): void {
  const model = $<HTMLSelectElement>("model");
  for (const m of BUILTIN_MODELS) model.add(new Option(m.aliases[0] ?? m.id, m.aliases[0] ?? m.id));
  model.add(new Option("your architecture (JSON)", CUSTOM));
  const convention = $<HTMLSelectElement>("convention");
  for (const c of CONVENTION_NAMES) convention.add(new Option(c, c));
  const hardware = $<HTMLSelectElement>("hardware");
  hardware.add(new Option("none", ""));
  for (const h of BUILTIN_HARDWARE_NAMES) hardware.add(new Option(h, h));
  const dtype = $<HTMLSelectElement>("dtype");
  for (const d of DTYPE_NAMES) dtype.add(new Option(d, d));
  hardware.value = state.hardware;
  dtype.value = state.dtype;
  model.value = state.model;
  $<HTMLInputElement>("alpha").value = state.alpha;
  $<HTMLInputElement>("alpha-slider").value = String(toAlpha(state.alpha)?.value ?? 1);
  $<HTMLInputElement>("resolution").value = state.resolution;
  $<HTMLInputElement>("depth").value = state.depth;
  $<HTMLTextAreaElement>("custom").value = state.custom;
  convention.value = state.convention;
}

/** A download made in the page, from text it holds: no request leaves it. */
function download(text: string, type: string, name: string): void {
  const link = document.createElement("a");
  link.href = `data:${type};charset=utf-8,${encodeURIComponent(text)}`;
  link.download = name;
  link.click();
}

function controls(): void {
  const state = readHash();
  fillControls(state);
  const model = $<HTMLSelectElement>("model");
  const value = (id: string) => $<HTMLInputElement>(id).value;
  const showEditor = () => ($("editor").hidden = model.value !== CUSTOM);
  showEditor();
  let compared = state.compare;
  const update = () => {
    const next = new URLSearchParams({
      ...(compared.length > 0 && { compare: compared.join(",") }),
      model: model.value,
      alpha: value("alpha"),
      resolution: value("resolution"),
      depth: value("depth"),
      convention: value("convention"),
      hardware: value("hardware"),
      dtype: value("dtype"),
      ...(model.value === CUSTOM && { custom: value("custom") }),
    });
    showEditor();
    history.replaceState(null, "", `#${next}`);
    render();
  };
  for (const id of ["model", "convention", "alpha", "resolution", "depth", "custom", "hardware", "dtype"])
    $(id).addEventListener("input", update);
  $<HTMLInputElement>("alpha-slider").addEventListener("input", (e) => {
    $<HTMLInputElement>("alpha").value = Number((e.target as HTMLInputElement).value).toFixed(2);
    update();
  });
  $("download-csv").addEventListener("click", () => download(csv, "text/csv", `${model.value}.csv`));
  $("download-json").addEventListener("click", () =>
    download(json, "application/json", `${model.value}.json`),
  );
  $("copy-command").addEventListener(
    "click",
    () => void navigator.clipboard?.writeText($("command").textContent ?? ""),
  );
  $("budget").addEventListener("input", () => render());
  $("op-filter").addEventListener("input", () => render());
  $("add-to-comparison").addEventListener("click", () => {
    if (model.value === CUSTOM) return;
    compared = [...compared, specOf(readHash())].slice(-MAX_COMPARED);
    update();
  });
  $("clear-comparison").addEventListener("click", () => {
    compared = [];
    update();
  });
}

controls();
render();
