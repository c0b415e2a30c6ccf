/**
 * TFLite flatbuffers written for tests with npm's flatbuffers Builder and the generated readers'
 * builders (src/io/tflite/schema.generated.ts): tensors by shape and type (a constant with its bytes),
 * operators by builtin code and tensor indices, the indices taken as given (a damaged file's too).
 */
import * as flatbuffers from "flatbuffers";
import * as tfl from "../../src/io/tflite/schema.generated.js";

export interface BuiltTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly type?: tfl.TensorType;
  /** Constant data: its bytes. */
  readonly data?: Uint8Array;
}

export interface BuiltOperator {
  readonly code: tfl.BuiltinOperator;
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
}

export function tfliteBytes(
  tensors: readonly BuiltTensor[],
  operators: readonly BuiltOperator[],
  io: { inputs: readonly number[]; outputs: readonly number[] },
  /** Names of further subgraphs, empty (control flow's bodies, as WHILE and IF read them). */
  bodies: readonly string[] = [],
): Uint8Array {
  const b = new flatbuffers.Builder(1024);
  const buffers = [tfl.Buffer.createBuffer(b, 0, 0n, 0n)];
  const tensorAt = tensors.map((t) => {
    let buffer = 0;
    if (t.data) {
      buffers.push(tfl.Buffer.createBuffer(b, tfl.Buffer.createDataVector(b, t.data), 0n, 0n));
      buffer = buffers.length - 1;
    }
    const name = b.createString(t.name);
    const shape = tfl.Tensor.createShapeVector(b, [...t.shape]);
    tfl.Tensor.startTensor(b);
    tfl.Tensor.addShape(b, shape);
    tfl.Tensor.addType(b, t.type ?? tfl.TensorType.FLOAT32);
    tfl.Tensor.addBuffer(b, buffer);
    tfl.Tensor.addName(b, name);
    return tfl.Tensor.endTensor(b);
  });
  const codes = [...new Set(operators.map((o) => o.code))];
  const codeAt = codes.map((code) => tfl.OperatorCode.createOperatorCode(b, Math.min(code, 127), 0, 1, code));
  const operatorAt = operators.map((o) => {
    const inputs = tfl.Operator.createInputsVector(b, [...o.inputs]);
    const outputs = tfl.Operator.createOutputsVector(b, [...o.outputs]);
    tfl.Operator.startOperator(b);
    tfl.Operator.addOpcodeIndex(b, codes.indexOf(o.code));
    tfl.Operator.addInputs(b, inputs);
    tfl.Operator.addOutputs(b, outputs);
    return tfl.Operator.endOperator(b);
  });
  const subgraph = tfl.SubGraph.createSubGraph(
    b,
    tfl.SubGraph.createTensorsVector(b, tensorAt),
    tfl.SubGraph.createInputsVector(b, [...io.inputs]),
    tfl.SubGraph.createOutputsVector(b, [...io.outputs]),
    tfl.SubGraph.createOperatorsVector(b, operatorAt),
    b.createString("main"),
    0,
  );
  const operatorCodes = tfl.Model.createOperatorCodesVector(b, codeAt);
  const empty = (name: string) =>
    tfl.SubGraph.createSubGraph(
      b,
      tfl.SubGraph.createTensorsVector(b, []),
      tfl.SubGraph.createInputsVector(b, []),
      tfl.SubGraph.createOutputsVector(b, []),
      tfl.SubGraph.createOperatorsVector(b, []),
      b.createString(name),
      0,
    );
  const subgraphs = tfl.Model.createSubgraphsVector(b, [subgraph, ...bodies.map(empty)]);
  const buffersAt = tfl.Model.createBuffersVector(b, buffers);
  const description = b.createString("test");
  tfl.Model.startModel(b);
  tfl.Model.addVersion(b, 3);
  tfl.Model.addOperatorCodes(b, operatorCodes);
  tfl.Model.addSubgraphs(b, subgraphs);
  tfl.Model.addDescription(b, description);
  tfl.Model.addBuffers(b, buffersAt);
  tfl.Model.finishModelBuffer(b, tfl.Model.endModel(b));
  return b.asUint8Array();
}

export { tfl };
