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
import { BUILTIN_HARDWARE, type HardwareProfile } from "../published/hardware.js";
import { hardwareFileSchema } from "../io/hardware-schema.js";
import { hardwareProfileOf } from "../io/hardware-profile.js";
import { rooflineLine } from "../report/roofline.js";
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
import type { ModelRef } from "../evaluate/cost.js";
import { onnxModelSpec } from "../io/onnx-model.js";
import { tfliteModelSpec } from "../io/tflite-model.js";
import type { Decoders } from "./decoders.js";
import { resolutionText } from "../model/resolution.js";
import { modelSpecSchema } from "../model/schema.js";
import { formatSchemaIssues } from "../io/schema-issues.js";
import type { ModelFile } from "../model/schema.js";
import { breakdownDocument } from "../report/breakdown.js";
import { renderCsv } from "../report/csv.js";
import { compareDocument } from "../report/compare.js";
import { compareReports } from "../evaluate/compare.js";
import { renderJson } from "../report/json.js";
import type { ReportDocument } from "../report/document.js";
import { sweepDocument } from "../report/sweep.js";
import { sweep } from "../evaluate/sweep.js";
import { parseQuantity } from "../budget/quantity.js";
import { chartHtml, gridHtml } from "../report/html.js";
import { conventionDetails, conventionLine, layersDocument, modelShortName } from "../report/layers.js";
import { groupDigits } from "../report/numbers.js";

declare const __MBN_CONFIGS__: Record<string, ModelFile>;
declare const __MBN_HARDWARE__: Record<string, unknown>;

/** Every built-in profile: MobileNetV4's ridge points and the calibrated devices (configs/hardware/, checked by the CLI's schema). */
const PROFILES: Readonly<Record<string, HardwareProfile>> = {
  ...BUILTIN_HARDWARE,
  ...Object.fromEntries(
    Object.entries(__MBN_HARDWARE__).map(([name, data]) => [
      name,
      hardwareProfileOf(hardwareFileSchema.parse(data), name),
    ]),
  ),
};

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
  /** --dtype, or "" for none given: a file's own types, else the profile's, else fp32 (as the CLI). */
  dtype: Dtype | "";
}

const MAX_COMPARED = 4;

const CUSTOM = "custom";
/** The model picker's value for a file the user gave the page. */
const FILE = "file";
/** The .onnx or .tflite file given, counted by the CLI's readers; it never leaves the page. */
let userFile: ModelRef | undefined;
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

/** The state a link or the controls hold, each value as given (the CLI's grammar checks them when counting). */
function stateOf(p: URLSearchParams): State {
  const convention = p.get("convention") as ConventionName | null;
  const model = p.get("model") ?? "";
  return {
    model: model === CUSTOM || (model === FILE && userFile) || findBuiltinModel(model) ? model : "v2",
    alpha: p.get("alpha") ?? "1",
    resolution: p.get("resolution") ?? "",
    depth: p.get("depth") ?? "1",
    convention: convention && CONVENTION_NAMES.includes(convention) ? convention : "paper",
    custom: p.get("custom") ?? EXAMPLE,
    compare: (p.get("compare") ?? "").split(",").filter(Boolean).slice(0, MAX_COMPARED),
    hardware: Object.hasOwn(PROFILES, p.get("hardware") ?? "") ? p.get("hardware")! : "",
    dtype: DTYPE_NAMES.includes(p.get("dtype") as Dtype) ? (p.get("dtype") as Dtype) : "",
  };
}

const readHash = (): State => stateOf(new URLSearchParams(location.hash.slice(1)));

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
  if (state.model === FILE && userFile) return userFile;
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

