import { InputError } from "../../errors.js";
import { analyseBreakdown } from "../../evaluate/breakdown.js";
import { compareReports } from "../../evaluate/compare.js";
import type { CostReport } from "../../evaluate/cost.js";
import { activationMemory, type MemoryOptions } from "../../evaluate/memory.js";
import { reproduceFigure } from "../../evaluate/reproduce.js";
import {
  type Convention,
  type ConventionName,
  type ConventionOverrides,
  resolveConvention,
} from "../../model/conventions.js";
import { PUBLISHED_FIGURES } from "../../published/figures.js";
import { breakdownDocument } from "../../report/breakdown.js";
import { compareDocument } from "../../report/compare.js";
import type { ReportDocument } from "../../report/document.js";
import { type HtmlSection, renderHtml } from "../../report/html.js";
import { conventionDetails, inUnit, layersDocument, modelTitle, unitLabel } from "../../report/layers.js";
import { memoryData } from "../../report/memory.js";
import { groupDigits, humanize } from "../../report/numbers.js";
import { paperDocument } from "../../report/paper.js";
import { ExitCode } from "../exit-codes.js";
import type { CliIo } from "../io.js";
import type { Outcome } from "../outcome.js";
import { VERSION } from "../version.js";
import { findBuiltinModel } from "../../model/builtin.js";
import { type EvaluatedSpec, evaluateSpecs, type SpecDefaults } from "./compare.js";
import { evaluateSetting } from "./paper.js";
import { resolutionSize, sameResolution, squareResolution } from "../../model/resolution.js";
import { rooflineGroups } from "../../evaluate/roofline.js";
import type { HardwareChoice } from "../commands/model-options.js";
import { hardwareProfile, rooflineAsChosen } from "./hardware.js";

export interface ReportOptions extends SpecDefaults {
  readonly specs: readonly string[];
  readonly out: string | undefined;
  readonly force: boolean;
  readonly exact: boolean;
  readonly convention: ConventionName;
  readonly overrides: ConventionOverrides;
  /** --hardware or --ridge-point: a roofline section per model. */
  readonly hardware?: HardwareChoice | undefined;
}

/** The roofline chart and the cost by type on the hardware, for one model. */
async function rooflineSections(
  spec: string,
  report: CostReport,
  choice: HardwareChoice,
  cwd: string,
  prefix: string,
  memoryOptions: MemoryOptions,
): Promise<HtmlSection[]> {
  const profile = await hardwareProfile(choice, cwd);
  const costs = rooflineAsChosen(report, profile, choice);
  const memory = activationMemory(report.rows, memoryOptions);
  const { rooflineBreakdownDocument, rooflineDocument } = await import("../../report/roofline.js");
  const doc = rooflineDocument(report, memory, costs, false);
  const byType = rooflineBreakdownDocument(report, memory, costs, "type", rooflineGroups(costs, "type"));
  return [
    {
      id: `${prefix}roofline`,
      heading: `${spec}: the roofline on ${profile.name}`,
      doc: { ...doc, notes: [] },
      chart: profile.ridgePoint.num > 0n,
      tables: "none",
      intro: doc.meta.filter((line) => line.startsWith("hardware:") || line.startsWith("roofline:")),
    },
    {
      id: `${prefix}roofline-by-type`,
      heading: `${spec}: roofline cost by layer type`,
      doc: { ...byType, notes: [] },
      chart: false,
      tables: "plain",
    },
  ];
}

/**
 * --dtype means one thing, the run's element size: as given, else the profile's when there is hardware,
 * else fp32; the memory peaks and the roofline use the same (never fp32 beside int8).
 */
async function memoryOptionsOf(options: ReportOptions, cwd: string): Promise<MemoryOptions> {
  const given = options.hardware?.dtype;
  const dtype = given ?? (options.hardware ? (await hardwareProfile(options.hardware, cwd)).dtype : "fp32");
  return { dtype, memoryModel: "block", dtypeGiven: given !== undefined };
}

async function modelSections(
  spec: string,
  report: CostReport,
  cwd: string,
  prefix: string,
  memoryOptions: MemoryOptions,
): Promise<HtmlSection[]> {
  const id = (s: string) => `${prefix}${s}`;
  const memory = activationMemory(report.rows, memoryOptions);
  const layers = layersDocument(report, memory);
  // the model's own notes show once, under the per-layer table
  const modelNotes = new Set(report.model.spec.notes ?? []);
  const breakdownOf = (by: "type" | "resolution" | "stage") => {
    const doc = breakdownDocument(report, analyseBreakdown(report, by), memory);
    return { ...doc, notes: doc.notes.filter((n) => !modelNotes.has(n)) };
  };
  const sections: HtmlSection[] = [
    {
      id: id("layers-chart"),
      heading: `${spec}: ${unitLabel(report.convention)} per layer`,
      doc: { ...layers, notes: [] },
      chart: true,
      tables: "none",
      intro: ["Each bar is a layer, coloured by op type; hover for its name and count."],
    },
    {
      id: id("by-type"),
      heading: `${spec}: by layer type`,
      doc: breakdownOf("type"),
      chart: true,
      tables: "plain",
    },
    // a model built in stages (timm's block strings): where each stage's share goes
    ...(report.rows.some((r) => r.stage !== undefined)
      ? [
          {
            id: id("by-stage"),
            heading: `${spec}: by stage`,
            doc: breakdownOf("stage"),
            chart: true,
            tables: "plain" as const,
          },
        ]
      : []),
    {
      id: id("by-resolution"),
      heading: `${spec}: by output resolution`,
      doc: breakdownOf("resolution"),
      chart: true,
      tables: "plain",
    },
    {
      id: id("layers"),
      heading: `${spec}: per-layer table`,
      doc: layers,
      chart: false,
      tables: "sortable",
      intro: ["Click a column header to sort."],
    },
  ];
  sections.push(...(await figureSections(spec, report, cwd, id("paper"))));
  return sections;
}

