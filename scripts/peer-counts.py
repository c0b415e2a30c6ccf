#!/usr/bin/python3
"""What the peer FLOP counters themselves print on torchvision's MobileNets.

Dev-only: regenerates test/fixtures/peers/counts.json, which the tests compare
the peer presets (ptflops, ptflops-aten, fvcore, thop) against. Each tool is
run from a git checkout of its own repository (its commit is recorded), on
Debian's python3-torch and python3-torchvision, never installed into the
project:

    apt-get install -y python3-torch python3-torchvision python3-aiofiles \
        python3-yaml python3-tabulate python3-termcolor python3-portalocker python3-tqdm
    git clone https://github.com/sovrasov/flops-counter.pytorch  ptflops
    git clone https://github.com/ultralytics/thop                 thop
    git clone https://github.com/Lyken17/pytorch-OpCounter        thop-lyken17
    git clone https://github.com/facebookresearch/fvcore          fvcore
    git clone https://github.com/facebookresearch/iopath          iopath
    /usr/bin/python3 scripts/peer-counts.py --tools DIR > test/fixtures/peers/counts.json
    /usr/bin/python3 scripts/peer-counts.py --tools DIR --family --timm TIMM > test/fixtures/peers/family.json

--family runs the rest of the family instead: torchvision's EfficientNet-B0,
EfficientNetV2-S and MnasNet, and timm's MobileNetV4 Conv-S and Hybrid-M
(timm from a checkout of huggingface/pytorch-image-models, TIMM), at α 1, and
a probe of GELU (a 1×1 conv and nn.GELU, test/fixtures/configs/valid/gelu-probe.json).

DIR holds the five checkouts under the names above. Every call is the tool's
documented entry point with its defaults, on a model in eval mode and a
zero input of shape 1×3×R×R:

  ptflops       get_model_complexity_info(m, (3, R, R), as_strings=False,
                print_per_layer_stat=False)             (pytorch backend, count_functional on)
  ptflops-aten  the same with backend="aten"
  fvcore        FlopCountAnalysis(m, x).total(), parameter_count(m)[""]
  thop          thop.profile(m, inputs=(x,))            (ultralytics/thop)
  thop-lyken17  thop.profile(m, inputs=(x,))            (Lyken17/pytorch-OpCounter)
"""
import argparse, contextlib, importlib, io, json, os, subprocess, sys

import torch, torchvision
from torchvision.models import mobilenet_v2
from torchvision.models.mobilenetv3 import MobileNetV3, _mobilenet_v3_conf

ALPHAS = ["0.35", "0.5", "0.75", "1.0", "1.3", "1.4"]
RESOLUTIONS = [224, 225, 160, 331, 97]


def v3(arch):
    def build(width_mult):
        setting, last = _mobilenet_v3_conf(arch, width_mult=width_mult)
        return MobileNetV3(setting, last)
    return build


MODELS = {"v2": lambda a: mobilenet_v2(width_mult=a), "v3-large": v3("mobilenet_v3_large"), "v3-small": v3("mobilenet_v3_small")}


def git(path, *args):
    return subprocess.run(["git", "-C", path, *args], check=True, capture_output=True, text=True).stdout.strip()


def load(tools, checkout, module, extra_paths=()):
    """Import `module` from the checkout alone (a fresh import per tool: both thops are 'thop')."""
    for name in [m for m in sys.modules if m == module or m.startswith(module + ".")]:
        del sys.modules[name]
    paths = [os.path.join(tools, checkout)] + [os.path.join(tools, p) for p in extra_paths]
    sys.path[:0] = paths
    try:
        return importlib.import_module(module)
    finally:
        del sys.path[: len(paths)]


def provenance(tools, checkout, version):
    path = os.path.join(tools, checkout)
    return {"repository": git(path, "remote", "get-url", "origin"), "commit": git(path, "rev-parse", "HEAD"), "version": version}


def quiet(call):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return call()