/** On a hardware profile: the CLI's roofline line (bytes moved, MAC-equivalents, a calibrated device's latency). */
function hardwareLine(report: CostReport, state: State): string {
  const profile = state.hardware === "" ? undefined : PROFILES[state.hardware];
  if (!profile) return "";
  const costs = roofline(report, profile, "none", state.dtype || profile.dtype, state.dtype === "");
  const fileTypes = state.dtype === "" && report.rows.some((r) => r.storedBytes !== undefined);
  const dtype = fileTypes
    ? `the file's own types (${profile.dtype} where it stores none)`
    : state.dtype || profile.dtype;
  return `on ${profile.name} (ridge point ${toDecimal(profile.ridgePoint, 1)} MACs/byte, ${dtype}) — ${rooflineLine(report, costs)}`;
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
    (doc.chart ? chartHtml(doc.chart, "auto") : "");
}

function commandLine(state: State): string {
  const model = state.model === CUSTOM ? "my-net.json" : state.model === FILE ? userFile?.ref : state.model;
  const parts = ["mbn-cost", model ?? ""];
  if (state.alpha !== "1") parts.push("--alpha", state.alpha);
  if (state.resolution !== "") parts.push("--resolution", state.resolution);
  if (state.depth !== "1") parts.push("--depth", state.depth);
  if (state.convention !== "paper") parts.push("--convention", state.convention);
  if (state.hardware !== "") parts.push("--hardware", state.hardware);
  if (state.dtype !== "") parts.push("--dtype", state.dtype);
  return parts.join(" ");
}

/** The per-layer document last counted: the downloads render it when asked. */
let shown: ReportDocument | undefined;

const SWEEP_ALPHAS = Array.from({ length: 27 }, (_, i) => ((i + 5) * 5) / 100).map((v) => ({
  text: v.toFixed(2),
  value: v,
}));

/** MACs against α at four resolutions around the model's, with the budget line: the CLI's sweep and its chart. */
function sweepChart(state: State, budgetText: string): string {
  const model = modelOf(state);
  // a file's widths are its own: no α to sweep
  if (model.spec.graph) return "";
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
  return doc.chart ? chartHtml(doc.chart, "auto") : "";
}

/** An error in one line, every result dimmed and its downloads off until the input is valid again. */
function showError(message: string): void {
  $("error").textContent = message;
  $("results").classList.add("stale");
  for (const id of ["download-csv", "download-json", "copy-command", "add-to-comparison"])
    $<HTMLButtonElement>(id).disabled = true;
}

function clearError(): void {
  $("error").textContent = "";
  $("results").classList.remove("stale");
  for (const id of ["download-csv", "download-json", "copy-command", "add-to-comparison"])
    $<HTMLButtonElement>(id).disabled = false;
}

/** What the CLI prints above its table, but the convention (shown apart): source, notes, memory, arena. */
function details(lines: readonly string[]): void {
  const items = lines
    .filter((line) => !line.startsWith("convention:"))
    .map((line) => Object.assign(document.createElement("li"), { textContent: line }));
  $("details").replaceChildren(...items);
}

/** Renders a state; false (with the error shown and the results dimmed) when it cannot be counted. */
function render(state: State): boolean {
  const started = performance.now();
  try {
    const report = evaluate(state);
    const profile = state.hardware === "" ? undefined : PROFILES[state.hardware];
    const memory = activationMemory(report.rows, {
      dtype: state.dtype || profile?.dtype || "fp32",
      dtypeGiven: state.dtype !== "",
      memoryModel: "block",
    });
    const layers = layersDocument(report, memory);
    const byType = breakdownDocument(report, analyseBreakdown(report, "type"), memory);
    const { params, macs } = report.totals;
    $("totals").textContent =
      `${groupDigits(params)} params · ${groupDigits(macs)} MACs · ${groupDigits(2n * macs)} FLOPs`;
    // the CLI's line, without its hint to the CLI's --verbose: the full text is the title
    $("convention-line").textContent = conventionLine(report.convention).replace(/ \(-v: in full\)$/, "");
    $("convention-line").title = conventionDetails(report.convention);
    clearError();
    details([...layers.meta, ...layers.notes]);
    $("type-chart").innerHTML = byType.chart ? chartHtml(byType.chart, "auto") : "";
    const byResolution = breakdownDocument(report, analyseBreakdown(report, "resolution"), memory);
    $("resolution-chart").innerHTML = byResolution.chart ? chartHtml(byResolution.chart, "auto") : "";
    $("command").textContent = commandLine(state);
    renderComparison(state);
    $("roofline").textContent = hardwareLine(report, state);
    shown = layers;
    whenIdle(() => renderLarge(state, layers));
  } catch (error) {
    showError((error as Error).message);
    whenIdle(() => undefined);
    return false;
  } finally {
    timed("render", started);
  }
  return true;
}

