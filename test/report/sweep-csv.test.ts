/**
 * A sweep's CSV rows: the line written field by field (MACs, no hardware: the million-row case) holds
 * the header's columns in order, as the general path (FLOPs, hardware) writes them; fast-check points.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { SweepPoint } from "../../src/evaluate/sweep.js";
import { resolveConvention } from "../../src/model/conventions.js";
import { streamingSweepRenderers, type SweepContext } from "../../src/report/sweep.js";

const setting = (text: string) => ({ text, value: Number(text) });

const csvOf = (points: SweepPoint[], ctx: SweepContext) =>
  [...streamingSweepRenderers.csv(points, ctx)]
    .join("")
    .split("\r\n")
    .filter((l) => l !== "");

const pointOf = ([resolution, macs, params, peak]: [number, bigint, bigint, bigint]): SweepPoint => ({
  alpha: setting("0.5"),
  depth: setting("1"),
  resolution,
  macs,
  params,
  peakActivations: peak,
});

const big = fc.bigInt({ min: 0n, max: 2n ** 70n });
const points = fc.array(fc.tuple(fc.integer({ min: 1, max: 4096 }), big, big, big), {
  minLength: 1,
  maxLength: 20,
});

describe("sweep CSV rows", () => {
  test("in MACs: each row is the header's columns in order, the convention's name made safe once", () => {
    fc.assert(
      fc.property(points, (raw) => {
        const ctx: SweepContext = {
          model: "=v2",
          convention: resolveConvention("paper"),
          bytesPerElement: 4n,
        };
        const [header, ...rows] = csvOf(raw.map(pointOf), ctx);
        expect(header).toBe(
          "model,alpha,depth,resolution,convention,params,macs,peak_activations,peak_activation_bytes",
        );
        expect(rows).toEqual(
          raw.map(
            ([r, macs, params, peak]) => `'=v2,0.5,1,${r},paper,${params},${macs},${peak},${peak * 4n}`,
          ),
        );
      }),
      { numRuns: 50 },
    );
  });

  test("in FLOPs the general path adds the flops column after macs", () => {
    const ctx: SweepContext = {
      model: "v2",
      convention: resolveConvention("paper", { unit: "flops" }),
      bytesPerElement: 2n,
    };
    const [header, row] = csvOf([pointOf([224, 10n, 3n, 5n])], ctx);
    expect(header).toBe(
      "model,alpha,depth,resolution,convention,params,macs,flops,peak_activations,peak_activation_bytes",
    );
    expect(row).toBe(
      "v2,0.5,1,224,paper+unit=flops,3,10,20,5,10".replace("paper+unit=flops", ctx.convention.name),
    );
  });
});
