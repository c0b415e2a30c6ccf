#!/usr/bin/python3
"""Counts TensorFlow Lite files independently of mbn-cost, for its tests: Debian's python3-flatbuffers
with readers flatc generates from the schema of the same tflite-micro checkout the fixtures come from.

    /usr/bin/python3 scripts/tflite-counts.py --tflite-micro DIR --out test/fixtures/tflite/expected.json FILE...

FILE is a path inside the checkout; each is copied to test/fixtures/tflite/<name> (tflite-micro is
Apache-2.0; the output records its commit and the license). For each file, by the rule stated here:

- CONV_2D: N·Ho·Wo·O output elements × kH·kW·I products each (the filter is O×kH×kW×I; I below the
  input's channels is a grouped conv, and I is what each output reads);
- DEPTHWISE_CONV_2D: N·Ho·Wo·O output elements × kH·kW each (the filter is 1×kH×kW×O);
- FULLY_CONNECTED: each row of the input (its elements / in) × units × in (the weights are units×in);
- TRANSPOSE_CONV: each element of the input (input 3) × kH·kW·O (the filter is O×kH×kW×I);
- SVDF: the batch × the elements of its feature and time weights (inputs 2 and 3);
- UNIDIRECTIONAL_SEQUENCE_LSTM: each position (the input's elements / its last dim) × the elements of
  its input-to-gate, recurrent, peephole and projection weights (inputs 2–12 and 17); its params add
  the gate and projection biases and the layer norms' coefficients;
- "params": elements of these ops' filters, weights and biases; "weight_bytes": their stored bytes;
- "constant_bytes": the bytes of every buffer a tensor of the first subgraph stores;
- "ops": each operator's name, max(builtin_code, deprecated_builtin_code), CUSTOM:<custom_code>.

Output shapes are the file's declared ones (TFLite stores every tensor's shape).
"""
import argparse, hashlib, json, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "test", "fixtures", "tflite")


def readers(schema):
    """flatc's Python readers of the schema (its two (deprecated) marks flatc 2.0.8 rejects removed)."""
    work = tempfile.mkdtemp()
    text = open(schema).read()
    text = text.replace("REDUCE_WINDOW = 205 (deprecated),", "REDUCE_WINDOW = 205,")
    text = text.replace("  ReduceWindowOptions (deprecated),", "  ReduceWindowOptions,")
    path = os.path.join(work, "schema.fbs")
    open(path, "w").write(text)
    subprocess.run(["flatc", "--python", "-o", work, path], check=True)
    sys.path.insert(0, work)
    import tflite.Model, tflite.BuiltinOperator  # noqa: E402
    return tflite


def names_of(enum_class):
    return {v: k for k, v in vars(enum_class).items() if not k.startswith("_")}


def product(values):
    n = 1
    for v in values:
        n *= v
    return n


def count(tflite, data):
    model = tflite.Model.Model.GetRootAs(data, 0)
    ops_by_code = names_of(tflite.BuiltinOperator.BuiltinOperator)
    codes = []
    for i in range(model.OperatorCodesLength()):
        c = model.OperatorCodes(i)
        code = max(c.BuiltinCode(), c.DeprecatedBuiltinCode())
        codes.append(f"CUSTOM:{c.CustomCode().decode()}" if code == 32 else ops_by_code[code])
    g = model.Subgraphs(0)
    tensors = [g.Tensors(i) for i in range(g.TensorsLength())]

    def buffer_bytes(t):
        b = model.Buffers(t.Buffer())
        return b.DataLength() or int(b.Size())

    shape = lambda i: [int(d) for d in tensors[i].ShapeAsNumpy()] if tensors[i].ShapeLength() else []
    macs = params = weight_bytes = 0
    ops = []
    for o in range(g.OperatorsLength()):
        op = g.Operators(o)
        name = codes[op.OpcodeIndex()]
        ops.append(name)
        inputs = [int(i) for i in op.InputsAsNumpy()] if op.InputsLength() else []
        out = shape(int(op.Outputs(0))) if op.OutputsLength() else []
        if name == "CONV_2D":
            o_, kh, kw, i_ = shape(inputs[1])
            macs += product(out) * kh * kw * i_
        elif name == "DEPTHWISE_CONV_2D":
            _, kh, kw, o_ = shape(inputs[1])
            macs += product(out) * kh * kw
        elif name == "FULLY_CONNECTED":
            units, columns = shape(inputs[1])
            macs += product(shape(inputs[0])) // columns * units * columns
        elif name == "SVDF":
            present = [i for i in inputs[1:4] if i >= 0]
            macs += shape(inputs[0])[0] * (product(shape(inputs[1])) + product(shape(inputs[2])))
            for i in present:
                params += product(shape(i))
                weight_bytes += buffer_bytes(tensors[i])
            continue
        elif name == "UNIDIRECTIONAL_SEQUENCE_LSTM":
            at = lambda p: inputs[p] if p < len(inputs) and inputs[p] >= 0 else None
            multiplied = [at(p) for p in list(range(1, 12)) + [16] if at(p) is not None]
            macs += product(shape(inputs[0])[:-1]) * sum(product(shape(i)) for i in multiplied)
            for i in multiplied + [at(p) for p in [12, 13, 14, 15, 17, 20, 21, 22, 23] if at(p) is not None]:
                params += product(shape(i))
                weight_bytes += buffer_bytes(tensors[i])
            continue
        elif name == "TRANSPOSE_CONV":
            o_, kh, kw, i_ = shape(inputs[1])
            macs += product(shape(inputs[2])) * kh * kw * o_
            for i in [inputs[1]] + inputs[3:4]:
                if i >= 0:
                    params += product(shape(i))
                    weight_bytes += buffer_bytes(tensors[i])
            continue
        else:
            continue
        for i in inputs[1:3]:
            if i >= 0:
                params += product(shape(i))
                weight_bytes += buffer_bytes(tensors[i])
    constant_bytes = sum(buffer_bytes(t) for t in tensors if t.Buffer() > 0)
    return {"ops": ops, "macs": macs, "params": params, "weight_bytes": weight_bytes, "constant_bytes": constant_bytes}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tflite-micro", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    repo = args.tflite_micro
    tflite = readers(os.path.join(repo, "tensorflow/compiler/mlir/lite/schema/schema.fbs"))
    commit = subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    out = {
        "made_by": "scripts/tflite-counts.py",
        "source": f"https://github.com/tensorflow/tflite-micro at {commit}",
        "license": "Apache-2.0 (tensorflow/tflite-micro LICENSE)",
        "flatc": subprocess.run(["flatc", "--version"], capture_output=True, text=True).stdout.strip(),
        "files": {},
    }
    for path in args.files:
        name = os.path.basename(path)
        data = open(os.path.join(repo, path), "rb").read()
        shutil.copyfile(os.path.join(repo, path), os.path.join(FIXTURES, name))
        out["files"][name] = {"path": path, "sha256": hashlib.sha256(data).hexdigest(), **count(tflite, data)}
    json.dump(out, open(args.out, "w"), indent=1)
    print(f"wrote {args.out}: {len(out['files'])} files")


if __name__ == "__main__":
    main()
