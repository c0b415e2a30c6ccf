/**
 * MobileNetV4's blocks, built as an architecture file would build them, cost
 * exactly what their formulas say (src/layers/mobilenet-v4-blocks.ts, after
 * Qin et al. 2024 Sections 4–5), and the attention matmuls are counted:
 * h·N·M·d for Q·Kᵀ and again for A·V.
 */
import { describe, expect, test } from "vitest";
import { evaluate } from "../../src/algebra/evaluate.js";
import type { Poly } from "../../src/algebra/expr.js";
import {
  fusedInvertedBottleneck,
  mobileMqa,
  universalInvertedBottleneck,
} from "../../src/layers/mobilenet-v4-blocks.js";
import type { ConventionName } from "../../src/model/conventions.js";
import { costOfEntry } from "../helpers/models.js";

const costOfBlock = (
  side: number,
  channels: number,
  layer: Record<string, unknown>,
  convention: ConventionName = "paper",
) => costOfEntry(side, channels, layer, { classes: 10, convention });

const at = (p: Poly, bindings: Record<string, number>) => evaluate(p, bindings).num;

describe("each block equals its formula", () => {
  test("UIB ExtraDW 5×5/5×5, stride 2, 96 → 128, e 4 at 28×28 (MNv4-Conv-M's first 14×14 block has this shape)", () => {
    const r = costOfBlock(28, 96, { kind: "uib", start: 5, middle: 5, stride: 2, out: 128, e: 4 });
    const b = { M: 96, N: 128, E: 384, K_1: 5, K_2: 5, D_Hin: 28, D_Win: 28, D_H: 14, D_W: 14 };
    expect(r.totals.params).toBe(at(universalInvertedBottleneck.params, b));
    expect(r.totals.macs).toBe(at(universalInvertedBottleneck.macs, b));
    expect(r.rows.map((row) => row.name)).toEqual([
      "uib_1 ExtraDW/start_dw",
      "uib_1 ExtraDW/expand",
      "uib_1 ExtraDW/middle_dw",
      "uib_1 ExtraDW/project",
    ]);
  });

  test("the four instantiations are named, and a stride-1 block of equal widths adds its input", () => {
    const names = [
      [3, 3, "ExtraDW"],
      [0, 3, "IB"],
      [3, 0, "ConvNext"],
      [0, 0, "FFN"],
    ] as const;
    for (const [start, middle, name] of names) {
      const r = costOfBlock(14, 64, { kind: "uib", start, middle, stride: 1, out: 64, e: 2 });
      expect(r.rows[0]!.block).toBe(`uib_1 ${name}`);
      expect(r.rows.at(-1)!.op).toBe("add");
    }
  });

  test("without a middle depthwise conv the stride goes to the start one", () => {
    const r = costOfBlock(28, 64, { kind: "uib", start: 3, middle: 0, stride: 2, out: 96, e: 4 });
    expect(r.rows[0]!.output).toEqual([14, 14, 64]);
  });

  test("FusedIB 3×3 stride 2, 32 → 48, e 4 (every MNv4 stem but Conv-S's)", () => {
    const r = costOfBlock(112, 32, { kind: "fused_ib", kernel: 3, stride: 2, out: 48, e: 4 });
    const b = { D_K: 3, M: 32, E: 128, N: 48, D_H: 56, D_W: 56 };
    expect(r.totals.params).toBe(at(fusedInvertedBottleneck.params, b));
    expect(r.totals.macs).toBe(at(fusedInvertedBottleneck.macs, b));
  });

  test("Mobile MQA, 4 heads of 64, keys and values downsampled ×2, at 16×16×160 (Hybrid-M at 256²): weights, BatchNorm, MACs", () => {
    const r = costOfBlock(16, 160, { kind: "mqa", heads: 4, key_dim: 64, kv_stride: 2 });
    const b = { M: 160, h: 4, d: 64, D_K: 3, D_H: 16, D_W: 16, D_Hkv: 8, D_Wkv: 8 };
    expect(r.totals.params).toBe(at(mobileMqa.params, b));
    expect(r.totals.macs).toBe(at(mobileMqa.macs, b));
    const tv = costOfBlock(
      16,
      160,
      { kind: "mqa", heads: 4, key_dim: 64, kv_stride: 2 },
      "torchvision" as "paper",
    );
    expect(tv.totals.params - r.totals.params).toBe(at(mobileMqa.bn, b));
    // the reference's count, term by term: 2C + C·h·d + 2(9C + 2C) + C·d + C·d + h·d·C + C
    const C = 160n;
    expect(tv.totals.params).toBe(2n * C + C * 256n + 2n * (9n * C + 2n * C) + 2n * C * 64n + 256n * C + C);
  });

  test("the attention matmuls are weight-free MACs of their own type: 2·h·N·M·d, with a softmax over h·N·M scores", () => {
    const r = costOfBlock(16, 160, { kind: "mqa", heads: 4, key_dim: 64, kv_stride: 2 });
    const attention = r.rows.find((row) => row.op === "attention")!;
    expect(attention.type).toBe("attention");
    expect(attention.params).toBe(0n);
    const [N, M] = [16n * 16n, 8n * 8n];
    expect(attention.macs).toBe(2n * 4n * N * M * 64n);
    expect(attention.work.softmax).toBe(4n * N * M);
  });
});