/** The published figures of this model and setting, reproduced: a section when there are any. */
async function figureSections(
  spec: string,
  report: CostReport,
  cwd: string,
  id: string,
): Promise<HtmlSection[]> {
  const figures = PUBLISHED_FIGURES.filter(
    (f) =>
      f.model === report.model.id &&
      Number(f.alpha) === report.alpha.value &&
      sameResolution(squareResolution(f.resolution), report.resolution),
  );
  if (figures.length > 0) {
    const reproductions = [];
    for (const f of figures) reproductions.push(reproduceFigure(f, await evaluateSetting(f, cwd)));
    return [
      {
        id,
        heading: `${spec}: published figures`,
        doc: paperDocument(spec, reproductions),
        chart: false,
        tables: "plain",
        intro: paperDocument(spec, reproductions).meta,
      },
    ];
  }
  return [];
}

/** A report names a user's model by its "name", never by the local path it was read from. */
function namedByModel(e: EvaluatedSpec): EvaluatedSpec {
  const { model } = e.report;
  if (findBuiltinModel(model.ref)) return e;
  return { ...e, spec: e.spec.replace(model.ref, model.spec.name) };
}

/** The totals grid is shown once, in the first comparison section. */
const withoutTotals = (doc: ReportDocument): ReportDocument => ({ ...doc, grids: doc.grids.slice(1) });

function comparisonSections(evaluated: readonly EvaluatedSpec[]): HtmlSection[] {
  if (evaluated.length < 2) return [];
  const reports = evaluated.map((e) => e.report);
  return [
    {
      id: "compare-totals",
      heading: "Comparison",
      doc: compareDocument(evaluated, compareReports(reports)),
      chart: true,
      tables: "plain",
    },
    {
      id: "compare-resolution",
      heading: "Comparison by output resolution",
      doc: withoutTotals(compareDocument(evaluated, compareReports(reports, "resolution"))),
      chart: true,
      tables: "plain",
    },
  ];
}

/** The headline numbers: MACs and params of each model, and the peak activations of a single one. */
function headlineStats(
  evaluated: readonly EvaluatedSpec[],
  convention: Convention,
  memoryOptions: MemoryOptions,
) {
  const prefix = (e: EvaluatedSpec) => (evaluated.length > 1 ? `${e.spec} ` : "");
  const stats = evaluated.flatMap((e) => [
    {
      label: `${prefix(e)}${unitLabel(convention)}`,
      value: humanize(inUnit(e.report.totals.macs, convention)),
      exact: groupDigits(inUnit(e.report.totals.macs, convention)),
    },
    {
      label: `${prefix(e)}params`,
      value: humanize(e.report.totals.params),
      exact: groupDigits(e.report.totals.params),
    },
  ]);
  if (evaluated.length !== 1) return stats;
  const memory = memoryData(activationMemory(evaluated[0]!.report.rows, memoryOptions));
  const exact = `${groupDigits(memory.peak_elements)} elements at ${memory.at}`;
  const label = `peak activations (${memoryOptions.dtype})`;
  return [...stats, { label, value: `${humanize(memory.peak_bytes)}B`, exact }];
}

export async function runReport(options: ReportOptions, io: CliIo): Promise<Outcome> {
  const convention = resolveConvention(options.convention, options.overrides);
  const evaluated = (await evaluateSpecs(options.specs, convention, io.cwd, options)).map(namedByModel);
  const first = evaluated[0];
  if (!first) throw new InputError("report needs at least one model spec");
  const sections = comparisonSections(evaluated);
  const memoryOptions = await memoryOptionsOf(options, io.cwd);
  for (const [i, e] of evaluated.entries()) {
    const prefix = evaluated.length > 1 ? `m${i + 1}-` : "";
    sections.push(...(await modelSections(e.spec, e.report, io.cwd, prefix, memoryOptions)));
    if (options.hardware)
      sections.push(
        ...(await rooflineSections(e.spec, e.report, options.hardware, io.cwd, prefix, memoryOptions)),
      );
  }
  const r = first.report;
  const title =
    evaluated.length > 1
      ? `mbn-cost: ${evaluated.map((e) => e.spec).join(" vs ")}`
      : `${modelTitle(r.model)} · α ${r.alpha.text} · ${resolutionSize(r.resolution)}`;
  const html = renderHtml(
    {
      title,
      subtitle: [
        conventionDetails(convention),
        ...evaluated.map((e) => `${e.spec}: ${e.report.model.spec.source}`),
      ],
      stats: headlineStats(evaluated, convention, memoryOptions),
      sections,
      footer: `Generated by mbn-cost ${VERSION}. Every count is exact and comes from the layer formulas (mbn-cost formula <kind>); convention ${convention.name}.`,
    },
    options.exact,
  );
  if (options.out === undefined) return { exitCode: ExitCode.Ok, stdout: html };
  const file = { path: options.out, content: html, force: options.force };
  return { exitCode: ExitCode.Ok, files: [file], stderr: `wrote ${options.out}\n` };
}