/** How long a part took, shown beside the command and kept for the browser test (data-render-ms, data-idle-ms). */
function timed(part: "render" | "idle", started: number): void {
  const ms = performance.now() - started;
  document.body.dataset[`${part}Ms`] = String(ms);
  if (part === "render") $("timing").textContent = `updated in ${ms.toFixed(1)} ms`;
  else $("timing").textContent += `, the table and the sweep ${ms.toFixed(1)} ms later`;
}

let pending: ReturnType<typeof setTimeout> | undefined;

/**
 * Work for after the next frame: the per-layer chart, the table (hundreds of rows) and the sweep chart
 * (a hundred configurations) of the large models would not fit in one frame with the rest; an update
 * coming first cancels it (dragging α draws them once, at the end).
 */
function whenIdle(work: () => void): void {
  clearTimeout(pending);
  delete document.body.dataset["idleMs"];
  pending = setTimeout(() => {
    pending = undefined;
    const started = performance.now();
    work();
    timed("idle", started);
  }, 0);
}

/** The parts of a view drawn when idle. */
function renderLarge(state: State, layers: ReportDocument): void {
  $("layers-chart").innerHTML = layers.chart ? chartHtml(layers.chart, "auto") : "";
  $("layers").innerHTML = gridHtml(layers.grids[0]!, { exact: true, sortable: true });
  tableControls();
  renderSweep(state);
}

function renderSweep(state: State): void {
  try {
    $("sweep-chart").innerHTML = sweepChart(state, $<HTMLInputElement>("budget").value);
  } catch (error) {
    $("sweep-chart").textContent = (error as Error).message;
  }
}

let sortedBy: { column: number; descending: boolean } | undefined;

/** Shows the table's rows of the op chosen, or all. */
function filterRows(): void {
  const op = $<HTMLSelectElement>("op-filter").value;
  const body = $("layers").querySelector("tbody");
  for (const row of body?.rows ?? []) row.hidden = op !== "" && row.cells[2]!.textContent !== op;
}

