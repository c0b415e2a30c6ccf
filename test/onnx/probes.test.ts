/**
 * Operators no built-in model has (max pooling, module and functional;
 * channel concatenation) and calls a graph writes alike (a module or a function, Tensor.matmul or @,
 * LayerNorm or a subclass), checked against the peer counters themselves: the
 * probe modules of scripts/onnx-probes.py exported to ONNX, counted here under
 * each preset, equal what ptflops, fvcore and thop print for the same modules
 * (test/fixtures/peers/onnx-probes.json records their commits and calls).
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { runCli } from "../helpers/io.js";

const observed = JSON.parse(
  readFileSync(new URL("../fixtures/peers/onnx-probes.json", import.meta.url), "utf8"),
) as {
  tools: Record<string, { repository: string; commit: string }>;
  counts: ({ probe: string; resolution: number } & Record<string, { macs: number; params: number }>)[];
};

/** The preset that follows each tool. */
const PRESETS: Record<string, string> = {
  ptflops: "ptflops",
  "ptflops-aten": "ptflops-aten",
  fvcore: "fvcore",
  thop: "thop",
  "thop-lyken17": "thop",
};

type Difference = { readonly macs?: number; readonly params?: number; readonly why: string };

const LYKEN17 =
  "Lyken17's thop (43c064a), which the thop preset does not follow (it follows ultralytics' fbb5e19)";
const SAME_IN_A_GRAPH = "a graph writes both alike";

/** Ours − the tool's where a probe differs, by probe, tool and resolution ("*": every resolution). */
const DIFFERENCES: Record<string, Record<string, Record<string, Difference>>> = {
  groupnorm: {
    "thop-lyken17": {
      "224": {
        macs: 1605632,
        params: 16,
        why: `${LYKEN17} counts neither nn.GroupNorm's work nor its parameters`,
      },
      "225": {
        macs: 1620000,
        params: 16,
        why: `${LYKEN17} counts neither nn.GroupNorm's work nor its parameters`,
      },
      "160": {
        macs: 819200,
        params: 16,
        why: `${LYKEN17} counts neither nn.GroupNorm's work nor its parameters`,
      },
    },
  },
  "upsample-nearest": {
    "thop-lyken17": {
      "224": { macs: -1605632, why: `${LYKEN17} counts nn.Upsample, one op per output element` },
      "225": { macs: -1620000, why: `${LYKEN17} counts nn.Upsample, one op per output element` },
      "160": { macs: -819200, why: `${LYKEN17} counts nn.Upsample, one op per output element` },
    },
  },
  "avgpool-module": {
    "thop-lyken17": {
      "224": { macs: 401408, why: `${LYKEN17} counts one op per output element of nn.AvgPool2d` },
      "225": { macs: 405000, why: `${LYKEN17} counts one op per output element of nn.AvgPool2d` },
      "160": { macs: 204800, why: `${LYKEN17} counts one op per output element of nn.AvgPool2d` },
    },
    thop: {
      "225": {
        macs: 3592,
        why: "thop counts a pool's window reads (k²·output), the engine its input's elements: equal where the windows tile the input (224, 160), not at 225 (the last row and column are read by no window)",
      },
    },
  },
  "linear-functional": {
    "thop-lyken17": {
      "*": { params: 36, why: `${LYKEN17} counts no parameter of a module whose forward it does not run` },
    },
  },
  "matmul-operator": {
    ptflops: {
      "224": {
        macs: 3211264,
        why: `ptflops counts Tensor.matmul (matmul-method) but not the @ operator; ${SAME_IN_A_GRAPH}`,
      },
      "225": {
        macs: 3240000,
        why: `ptflops counts Tensor.matmul (matmul-method) but not the @ operator; ${SAME_IN_A_GRAPH}`,
      },
      "160": {
        macs: 1638400,
        why: `ptflops counts Tensor.matmul (matmul-method) but not the @ operator; ${SAME_IN_A_GRAPH}`,
      },
    },
  },
  "layernorm-subclass": {
    ptflops: {
      "224": {
        macs: 401408,
        why: `ptflops keys nn.LayerNorm by its exact type, not a subclass; ${SAME_IN_A_GRAPH}`,
      },
      "225": {
        macs: 405000,
        why: `ptflops keys nn.LayerNorm by its exact type, not a subclass; ${SAME_IN_A_GRAPH}`,
      },
      "160": {
        macs: 204800,
        why: `ptflops keys nn.LayerNorm by its exact type, not a subclass; ${SAME_IN_A_GRAPH}`,
      },
    },
    "thop-lyken17": {
      "224": {
        macs: 1605632,
        params: 16,
        why: `${LYKEN17} counts neither a LayerNorm subclass's work nor its parameters`,
      },
      "225": {
        macs: 1620000,
        params: 16,
        why: `${LYKEN17} counts neither a LayerNorm subclass's work nor its parameters`,
      },
      "160": {
        macs: 819200,
        params: 16,
        why: `${LYKEN17} counts neither a LayerNorm subclass's work nor its parameters`,
      },
    },
  },
};

describe("ONNX probes against the peer counters", () => {
  for (const row of observed.counts)
    for (const [tool, preset] of Object.entries(PRESETS))
      test(`${row.probe} at ${row.resolution}: -c ${preset} prints what ${tool} (${observed.tools[tool]!.commit.slice(0, 7)}) does, or differs as the table says`, async () => {
        const file = `test/fixtures/onnx/probes/${row.probe}.onnx`;
        const r = await runCli([file, "-c", preset, "-r", String(row.resolution), "--format", "json"]);
        expect(r.code, r.err).toBe(0);
        const totals = JSON.parse(r.out).totals;
        const known = DIFFERENCES[row.probe]?.[tool];
        const difference = known?.[String(row.resolution)] ?? known?.["*"];
        expect({ macs: Number(totals.macs), params: Number(totals.params) }).toEqual({
          macs: row[tool]!.macs + (difference?.macs ?? 0),
          params: row[tool]!.params + (difference?.params ?? 0),
        });
      });
});
