/**
 * How each breakdown presents its groups: header, row label, JSON and CSV
 * key, notes. Shared report code asks the grouping, never compares its name.
 */
import type { BreakdownBy } from "../evaluate/option-names.js";

export interface GroupingPresentation {
  /** Column header of the key: "type", "output side". */
  readonly header: string;
  /** In titles: "by output resolution". */
  readonly title: string;
  /** A group's label: "112×112" for an output side. */
  label(key: string): string;
  /** The CSV column of the key, and the key in JSON: the grouping's name. */
  readonly csvKey: BreakdownBy;
  data(key: string): Partial<Record<BreakdownBy, string | number | null>>;
  /** Cumulative shares from the first group down (resolutions, largest first). */
  readonly cumulative: boolean;
  /** What a reader should know about the binning. */
  readonly notes: readonly string[];
}

const byName = (header: "type" | "stage" | "block" | "layer"): GroupingPresentation => ({
  header,
  title: header,
  label: (key) => key,
  csvKey: header,
  data: (key) => ({ [header]: key }),
  cumulative: false,
  notes: [],
});

export const GROUPINGS: Record<BreakdownBy, GroupingPresentation> = {
  type: byName("type"),
  stage: { ...byName("stage"), notes: ["Rows outside a stages entry are keyed by their block."] },
  block: byName("block"),
  layer: byName("layer"),
  resolution: {
    header: "output side",
    title: "output resolution",
    // a graph's row whose output is no map (a classifier's vector) has the empty key
    label: (key) => (key === "" ? "not a map" : `${key}×${key}`),
    csvKey: "resolution",
    data: (key) => ({ resolution: key === "" ? null : Number(key) }),
    cumulative: true,
    notes: ["Each layer is binned by the side of the feature map it outputs."],
  },
};