/** The per-layer table: sorted by a clicked header (counts exactly, as bigints), filtered by op. */
function tableControls(): void {
  const table = $("layers").querySelector("table")!;
  const rows = [...table.tBodies[0]!.rows];
  const filter = $<HTMLSelectElement>("op-filter");
  const chosen = filter.value;
  const ops = [...new Set(rows.map((r) => r.cells[2]!.textContent ?? ""))];
  filter.replaceChildren(new Option("every op", ""), ...ops.map((op) => new Option(op, op)));
  filter.value = ops.includes(chosen) ? chosen : "";
  filterRows();
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
  for (const h of Object.keys(PROFILES)) hardware.add(new Option(h, h));
  const dtype = $<HTMLSelectElement>("dtype");
  dtype.add(new Option("the file's or the profile's", ""));
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

/** The page's boot script (report/app-page.ts): the text of a script it holds gzipped. */
type Unpack = (id: string) => Promise<string>;

let decoders: Promise<Decoders> | undefined;

/** Runs the decoders the page holds packed (app/decoders.ts), once, when the first .onnx or .tflite file comes. */
function loadDecoders(): Promise<Decoders> {
  decoders ??= (async () => {
    const script = document.createElement("script");
    script.textContent = await (globalThis as unknown as { mbnUnpack: Unpack }).mbnUnpack("decoders");
    document.head.append(script);
    return (globalThis as { mbnDecoders?: Decoders }).mbnDecoders!;
  })();
  return decoders;
}

/** An .onnx or .tflite file given to the page → its model, by the CLI's readers; it is never sent anywhere. */
async function readUserFile(file: File): Promise<ModelRef> {
  const name = file.name;
  const format = /\.onnx$/i.test(name) ? "onnx" : /\.tflite$/i.test(name) ? "tflite" : undefined;
  if (format === undefined)
    throw new Error(
      `${name}: the page reads architecture files (.json), ONNX files (.onnx) and TensorFlow Lite files (.tflite)`,
    );
  const bytes = new Uint8Array(await file.arrayBuffer());
  const decode = await loadDecoders();
  const spec =
    format === "onnx"
      ? onnxModelSpec(decode.onnx(bytes, name), name)
      : tfliteModelSpec(decode.tflite(bytes, name), name);
  return { ref: name, id: name, spec };
}

/** A file input and the whole page as a drop target: .json goes to the editor, .onnx and .tflite are counted. */
function fileControls(update: () => void): void {
  const model = $<HTMLSelectElement>("model");
  const open = async (file: File) => {
    try {
      if (/\.json$/i.test(file.name)) {
        $<HTMLTextAreaElement>("custom").value = await file.text();
        model.value = CUSTOM;
      } else {
        userFile = await readUserFile(file);
        const option = model.namedItem("file-option") ?? model.appendChild(new Option("", FILE));
        Object.assign(option, { id: "file-option", text: `${file.name} (your file)` });
        model.value = FILE;
      }
      update();
    } catch (error) {
      showError((error as Error).message);
    }
  };
  $<HTMLInputElement>("file").addEventListener("change", (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) void open(file);
  });
  const dropping = (on: boolean) => document.body.classList.toggle("dropping", on);
  document.addEventListener("dragover", (e) => {
    e.preventDefault();
    dropping(true);
  });
  document.addEventListener("dragleave", () => dropping(false));
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    dropping(false);
    // the picker would name an earlier file
    $<HTMLInputElement>("file").value = "";
    const file = e.dataTransfer?.files[0];
    if (file) void open(file);
  });
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
  const controlled = () =>
    new URLSearchParams({
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
  // the URL keeps the last state that counted: a copied link never holds α abc
  const update = () => {
    const next = controlled();
    showEditor();
    if (render(stateOf(next))) history.replaceState(null, "", `#${next}`);
  };
  fileControls(update);
  for (const id of ["model", "convention", "alpha", "resolution", "depth", "custom", "hardware", "dtype"])
    $(id).addEventListener("input", update);
  $<HTMLInputElement>("alpha-slider").addEventListener("input", (e) => {
    $<HTMLInputElement>("alpha").value = Number((e.target as HTMLInputElement).value).toFixed(2);
    update();
  });
  const saved = () => (model.value === FILE ? (userFile?.ref ?? FILE).replace(/\.\w+$/, "") : model.value);
  $("download-csv").addEventListener(
    "click",
    () => shown && download(renderCsv(shown), "text/csv", `${saved()}.csv`),
  );
  $("download-json").addEventListener(
    "click",
    () => shown && download(renderJson(shown), "application/json", `${saved()}.json`),
  );
  $("copy-command").addEventListener(
    "click",
    () => void navigator.clipboard?.writeText($("command").textContent ?? ""),
  );
  $("budget").addEventListener("input", () => renderSweep(stateOf(controlled())));
  $("op-filter").addEventListener("input", filterRows);
  $("add-to-comparison").addEventListener("click", () => {
    if (model.value === CUSTOM || model.value === FILE) return;
    compared = [...compared, specOf(readHash())].slice(-MAX_COMPARED);
    update();
  });
  $("clear-comparison").addEventListener("click", () => {
    compared = [];
    update();
  });
}

controls();
render(readHash());