def counters(tools):
    ptflops = load(tools, "ptflops", "ptflops")
    ptflops_version = open(os.path.join(tools, "ptflops", "pyproject.toml")).read().split('version = "')[1].split('"')[0]

    def run_ptflops(backend):
        def run(model, res):
            macs, params = quiet(lambda: ptflops.get_model_complexity_info(
                model, (3, res, res), as_strings=False, print_per_layer_stat=False, backend=backend))
            return macs, params
        return run

    fvcore_nn = load(tools, "fvcore", "fvcore.nn", extra_paths=["iopath"])

    def run_fvcore(model, res):
        analysis = fvcore_nn.FlopCountAnalysis(model, torch.zeros(1, 3, res, res))
        analysis.unsupported_ops_warnings(False)
        analysis.uncalled_modules_warnings(False)
        return quiet(analysis.total), fvcore_nn.parameter_count(model)[""]

    def run_thop(checkout):
        thop = load(tools, checkout, "thop")
        def run(model, res):
            macs, params = quiet(lambda: thop.profile(model, inputs=(torch.zeros(1, 3, res, res),), verbose=False))
            return int(macs), int(params)
        return thop.__version__, run

    thop_version, thop_run = run_thop("thop")
    lyken_version, lyken_run = run_thop("thop-lyken17")
    fvcore_version = open(os.path.join(tools, "fvcore", "fvcore", "__init__.py")).read().split('__version__ = "')[1].split('"')[0]
    return {
        "ptflops": (provenance(tools, "ptflops", ptflops_version) | {"call": "get_model_complexity_info(m, (3, R, R), as_strings=False), backend pytorch (its default), count_functional True (its default)"}, run_ptflops("pytorch")),
        "ptflops-aten": (provenance(tools, "ptflops", ptflops_version) | {"call": "get_model_complexity_info(m, (3, R, R), as_strings=False, backend='aten')"}, run_ptflops("aten")),
        "fvcore": (provenance(tools, "fvcore", fvcore_version) | {"call": "FlopCountAnalysis(m, x).total(); parameter_count(m)['']", "iopath": provenance(tools, "iopath", "")["commit"]}, run_fvcore),
        "thop": (provenance(tools, "thop", thop_version) | {"call": "thop.profile(m, inputs=(x,))"}, thop_run),
        "thop-lyken17": (provenance(tools, "thop-lyken17", lyken_version) | {"call": "thop.profile(m, inputs=(x,))"}, lyken_run),
    }


def family_models(timm_path):
    """The rest of the family at α 1: torchvision's EfficientNet-B0, EfficientNetV2-S, MnasNet; timm's MobileNetV4."""
    sys.path.insert(0, timm_path)
    import timm
    from torchvision.models import efficientnet_b0, efficientnet_v2_s, mnasnet1_0
    models = {
        "efficientnet-b0": lambda a: efficientnet_b0(),
        "efficientnet-v2-s": lambda a: efficientnet_v2_s(),
        "mnasnet": lambda a: mnasnet1_0(),
        "mnv4-conv-s": lambda a: timm.create_model("mobilenetv4_conv_small"),
        "mnv4-hybrid-m": lambda a: timm.create_model("mobilenetv4_hybrid_medium"),
        # what each tool does with GELU (MobileNetV4 Hybrid-L's activation), on a 1×1 conv and a GELU alone
        "test/fixtures/configs/valid/gelu-probe.json": lambda a: torch.nn.Sequential(
            torch.nn.Conv2d(3, 8, 1, bias=False), torch.nn.GELU()),
    }
    return models, ["1.0"], [224, 160], {"timm": timm.__version__, "timm_commit": git(timm_path, "rev-parse", "HEAD")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tools", required=True, help="folder holding the checkouts")
    parser.add_argument("--family", action="store_true", help="EfficientNet, MnasNet and MobileNetV4 instead")
    parser.add_argument("--timm", help="a checkout of huggingface/pytorch-image-models (with --family)")
    args = parser.parse_args()
    tools = os.path.abspath(args.tools)
    runs = counters(tools)
    rows = []
    models, alphas, resolutions, extra = (
        family_models(args.timm) if args.family else (MODELS, ALPHAS, RESOLUTIONS, {}))
    for model_name, build in models.items():
        for alpha in alphas:
            for res in resolutions:
                row = {"model": model_name, "alpha": alpha, "resolution": res}
                for tool, (_, run) in runs.items():
                    model = build(float(alpha)).eval()  # a fresh model: counters leave attributes behind
                    with torch.no_grad():
                        macs, params = run(model, res)
                    row[tool] = {"macs": int(macs), "params": int(params)}
                rows.append(row)
                print(f"{model_name} {alpha} {res}", file=sys.stderr)
    head = {"generator": "scripts/peer-counts.py", "torch": torch.__version__, "torchvision": torchvision.__version__,
            **extra, "tools": {tool: info for tool, (info, _) in runs.items()}}
    text = json.dumps(head, indent=1)[:-2]  # one count per line, for review
    print(text + ',\n "counts": [\n' + ",\n".join("  " + json.dumps(r) for r in rows) + "\n ]\n}")


if __name__ == "__main__":
    main()
