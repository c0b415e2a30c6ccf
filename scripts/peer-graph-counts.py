#!/usr/bin/python3
"""What fvcore, ptflops (both backends) and thop themselves print on one model of each torchvision
family — the models test/fixtures/onnx/torchvision exports — with each tool's per-operator or per-module
breakdown where it gives one (the family models of the torchvision fixtures' manifest): the reference for the conventions on ops the MobileNets do not have
(LayerNorm, GroupNorm, Resize, Einsum, attention's matmuls and softmax, GELU in ViT, …).

Dev-only, like scripts/peer-counts.py (same checkouts, same calls, commits recorded):

    /usr/bin/python3 scripts/peer-graph-counts.py --tools DIR --out test/fixtures/peers/torchvision-graphs.json

The file is rewritten after each model (a long run keeps what it has done; models already in it are
kept unless named again).

DIR holds checkouts of sovrasov/flops-counter.pytorch (ptflops), ultralytics/thop (thop),
facebookresearch/fvcore (fvcore) and facebookresearch/iopath (iopath). Each model is in eval mode, its
input zeros of 1×3×R×R (R 224, 299 for Inception v3).
"""
import argparse, importlib.util, json, os, sys

import torch, torchvision
from torchvision import models

MANIFEST = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "onnx", "torchvision", "manifest.json")


def families():
    """The family models scripts/export-torchvision-graphs.py exported every way (several files each)."""
    files = json.load(open(MANIFEST))["files"]
    counts = {}
    for f in files:
        counts[f["model"]] = counts.get(f["model"], 0) + 1
    return sorted(model for model, n in counts.items() if n > 1)


SIDE = {"inception_v3": 299}


def _peer_counts():
    """scripts/peer-counts.py, whose helpers this script shares: a tool imported from its checkout alone, quietly."""
    spec = importlib.util.spec_from_file_location("peer_counts", os.path.join(os.path.dirname(__file__), "peer-counts.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_shared = _peer_counts()
git, load, quiet = _shared.git, _shared.load, _shared.quiet


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tools", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("models", nargs="*")
    args = parser.parse_args()
    ptflops = load(args.tools, "ptflops", "ptflops")
    fvcore_nn = load(args.tools, "fvcore", "fvcore.nn", extra_paths=["iopath"])
    thop = load(args.tools, "thop", "thop")
    out = {
        "made_by": "scripts/peer-graph-counts.py",
        "torch": torch.__version__, "torchvision": torchvision.__version__,
        "tools": {name: {"repository": git(os.path.join(args.tools, name), "remote", "get-url", "origin"),
                         "commit": git(os.path.join(args.tools, name), "rev-parse", "HEAD")}
                  for name in ["ptflops", "fvcore", "thop", "iopath"]},
        "models": json.load(open(args.out))["models"] if os.path.exists(args.out) else {},
    }
    for name in args.models or families():
        side = SIDE.get(name, 224)
        torch.manual_seed(0)
        model = models.get_model(name).eval()
        x = torch.zeros(1, 3, side, side)
        row = {"input": [1, 3, side, side]}
        try:
            analysis = fvcore_nn.FlopCountAnalysis(model, x)
            analysis.unsupported_ops_warnings(False)
            analysis.uncalled_modules_warnings(False)
            row["fvcore"] = {"macs": quiet(analysis.total), "params": fvcore_nn.parameter_count(model)[""],
                             "by_operator": dict(quiet(analysis.by_operator)),
                             "unsupported": dict(quiet(analysis.unsupported_ops))}
        except Exception as e:
            row["fvcore"] = {"error": str(e).splitlines()[0][:200]}
        for backend in ("pytorch", "aten"):
            try:
                macs, params = quiet(lambda: ptflops.get_model_complexity_info(
                    model, (3, side, side), as_strings=False, print_per_layer_stat=False, backend=backend))
                row[f"ptflops-{backend}"] = {"macs": int(macs), "params": int(params)}
            except Exception as e:
                row[f"ptflops-{backend}"] = {"error": str(e).splitlines()[0][:200]}
        try:
            macs, params = quiet(lambda: thop.profile(model, inputs=(x,), verbose=False))
            row["thop"] = {"macs": int(macs), "params": int(params)}
        except Exception as e:
            row["thop"] = {"error": str(e).splitlines()[0][:200]}
        out["models"][name] = row
        print(name, {k: v.get("macs", v.get("error")) for k, v in row.items() if isinstance(v, dict)}, flush=True)
        with open(args.out, "w") as f:
            json.dump(out, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
