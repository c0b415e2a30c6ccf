/**
 * Large files are not loaded whole: the decoder gets the file's skeleton, every
 * field but the data of large tensors (src/io/onnx-skeleton.ts). It must decode
 * to the same graph, shapes and small constants as the whole file.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create, toBinary } from "@bufbuild/protobuf";
import {
  AttributeProtoSchema,
  ModelProtoSchema,
  type NodeProto,
  NodeProtoSchema,
  type TensorProto,
  TensorProtoSchema,
} from "onnx-buf";
import { describe, expect, test } from "vitest";
import { decodeOnnxModel } from "../../src/io/onnx-decoder.js";
import { LARGE_TENSOR_BYTES, readOnnxSkeleton } from "../../src/io/onnx-skeleton.js";
import { runCli } from "../helpers/io.js";

const FIXTURE = new URL("../fixtures/onnx/mobilenet-v2-opset17.onnx", import.meta.url);
const dir = mkdtempSync(join(tmpdir(), "mbn-onnx-skeleton-"));

/** The graph-only fixture with its weights stored, as export_params=True writes them, and a Constant node holding a weight. */
function withWeights(): string {
  const model = decodeOnnxModel(readFileSync(FIXTURE));
  const graph = model.graph!;
  const dims = (name: string): bigint[] => {
    const type = graph.input.find((i) => i.name === name)!.type!.value;
    if (type.case !== "tensorType") throw new Error(`${name}: not a tensor`);
    return type.value.shape!.dim.map((d) => d.value.value as bigint);
  };
  for (const input of graph.input.slice(1)) {
    const shape = dims(input.name);
    const count = shape.reduce((a, d) => a * Number(d), 1);
    graph.initializer.push(
      create(TensorProtoSchema, {
        name: input.name,
        dims: shape,
        dataType: 1,
        rawData: new Uint8Array(count * 4).fill(7),
      }),
    );
  }
  graph.node.unshift(
    create(NodeProtoSchema, {
      name: "big_constant",
      opType: "Constant",
      output: ["unused_constant"],
      attribute: [
        {
          name: "value",
          type: 4,
          t: { dims: [100_000n], dataType: 1, floatData: new Array(100_000).fill(1) },
        },
      ],
    }),
  );
  // text no count reads, large enough to matter (a model's doc_string can be hundreds of MB)
  const text = "d".repeat(2_000_000);
  model.docString = text;
  graph.docString = text;
  graph.node[1]!.docString = text;
  // an attribute's list of tensors (AttributeProto.tensors = 10) is tensor data too
  graph.node[0]!.attribute.push(
    create(AttributeProtoSchema, {
      name: "tensor_list",
      type: 9,
      tensors: [{ dims: [50_000n], dataType: 1, floatData: new Array(50_000).fill(2) }],
    }),
  );
  const file = join(dir, "with-weights.onnx");
  writeFileSync(file, toBinary(ModelProtoSchema, model));
  return file;
}

const skeletonOf = (path: string) => {
  const fd = openSync(path, "r");
  try {
    return readOnnxSkeleton(fd);
  } finally {
    closeSync(fd);
  }
};

describe("reading the skeleton of an ONNX file", () => {
  const file = withWeights();
  const whole = decodeOnnxModel(readFileSync(file));
  const skeleton = skeletonOf(file);
  const part = decodeOnnxModel(skeleton);

  test("is a small part of a file with its weights (here 14 MB)", () => {
    expect(statSync(file).size).toBeGreaterThan(14_000_000);
    expect(skeleton.length).toBeLessThan(statSync(file).size / 50);
  });

  test("decodes to the same nodes, inputs, and initializer names, shapes and types", () => {
    const withoutText = ({ docString: _, ...node }: NodeProto) => node;
    expect(part.graph!.node.map(withoutText)).toEqual(
      whole.graph!.node.map((n) => withoutText(n.name === "big_constant" ? part.graph!.node[0]! : n)),
    );
    expect(part.graph!.input).toEqual(whole.graph!.input);
    const meta = (m: typeof whole) => m.graph!.initializer.map((t) => [t.name, t.dims, t.dataType]);
    expect(meta(part)).toEqual(meta(whole));
    expect(part.opsetImport).toEqual(whole.opsetImport);
    expect([part.irVersion, part.producerName]).toEqual([whole.irVersion, whole.producerName]);
  });

  test("drops the data of large tensors only: small ones (Clip's bounds) keep their values", () => {
    const size = (t: TensorProto) => t.rawData.length;
    const wholeSizes = whole.graph!.initializer.map(size);
    expect(part.graph!.initializer.map(size)).toEqual(
      wholeSizes.map((n) => (n > LARGE_TENSOR_BYTES ? 0 : n)),
    );
    expect(wholeSizes.filter((n) => n > LARGE_TENSOR_BYTES).length).toBeGreaterThan(40);
    expect(part.graph!.node[0]!.attribute[0]!.t!.floatData).toEqual([]);
    expect(part.graph!.node[0]!.attribute[0]!.t!.dims).toEqual([100_000n]);
    const clipBounds = (m: typeof whole) =>
      m
        .graph!.node.filter((n) => n.opType === "Constant" && n.name !== "big_constant")
        .map((n) => n.attribute[0]!.t);
    expect(clipBounds(part)).toEqual(clipBounds(whole));
    expect(clipBounds(part).every((t) => t!.rawData.length + t!.floatData.length > 0)).toBe(true);
  });

  test("drops doc strings (model, graph, node) and an attribute's tensor list's data", () => {
    expect([whole.docString.length, whole.graph!.docString.length]).toEqual([2_000_000, 2_000_000]);
    expect([part.docString, part.graph!.docString, part.graph!.node[1]!.docString]).toEqual(["", "", ""]);
    const list = part.graph!.node[0]!.attribute[1]!.tensors[0]!;
    expect([list.dims, list.floatData]).toEqual([[50_000n], []]);
  });

  test("counts as the graph-only export does", async () => {
    const a = await runCli([file, "-c", "torchvision", "--totals", "--exact"]);
    const b = await runCli([FIXTURE.pathname, "-c", "torchvision", "--totals", "--exact"]);
    expect(a.code, a.err).toBe(0);
    expect(a.out.replace(/^\S+/, "")).toBe(b.out.replace(/^\S+/, ""));
  });
});
