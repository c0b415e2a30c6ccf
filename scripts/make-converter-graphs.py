#!/usr/bin/env python3
"""Small ONNX graphs written the way converters (tf2onnx, TFLite and Keras converters, older
exporters) write them, for the tensor-graph engine's tests: an NHWC input read through a Transpose,
explicit Pad nodes before unpadded convs, auto_pad, Clip with attribute bounds (opset < 11), a linear
layer as MatMul + Add, nodes stored out of order, initializers listed again as graph inputs, and a
quantized (QDQ + QLinearConv, int8) graph.

    /usr/bin/python3 scripts/make-converter-graphs.py

Debian's python3-onnx (its version is recorded in manifest.json, with onnx's inferred shapes of
every tensor, which the tests compare against). Weights are random; only their shapes matter.
"""
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper, shape_inference

OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "onnx", "converter")
rng = np.random.default_rng(0)


def weight(name, *dims):
    return numpy_helper.from_array(rng.standard_normal(dims).astype(np.float32), name)


def ints(name, values):
    return numpy_helper.from_array(np.array(values, dtype=np.int64), name)


def model(name, nodes, inputs, initializers, opset=13, extra_inputs=()):
    graph = helper.make_graph(
        nodes, name,
        [helper.make_tensor_value_info(n, TensorProto.FLOAT, d) for n, d in inputs] + list(extra_inputs),
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, None)],
        initializer=initializers)
    m = helper.make_model(graph, producer_name="converter-style", opset_imports=[helper.make_opsetid("", opset)])
    m.ir_version = 7
    return m


def nhwc():
    """TF's layout: 1×96×96×3 read through a Transpose; an explicit Pad before a VALID stride-2 conv
    (TF's SAME for even sizes), Relu6 as Clip, a depthwise conv with auto_pad SAME_UPPER, a pointwise
    conv, a global average as ReduceMean, a linear layer as MatMul + Add, Softmax."""
    nodes = [
        helper.make_node("Transpose", ["input"], ["t"], perm=[0, 3, 1, 2]),
        helper.make_node("Pad", ["t", "pads"], ["p"], mode="constant"),
        helper.make_node("Conv", ["p", "w1", "b1"], ["c1"], kernel_shape=[3, 3], strides=[2, 2]),
        helper.make_node("Clip", ["c1", "zero", "six"], ["r1"]),
        helper.make_node("Conv", ["r1", "w2", "b2"], ["c2"], kernel_shape=[3, 3], strides=[2, 2], group=16, auto_pad="SAME_UPPER"),
        helper.make_node("Relu", ["c2"], ["r2"]),
        helper.make_node("Conv", ["r2", "w3", "b3"], ["c3"], kernel_shape=[1, 1]),
        helper.make_node("ReduceMean", ["c3"], ["m"], axes=[2, 3], keepdims=0),
        helper.make_node("MatMul", ["m", "fc"], ["mm"]),
        helper.make_node("Add", ["mm", "fcb"], ["a"]),
        helper.make_node("Softmax", ["a"], ["logits"], axis=-1),
    ]
    inits = [ints("pads", [0, 0, 0, 0, 0, 0, 1, 1]), weight("w1", 16, 3, 3, 3), weight("b1", 16),
             numpy_helper.from_array(np.array(0, dtype=np.float32), "zero"),
             numpy_helper.from_array(np.array(6, dtype=np.float32), "six"),
             weight("w2", 16, 1, 3, 3), weight("b2", 16), weight("w3", 32, 16, 1, 1), weight("b3", 32),
             weight("fc", 32, 10), weight("fcb", 10)]
    return model("nhwc", nodes, [("input", [1, 96, 96, 3])], inits)


def old_exporter():
    """An opset-10 graph as older exporters wrote it: Clip's bounds as attributes, every initializer
    listed again as a graph input, nodes stored out of order, Flatten + Gemm for the classifier."""
    nodes = [
        helper.make_node("Conv", ["input", "w1"], ["c1"], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1]),
        helper.make_node("Clip", ["c1"], ["r1"], min=0.0, max=6.0),
        helper.make_node("MaxPool", ["r1"], ["p"], kernel_shape=[3, 3], strides=[2, 2], pads=[0, 0, 1, 1]),
        helper.make_node("GlobalAveragePool", ["p"], ["g"]),
        helper.make_node("Flatten", ["g"], ["f"], axis=1),
        helper.make_node("Gemm", ["f", "fc", "fcb"], ["logits"], transB=1),
    ]
    inits = [weight("w1", 8, 3, 3, 3), weight("fc", 5, 8), weight("fcb", 5)]
    listed = [helper.make_tensor_value_info(t.name, TensorProto.FLOAT, list(t.dims)) for t in inits]
    return model("old-exporter", list(reversed(nodes)), [("input", [1, 3, 65, 65])], inits, opset=10,
                 extra_inputs=listed)


def quantized():
    """A quantized graph as ONNX Runtime's tools write it: QuantizeLinear to int8, a QLinearConv with
    int8 weights and an int32 bias, DequantizeLinear back to float (QDQ around a QLinear op)."""
    nodes = [
        helper.make_node("QuantizeLinear", ["input", "xs", "xz"], ["q"]),
        helper.make_node("QLinearConv", ["q", "xs", "xz", "w", "ws", "wz", "ys", "yz", "b"], ["qc"],
                         kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        helper.make_node("DequantizeLinear", ["qc", "ys", "yz"], ["logits"]),
    ]
    int8 = lambda name, values, *dims: numpy_helper.from_array(np.array(values, dtype=np.int8).reshape(dims), name)
    inits = [numpy_helper.from_array(np.array(0.02, dtype=np.float32), "xs"), int8("xz", [3]),
             int8("w", rng.integers(-127, 127, 8 * 3 * 9), 8, 3, 3, 3),
             numpy_helper.from_array(np.array(0.01, dtype=np.float32), "ws"), int8("wz", [0]),
             numpy_helper.from_array(np.array(0.05, dtype=np.float32), "ys"), int8("yz", [-2]),
             numpy_helper.from_array(np.zeros(8, dtype=np.int32), "b")]
    return model("quantized", nodes, [("input", [1, 3, 16, 16])], inits)


def main():
    os.makedirs(OUT, exist_ok=True)
    manifest = {"made_by": "scripts/make-converter-graphs.py", "onnx": onnx.__version__, "files": {}}
    for make in (nhwc, old_exporter, quantized):
        m = make()
        name = m.graph.name + ".onnx"
        onnx.save(m, os.path.join(OUT, name))
        # onnx's shape inference wants nodes in order: infer on a sorted copy
        inferred = shape_inference.infer_shapes(onnx.load(os.path.join(OUT, name)) if m.graph.name != "old-exporter"
                                                else make_sorted(m))
        shapes = {}
        for v in list(inferred.graph.value_info) + list(inferred.graph.output):
            t = v.type.tensor_type
            if t.HasField("shape") and all(d.HasField("dim_value") for d in t.shape.dim):
                shapes[v.name] = [d.dim_value for d in t.shape.dim]
        manifest["files"][name] = {"shapes": shapes}
    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)


def make_sorted(m):
    copy = onnx.ModelProto()
    copy.CopyFrom(m)
    nodes = list(copy.graph.node)
    del copy.graph.node[:]
    copy.graph.node.extend(reversed(nodes))
    return copy


if __name__ == "__main__":
    main()
