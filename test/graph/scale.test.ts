/** The engine on graphs built to be hostile: long, wide, huge. */
import { describe, expect, test } from "vitest";
import { costGraph } from "../../src/evaluate/graph-cost.js";
import { measureGraph } from "../../src/graph/cost.js";
import { inferTensors } from "../../src/graph/infer.js";
import { resolveConvention } from "../../src/model/conventions.js";
import type { OnnxGraph, OnnxNode } from "../../src/model/onnx/graph.js";
import { lowerGraph } from "../../src/model/onnx/lower.js";
import { refusalOf } from "../helpers/refusal.js";

const relu = (i: number, from: string): OnnxNode => ({
  name: `r${i}`,
  opType: "Relu",
  domain: "",
  inputs: [from],
  outputs: [`t${i}`],
  attributes: {},
});

describe("the engine at scale", () => {
  test("a 100,000-node chain stored backwards is ordered, inferred and counted", () => {
    const nodes = Array.from({ length: 100_000 }, (_, i) => relu(i, i === 0 ? "x" : `t${i - 1}`)).reverse();
    const file: OnnxGraph = {
      producer: "test",
      opset: 17,
      irVersion: 8,
      inputs: [{ name: "x", dims: [1, 8, 4, 4], elemType: 1 }],
      initializers: new Map(),
      nodes,
    };
    const graph = lowerGraph(file);
    const cost = costGraph(measureGraph(graph, inferTensors(graph)), resolveConvention("ptflops"));
    // ptflops counts ReLU twice per element (its module hook and the patched F.relu)
    expect(cost.totals.macs).toBe(100_000n * 128n * 2n);
  });
  test("a tensor past 2^53 − 1 elements is refused, naming the node", () => {
    const file: OnnxGraph = {
      producer: "test",
      opset: 17,
      irVersion: 8,
      inputs: [{ name: "x", dims: [2 ** 20, 2 ** 20, 2 ** 20], elemType: 1 }],
      initializers: new Map(),
      nodes: [relu(0, "x")],
    };
    expect(refusalOf(() => inferTensors(lowerGraph(file)))).toMatch(
      /Relu 'r0': its output of 1048576×1048576×1048576 elements is past 2\^53 − 1/,
    );
  });
});
