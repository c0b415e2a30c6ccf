#!/usr/bin/env python3
"""Exports every torchvision classification model to ONNX, as graphs without weight data, for the
tensor-graph engine's tests; and records what torch and onnx say about each.

    /usr/bin/python3 scripts/export-torchvision-graphs.py [MODEL ...]

Debian's python3-torch, python3-torchvision and python3-onnx (their versions are recorded). One model
of each family (FAMILIES) is exported at opsets 11, 13 and 17, at batch 1 and 4, and two ways; every
other classification model torchvision builds once (opset 17, batch 1, without weights), so the
fixtures stay small:

- without weights (export_params=False): the weights are graph inputs carrying their shapes;
- with weights (export_params=True, constant folding on, as users export).

In both, every initializer of more than 64 elements is then moved to external data and its data file
deleted, so a file keeps each tensor's dims and type (all mbn-cost reads of a large tensor) and stays
small, and external data is exercised. `--compact` does that, and gzips the shapes, for files already
made.

For each model the manifest records torch's own parameter count, sum(p.numel() for p in
model.parameters()) ("params"), and the same over the parameters its eval-mode forward uses
("params_used": those a backward pass from the output reaches; GoogLeNet's and Inception v3's auxiliary
classifiers are trained, not run, so an export leaves them out); for each file shapes/<file>.json holds every tensor's dims as onnx's shape inference
(onnx.shape_inference.infer_shapes with data propagation) gives them, where it gives them whole.
The tests read these and never need torch or onnx.
"""
import gzip
import json
import os
import sys

import onnx
import torch
import torchvision
from onnx import external_data_helper, shape_inference
from torchvision import models

OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "onnx", "torchvision")
OPSETS = [11, 13, 17]
BATCHES = [1, 4]
FAMILIES = ["alexnet", "convnext_tiny", "densenet121", "efficientnet_b0", "efficientnet_v2_s", "googlenet",
            "inception_v3", "mnasnet1_0", "mobilenet_v2", "mobilenet_v3_large", "mobilenet_v3_small",
            "regnet_x_400mf", "regnet_y_400mf", "resnet18", "resnet50", "resnext50_32x4d",
            "shufflenet_v2_x1_0", "squeezenet1_0", "squeezenet1_1", "swin_t", "swin_v2_t", "vgg11",
            "vgg11_bn", "vit_b_16", "wide_resnet50_2", "maxvit_t"]
SIDE = {"inception_v3": 299}


def dims_of(value_info):
    t = value_info.type.tensor_type
    if not t.HasField("shape"):
        return None
    dims = []
    for d in t.shape.dim:
        if not d.HasField("dim_value"):
            return None
        dims.append(d.dim_value)
    return dims


def shapes(path):
    model = shape_inference.infer_shapes(onnx.load(path, load_external_data=False), data_prop=True)
    g = model.graph
    found = {}
    for v in list(g.value_info) + list(g.output) + list(g.input):
        d = dims_of(v)
        if d is not None:
            found[v.name] = d
    return found


def compact(path):
    model = onnx.load(path, load_external_data=False)
    external_data_helper.convert_model_to_external_data(
        model, all_tensors_to_one_file=True, location=os.path.basename(path) + ".data", size_threshold=64 * 4 + 1)
    onnx.save_model(model, path)
    data = path + ".data"
    if os.path.exists(data):
        os.remove(data)


def params_used(name, model):
    """Parameters the eval-mode forward reaches: those a backward pass from its output gives a gradient."""
    model.zero_grad(set_to_none=True)
    x = torch.randn(1, 3, SIDE.get(name, 224), SIDE.get(name, 224))
    model(x).sum().backward()
    used = sum(p.numel() for p in model.parameters() if p.grad is not None)
    model.zero_grad(set_to_none=True)
    return used


def export(name, model, batch, opset, weights):
    side = SIDE.get(name, 224)
    stem = f"{name}-b{batch}-opset{opset}{'-weights' if weights else ''}"
    path = os.path.join(OUT, stem + ".onnx")
    x = torch.randn(batch, 3, side, side)
    # with autograd on, nn.MultiheadAttention takes its composite path (its fused fast path, taken
    # under no_grad, has no ONNX export in torch 1.13)
    torch.onnx.export(model, x, path, opset_version=opset, export_params=weights,
                      input_names=["input"], output_names=["logits"])
    found = shapes(path)
    compact(path)
    with gzip.open(os.path.join(OUT, "shapes", stem + ".json.gz"), "wt") as f:
        json.dump(found, f, separators=(",", ":"), sort_keys=True)
    return {"file": stem + ".onnx", "model": name, "batch": batch, "opset": opset, "weights": weights,
            "input": [batch, 3, side, side]}


def variants_of(name):
    """(opset, batch, with weights) for each file of a model: all twelve for a family's model, one for the rest."""
    if name not in FAMILIES:
        return [(17, 1, False)]
    return [(o, b, w) for o in OPSETS for b in BATCHES for w in (False, True)]


def compact_all():
    for name in sorted(os.listdir(OUT)):
        if name.endswith(".onnx"):
            compact(os.path.join(OUT, name))
    for name in sorted(os.listdir(os.path.join(OUT, "shapes"))):
        path = os.path.join(OUT, "shapes", name)
        if name.endswith(".json"):
            with open(path) as f, gzip.open(path + ".gz", "wt") as out:
                out.write(f.read())
            os.remove(path)


def main():
    if "--compact" in sys.argv:
        return compact_all()
    os.makedirs(os.path.join(OUT, "shapes"), exist_ok=True)
    manifest_path = os.path.join(OUT, "manifest.json")
    manifest = json.load(open(manifest_path)) if os.path.exists(manifest_path) else {"files": [], "params": {}}
    names = [a for a in sys.argv[1:] if not a.startswith("--")] or FAMILIES + [m for m in models.list_models(module=models) if m not in FAMILIES]
    for name in names:
        torch.manual_seed(0)
        model = models.get_model(name).eval()
        manifest["params"][name] = sum(p.numel() for p in model.parameters())
        manifest.setdefault("params_used", {})[name] = params_used(name, model)
        if "--params-only" not in sys.argv:
            manifest["files"] = [f for f in manifest["files"] if f["model"] != name]
            for opset, batch, weights in variants_of(name):
                try:
                    manifest["files"].append(export(name, model, batch, opset, weights))
                except Exception as e:  # a model torch 1.13 cannot export at this opset: recorded
                    manifest["files"].append({"model": name, "batch": batch, "opset": opset, "weights": weights,
                                              "not_exported": str(e).splitlines()[0][:200]})
        print(name, manifest["params"][name], flush=True)
        manifest.update({
            "made_by": "scripts/export-torchvision-graphs.py",
            "torch": torch.__version__, "torchvision": torchvision.__version__, "onnx": onnx.__version__,
            "python": sys.version.split()[0],
            "export": "torch.onnx.export(model.eval(), torch.randn(batch, 3, side, side), file, "
                      "opset_version=opset, export_params=weights); weights over 64 elements moved to "
                      "external data, the data file deleted",
        })
        manifest["files"].sort(key=lambda f: (f["model"], f["opset"], f["batch"], f["weights"]))
        with open(manifest_path, "w") as f:
            json.dump(manifest, f, indent=1)


if __name__ == "__main__":
    main()
