#!/usr/bin/env python3
"""Exports torchvision's MobileNet-family models to ONNX, graph only, for the tests.

    /usr/bin/python3 scripts/export-onnx.py [--timm PATH]

Debian's python3-torch and python3-torchvision; --timm names a git checkout
of huggingface/pytorch-image-models (its commit is recorded) for the
MobileNetV4 export.

export_params=False keeps each file small: the weights become graph inputs
that carry their shapes and no values (all mbn-cost reads). The models are in
eval mode, so torch.onnx.export folds each BatchNorm into the conv before it
(the default), except in the file made with training=PRESERVE and constant
folding off, which keeps its BatchNormalization nodes. The manifest records
torch's and torchvision's versions and each file's model, width, opset and
export call; the tests read it and never need torch.
"""
import argparse
import json
import os
import subprocess
import sys

import torch
import torchvision
from torchvision import models

OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "onnx")

# (file stem, torchvision constructor, its kwargs, mbn-cost's built-in reference)
MODELS = [
    ("mobilenet-v2", "mobilenet_v2", {}, "v2"),
    ("mobilenet-v2-0.5", "mobilenet_v2", {"width_mult": 0.5}, "v2@0.5"),
    ("mobilenet-v3-large", "mobilenet_v3_large", {}, "v3-large"),
    ("mobilenet-v3-small", "mobilenet_v3_small", {}, "v3-small"),
    ("mnasnet1.0", "mnasnet1_0", {}, "mnasnet"),
    ("efficientnet-b0", "efficientnet_b0", {}, "efficientnet-b0"),
]
OPSETS = [11, 17]


def export(model, path, opset, side=224, **extra):
    x = torch.randn(1, 3, side, side)
    torch.onnx.export(model, x, path, opset_version=opset, export_params=False,
                      input_names=["input"], output_names=["logits"], **extra)


# (file stem, torchvision constructor, its kwargs, built-in reference, input side): opset 17 only
LARGER = [("efficientnet-v2-s", "efficientnet_v2_s", {}, "efficientnet-v2-s", 384)]
# (file stem, timm model name, built-in reference, input side)
TIMM = [
    ("mobilenetv4-conv-small-timm", "mobilenetv4_conv_small", "mnv4-conv-s", 224),
    ("mobilenetv4-hybrid-medium-timm", "mobilenetv4_hybrid_medium", "mnv4-hybrid-m", 256),
    ("mobilenetv4-hybrid-large-timm", "mobilenetv4_hybrid_large", "mnv4-hybrid-l", 384),
]


def export_timm(path, files):
    sys.path.insert(0, path)
    import timm
    commit = subprocess.run(["git", "-C", path, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    for stem, name, builtin, side in TIMM:
        file = f"{stem}-opset17.onnx"
        export(timm.create_model(name).eval(), os.path.join(OUT, file), 17, side)
        files.append({"file": file, "model": builtin, "timm": f"timm.create_model('{name}')",
                      "timm_version": timm.__version__, "timm_commit": commit, "opset": 17, "batchnorm": "folded",
                      "input": side})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--timm", help="a git checkout of huggingface/pytorch-image-models")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    files = []
    for stem, constructor, kwargs, builtin in MODELS:
        model = getattr(models, constructor)(**kwargs).eval()
        for opset in OPSETS:
            name = f"{stem}-opset{opset}.onnx"
            export(model, os.path.join(OUT, name), opset)
            files.append({"file": name, "model": builtin, "torchvision": f"models.{constructor}(**{kwargs})",
                          "opset": opset, "batchnorm": "folded"})
    for stem, constructor, kwargs, builtin, side in LARGER:
        name = f"{stem}-opset17.onnx"
        export(getattr(models, constructor)(**kwargs).eval(), os.path.join(OUT, name), 17, side)
        files.append({"file": name, "model": builtin, "torchvision": f"models.{constructor}(**{kwargs})",
                      "opset": 17, "batchnorm": "folded", "input": side})
    if args.timm:
        export_timm(args.timm, files)
    v2 = models.mobilenet_v2().eval()
    name = "mobilenet-v2-batchnorm-opset17.onnx"
    export(v2, os.path.join(OUT, name), 17, training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False)
    files.append({"file": name, "model": "v2", "torchvision": "models.mobilenet_v2()", "opset": 17,
                  "batchnorm": "kept (training=TrainingMode.PRESERVE, do_constant_folding=False)"})
    name = "mobilenet-v3-small-dynamic-opset17.onnx"
    export(models.mobilenet_v3_small().eval(), os.path.join(OUT, name), 17,
           dynamic_axes={"input": {0: "batch", 2: "height", 3: "width"}})
    files.append({"file": name, "model": "v3-small", "torchvision": "models.mobilenet_v3_small()", "opset": 17,
                  "batchnorm": "folded", "dynamic_axes": "batch, height, width"})
    manifest = {
        "made_by": "scripts/export-onnx.py",
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
        "python": sys.version.split()[0],
        "export": "torch.onnx.export(model.eval(), torch.randn(1, 3, 224, 224), file, opset_version=opset, export_params=False)",
        "files": files,
    }
    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
