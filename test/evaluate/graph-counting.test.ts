/** The engine's counting reaches evaluateModel only once an ONNX file was read: built-in runs never load it. */
import { expect, test } from "vitest";
import { type GraphCounting, graphCounting, useGraphCounting } from "../../src/evaluate/graph-counting.js";

test("before any file is read there is no graph counting; reading one hands it over", () => {
  expect(() => graphCounting()).toThrow(
    "a graph model without the tensor-graph engine: read it with loadModel",
  );
  const counting = { evaluate: () => undefined, costAt: () => ({ rows: [] }) } as unknown as GraphCounting;
  useGraphCounting(counting);
  expect(graphCounting()).toBe(counting);
});
