#!/usr/bin/env python3
"""Exports timm's mobile models to ONNX, as graphs without weight data, for the tensor-graph engine's
tests of the timm convention; and records what torch and onnx say about each.

    /usr/bin/python3 scripts/export-timm-graphs.py --timm PATH [MODEL ...]

PATH is a git checkout of huggingface/pytorch-image-models (its version and commit are recorded);
torch, torchvision and onnx are Debian's python3-torch, python3-torchvision and python3-onnx. Each
model is built with timm.create_model(name) in eval mode, exported at opset 17 and batch 1 at its own
input size (pretrained_cfg's input_size) without weights (export_params=False), and made small as
scripts/export-torchvision-graphs.py makes its files (large tensors' data moved out and deleted; onnx's
shape inference kept in shapes/<file>.json.gz).

For each model the manifest records timm's parameter count as timm users take it,
sum(p.numel() for p in model.parameters()) ("params"), the same over the parameters its eval-mode
forward uses ("params_used"), and the MACs of its convolution, linear and matrix-product calls as torch
runs them (scripts/torchvision-dispatch-macs.py's dispatch-level counter): the timm convention's rule.
The tests read these and never need torch, timm or onnx.
"""
import argparse
import gzip
import importlib.util
import json
import os
import subprocess
import sys

import onnx
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "test", "fixtures", "onnx", "timm")
MODELS = ["mobilenetv1_100", "mobilenetv2_100", "mobilenetv2_050", "mobilenetv3_large_100",
          "mobilenetv3_small_100", "tf_mobilenetv3_small_100", "mnasnet_100", "semnasnet_100",
          "spnasnet_100", "fbnetc_100", "efficientnet_b0", "tf_efficientnet_lite0", "tinynet_a", "mixnet_s",
          "lcnet_100", "ghostnet_100", "ghostnetv2_100", "mobilevit_xxs", "mobilevitv2_050", "mobileone_s0",
          "fastvit_t8", "efficientformer_l1", "efficientvit_b0", "efficientvit_m0", "repvit_m0_9",
          "mobilenetv4_conv_small"]


def script(name):
    """Another fixture script of this folder, whose helpers this one shares."""
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), os.path.join(HERE, f"{name}.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timm", required=True, help="a git checkout of huggingface/pytorch-image-models")
    parser.add_argument("models", nargs="*", help=f"default: {', '.join(MODELS)}")
    args = parser.parse_args()
    sys.path.insert(0, os.path.abspath(args.timm))
    import timm

    graphs = script("export-torchvision-graphs")
    dispatch = script("torchvision-dispatch-macs")
    commit = subprocess.run(["git", "-C", args.timm, "rev-parse", "HEAD"], capture_output=True, text=True,
                            check=True).stdout.strip()
    os.makedirs(os.path.join(OUT, "shapes"), exist_ok=True)
    path = os.path.join(OUT, "manifest.json")
    manifest = json.load(open(path)) if os.path.exists(path) else {"models": {}}
    for name in args.models or MODELS:
        torch.manual_seed(0)
        model = timm.create_model(name).eval()
        side = model.pretrained_cfg["input_size"][1:]
        x = torch.randn(1, 3, *side)
        file = f"{name}.onnx"
        onnx_path = os.path.join(OUT, file)
        torch.onnx.export(model, x, onnx_path, opset_version=17, export_params=False,
                          input_names=["input"], output_names=["logits"])
        found = graphs.shapes(onnx_path)
        graphs.compact(onnx_path)
        with gzip.open(os.path.join(OUT, "shapes", name + ".json.gz"), "wt") as f:
            json.dump(found, f, separators=(",", ":"), sort_keys=True)
        model.zero_grad(set_to_none=True)
        model(x).sum().backward()
        used = sum(p.numel() for p in model.parameters() if p.grad is not None)
        model.zero_grad(set_to_none=True)
        with dispatch.Counter() as counter:
            model(x)
        manifest["models"][name] = {"file": file, "input": [1, 3, *side],
                                    "params": sum(p.numel() for p in model.parameters()),
                                    "params_used": used, "macs": counter.macs}
        print(name, manifest["models"][name], flush=True)
        manifest.update({"made_by": "scripts/export-timm-graphs.py", "timm": timm.__version__,
                         "timm_commit": commit, "torch": torch.__version__, "onnx": onnx.__version__,
                         "export": "torch.onnx.export(timm.create_model(name).eval(), torch.randn(1, 3, H, W), "
                                   "file, opset_version=17, export_params=False)",
                         "macs_by": "aten.convolution, mm, addmm, bmm and baddbmm multiply-accumulates "
                                    "(scripts/torchvision-dispatch-macs.py's counter), one forward with autograd on"})
        with open(path, "w") as f:
            json.dump(manifest, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
