/**
 * What a chart shows, as plain data. Document builders say which chart fits
 * their data; svg/render.ts draws it. Values stay exact (bigint); only the
 * geometry is approximate.
 */
export interface Bar {
  readonly label: string;
  readonly value: bigint;
  /** Colour group: the layer type for per-layer bars. */
  readonly group: string;
  /** Shown after the value, e.g. "94.86%". */
  readonly note?: string;
  /** The block the bar's layer belongs to: per-layer charts mark where each block starts. */
  readonly block?: string;
  /** The layer's number in the per-layer table. */
  readonly index?: number;
  /** The bar stacked by layer type (a block's or a resolution's MACs by op type), summing to `value`. */
  readonly segments?: readonly { readonly group: string; readonly value: bigint }[];
}

export type Chart =
  | {
      readonly kind: "bars";
      readonly title: string;
      readonly unit: string;
      readonly bars: readonly Bar[];
      readonly labels: "all" | "none";
    }
  | {
      readonly kind: "grouped-bars";
      readonly title: string;
      readonly unit: string;
      readonly categories: readonly string[];
      readonly series: readonly { readonly label: string; readonly values: readonly bigint[] }[];
    }
  | {
      readonly kind: "lines";
      readonly title: string;
      readonly xLabel: string;
      readonly unit: string;
      readonly series: readonly {
        readonly label: string;
        readonly points: readonly { readonly x: number; readonly y: bigint }[];
      }[];
      readonly budget?: bigint;
    }
  | {
      /** Attainable performance against arithmetic intensity, log-log, each layer a point (Williams et al. 2009). */
      readonly kind: "roofline";
      readonly title: string;
      /** MACs per byte where the roof turns flat. */
      readonly ridgePoint: number;
      readonly points: readonly {
        readonly label: string;
        readonly group: string;
        /** MACs per byte. */
        readonly intensity: number;
        /** The layer's share of its roofline cost that is MACs: min(1, intensity / ridge point). */
        readonly attainable: number;
      }[];
    };
