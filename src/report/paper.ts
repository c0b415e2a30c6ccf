/** `mbn-cost paper <family>`: each published figure beside the computed one. */
import type { Reproduction } from "../evaluate/reproduce.js";
import type { Metric } from "../published/figures.js";
import type { Cell, Grid, ReportDocument } from "./document.js";
import { CONVENTIONS } from "../model/conventions.js";
import { SOURCES, type SourceId } from "../published/sources.js";

export function describeMetric(m: Metric): string {
  switch (m.kind) {
    case "total":
      return m.of === "macs" ? "MACs" : "params";
    case "without-types":
      return `MACs without ${m.types.join(", ")}`;
    case "without-layers":
      return `MACs without ${m.layers.join(", ")}`;
    case "share":
      return `${m.type} share of ${m.of === "macs" ? "MACs" : "params"}`;
    case "at-resolutions":
      return `MACs at ${m.sides.map((s) => `${s}²`).join(", ")}`;
    case "backbone":
      return `backbone ${m.of === "macs" ? "MACs" : "params"} (without the classifier)`;
  }
}

const unitText = (u: string) => (u === "%" ? "%" : u);

/** A figure's note (why it differs, or what is worth saying), numbered in `notes`; its status cell. */
function noteAndStatus({ figure: f, computed, explained }: Reproduction, notes: string[]): string {
  const status = computed.matches ? "✓" : "differs (unexplained)";
  if (f.differs) {
    const explanation = explained
      ? `; ${describeMetric(f.explainedBy!)} gives ${explained.shown}${unitText(f.unit)}${explained.matches ? ", the printed figure" : ", not the printed figure either"}`
      : "";
    notes.push(`[${notes.length + 1}] ${f.label}: ${f.differs}${explanation}.`);
    return `${computed.matches ? "✓ (expected to differ)" : "differs"} [${notes.length}]`;
  }
  if (!f.note) return status;
  notes.push(`[${notes.length + 1}] ${f.label}: ${f.note}.`);
  return `${status} [${notes.length}]`;
}

const COLUMNS: Grid["columns"] = [
  { header: "figure" },
  { header: "source" },
  { header: "convention" },
  { header: "printed", align: "right" },
  { header: "computed", align: "right" },
  { header: "exact", align: "right" },
  { header: "status" },
];

function figureData({ figure: f, computed, explained }: Reproduction) {
  return {
    label: f.label,
    source: f.source,
    model: f.model,
    alpha: f.alpha,
    resolution: f.resolution,
    convention: f.convention,
    metric: describeMetric(f.metric),
    printed: f.printed,
    unit: f.unit,
    rounding: f.rounding,
    computed: computed.shown,
    computed_precise: computed.precise,
    status: computed.matches ? "reproduced" : "differs",
    ...(f.note && { note: f.note }),
    ...(f.differs && { reason: f.differs }),
    ...(explained && {
      explained_by: {
        metric: describeMetric(f.explainedBy!),
        computed: explained.shown,
        matches: explained.matches,
      },
    }),
  };
}

function sourceLine(id: SourceId): string {
  const s = SOURCES[id];
  return `source: ${s.citation} — counts as ${s.convention} (${CONVENTIONS[s.convention].summary}); rounds to ${s.rounding} (${s.roundingEvidence})`;
}

export function paperDocument(family: string, reproductions: readonly Reproduction[]): ReportDocument {
  const notes: string[] = [];
  const rows: Cell[][] = reproductions.map((r) => {
    const { figure: f, computed } = r;
    const status = noteAndStatus(r, notes);
    const source = f.source.replace(/ \([^)]*\)/g, "");
    const unit = unitText(f.unit);
    return [
      f.label,
      source,
      f.convention,
      `${f.printed}${unit}`,
      `${computed.shown}${unit}`,
      computed.precise,
      status,
    ];
  });
  const reproduced = reproductions.filter((r) => r.computed.matches).length;
  const differing = reproductions.length - reproduced;
  const sourceIds = [...new Set(reproductions.map((r) => r.figure.sourceId))];
  return {
    title: `Published figures of ${family}, reproduced`,
    meta: [
      `${reproduced} of ${reproductions.length} figures reproduced, each counted and rounded as its source counts and rounds; ${differing} differ${differing > 0 ? " (why, below)" : ""}`,
      ...sourceIds.map(sourceLine),
      "each row: model, width and resolution as the source states them; 'computed' is rounded as the source rounds",
    ],
    grids: [{ columns: COLUMNS, rows }],
    notes,
    data: { family, reproduced, total: reproductions.length, figures: reproductions.map(figureData) },
  };
}
