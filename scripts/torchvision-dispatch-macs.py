#!/usr/bin/env python3
"""The torchvision convention's MACs of every model in test/fixtures/onnx/torchvision/manifest.json, as
torch itself runs them: a dispatch-level counter (TorchDispatchMode) over one eval-mode forward, at batch
1 and 4, counting the multiply-accumulates of every convolution, linear and matrix-product call.

    /usr/bin/python3 scripts/torchvision-dispatch-macs.py [--batches 1,4] [MODEL ...]

Per call: aten.convolution, output elements × (input channels / groups) × kernel elements; aten.mm and
aten.addmm, rows × inner × columns; aten.bmm and aten.baddbmm, batch × rows × inner × columns. Any other
aten op is not counted, and an op of this family the counter does not know stops the run. The forward
runs with autograd on (requires_grad weights), so nn.MultiheadAttention takes its composite path
(linear and bmm calls), as the ONNX exporter does. Results go to macs-dispatch.json beside the manifest.
"""
import json
import math
import os
import sys

import torch
from torch.utils._python_dispatch import TorchDispatchMode
from torchvision import models

OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "onnx", "torchvision")
SIDE = {"inception_v3": 299}
aten = torch.ops.aten


def macs_of(func, args, out):
    if func in (aten.convolution.default, aten._convolution.default):
        weight = args[1]
        return out.numel() * weight.shape[1] * math.prod(weight.shape[2:])
    if func == aten.mm.default:
        return args[0].shape[0] * args[0].shape[1] * args[1].shape[1]
    if func == aten.addmm.default:
        return args[1].shape[0] * args[1].shape[1] * args[2].shape[1]
    if func == aten.bmm.default:
        a, b = args[0], args[1]
        return a.shape[0] * a.shape[1] * a.shape[2] * b.shape[2]
    if func == aten.baddbmm.default:
        a, b = args[1], args[2]
        return a.shape[0] * a.shape[1] * a.shape[2] * b.shape[2]
    name = str(func)
    if any(k in name for k in ("conv", "mm", "matmul", "linear", "einsum", "attention")):
        raise RuntimeError(f"uncounted product op {name}")
    return 0


class Counter(TorchDispatchMode):
    def __init__(self):
        super().__init__()
        self.macs = 0

    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        self.macs += macs_of(func, args, out)
        return out


def count(name, model, batch):
    side = SIDE.get(name, 224)
    x = torch.randn(batch, 3, side, side)
    with Counter() as counter:
        model(x)
    return counter.macs


def main():
    manifest = json.load(open(os.path.join(OUT, "manifest.json")))
    path = os.path.join(OUT, "macs-dispatch.json")
    out = json.load(open(path)) if os.path.exists(path) else {"models": {}}
    args = sys.argv[1:]
    batches = [1, 4]
    if args[:1] == ["--batches"]:
        batches, args = [int(b) for b in args[1].split(",")], args[2:]
    names = args or sorted(manifest["params"])
    for name in names:
        torch.manual_seed(0)
        model = models.get_model(name).eval()
        out["models"][name] = {str(b): count(name, model, b) for b in batches}
        print(name, out["models"][name], flush=True)
        out["by"] = (f"scripts/torchvision-dispatch-macs.py, torch {torch.__version__}: "
                     "aten.convolution, mm, addmm, bmm and baddbmm multiply-accumulates")
        with open(path, "w") as f:
            json.dump(out, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
