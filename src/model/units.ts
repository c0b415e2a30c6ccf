/**
 * What a unit means and how reports name it. Counts are kept in MACs; a
 * convention in FLOPs reports 2 × MACs and says so. Shared code asks the
 * unit, never compares its name.
 */
import type { Unit } from "./convention-names.js";

export interface UnitDescriptor {
  readonly unit: Unit;
  /** JSON and CSV key of the count. */
  readonly key: Unit;
  /** Short name in headers: "MACs", "FLOPs". */
  readonly name: string;
  /** Axis and column label, explicit about FLOPs. */
  readonly label: string;
  /** The sentence reports print about the unit. */
  readonly definition: string;
  /** Operations per multiply-accumulate. */
  readonly perMac: bigint;
}

export const UNIT_DESCRIPTORS: Record<Unit, UnitDescriptor> = {
  macs: {
    unit: "macs",
    key: "macs",
    name: "MACs",
    label: "MACs",
    definition: "MACs = multiply-accumulates (FLOPs ≈ 2 × MACs)",
    perMac: 1n,
  },
  flops: {
    unit: "flops",
    key: "flops",
    name: "FLOPs",
    label: "FLOPs (2×MACs)",
    definition: "FLOPs = 2 × MACs (multiply-accumulates)",
    perMac: 2n,
  },
};

/** A count of multiply-accumulates in the unit. */
export const inUnitOf = (u: UnitDescriptor, macs: bigint): bigint => u.perMac * macs;
