#!/usr/bin/python3
"""Reference counts from timm's own MobileNetV4 and MobileNetV5 definitions and its mobile catalogue.

Dev-only: regenerates test/fixtures/timm/counts.json, which the tests compare
`--convention timm` against. Runs timm from a checkout of its repository
(huggingface/pytorch-image-models; never a dependency of the project or its
tests) on Debian's python3-torch:

    git clone https://github.com/huggingface/pytorch-image-models /tmp/timm
    git clone https://github.com/facebookresearch/fvcore /tmp/fvcore   # and its iopath
    /usr/bin/python3 scripts/timm-counts.py /tmp/timm /tmp/fvcore > test/fixtures/timm/counts.json
    /usr/bin/python3 scripts/timm-counts.py /tmp/timm /tmp/fvcore mixnet,tf_mixnet > /tmp/counts.json   # only these again

params = sum(p.numel() for p in model.parameters())
macs   = conv: out.numel() * in_channels/groups * kH * kW, each F.conv2d as torch runs it (a BlurPool's
         fixed filter too); linear: in * out (per token);
         attention matmuls: every torch.matmul / @ / einsum of two activations, counted
         through a TorchFunctionMode as the product of the output's elements and the
         contracted dimension (timm takes the unfused matmul path on torch < 2.0)
fvcore_macs = fvcore's FlopCountAnalysis(model, image).total(), as timm's benchmark.py counts the
         infer_gmacs of its results/*.csv (where a row asks for it: it traces slowly)
"""
import json, os, subprocess, sys

sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
import torch, timm, fvcore
from fvcore.nn import FlopCountAnalysis
from torch.overrides import TorchFunctionMode

MODELS = [
    # timm name, α, resolutions
    ("mobilenetv4_conv_small", "1.0", [224, 256]),
    ("mobilenetv4_conv_small_050", "0.5", [224]),
    ("mobilenetv4_conv_small_035", "0.35", [224]),
    ("mobilenetv4_conv_medium", "1.0", [256, 224]),
    ("mobilenetv4_conv_large", "1.0", [384, 256]),
    ("mobilenetv4_hybrid_medium", "1.0", [256, 224]),
    ("mobilenetv4_hybrid_medium_075", "0.75", [256]),
    ("mobilenetv4_hybrid_large", "1.0", [384]),
    ("mobilenetv4_hybrid_large_075", "0.75", [384]),
    # MobileNetV5: 768 and 256 are its default sizes; 640 and 400 make the fusion adapter interpolate
    # (sides 40 and 25 do not divide by 16) and, at 400, upsample 13 to 25
    ("mobilenetv5_300m", "1.0", [768, 640]),
    ("mobilenetv5_300m_enc", "1.0", [768]),
    ("mobilenetv5_base", "1.0", [256, 400]),
]
# timm's mobile catalogue (configs/timm/catalogue.json, made by scripts/timm-catalogue.py): each model at
# its default input size, under its timm name
CATALOGUE = json.load(open(os.path.join(os.path.dirname(__file__), "..", "configs", "timm", "catalogue.json")))
BUILTINS = len(MODELS)
MODELS += [(name, "1.0", [m["input"]["resolution"]]) for name, m in sorted(CATALOGUE["models"].items())]
FVCORE = {("mobilenetv5_300m", 768), ("mobilenetv5_300m", 640), ("mobilenetv5_300m_enc", 768),
          ("mobilenetv5_base", 256), ("mobilenetv5_base", 400)}
OURS = {"mobilenetv5_300m": "mobilenet-v5-300m", "mobilenetv5_300m_enc": "mobilenet-v5-300m-enc",
        "mobilenetv5_base": "mobilenet-v5-base",
        "conv_small": "mnv4-conv-s", "conv_medium": "mnv4-conv-m", "conv_large": "mnv4-conv-l",
        "hybrid_medium": "mnv4-hybrid-m", "hybrid_large": "mnv4-hybrid-l"}

class CountMatmuls(TorchFunctionMode):
    """Multiply-accumulates of matmuls between activations (the attention's Q·Kᵀ and A·V), and of every
    convolution as torch runs it (nn.Conv2d's and a BlurPool2d's fixed filter alike: F.conv2d)."""
    def __init__(self):
        super().__init__()
        self.macs = 0
        self.conv_macs = 0
    def __torch_function__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        if func in (torch.matmul, torch.Tensor.matmul, torch.Tensor.__matmul__, torch.bmm):
            self.macs += out.numel() * args[0].shape[-1]
        elif func in (torch.nn.functional.conv2d, torch.conv2d):
            weight = args[1] if len(args) > 1 else kwargs["weight"]
            self.conv_macs += out.numel() * weight.shape[1] * weight.shape[2] * weight.shape[3]
        elif func is torch.einsum:
            raise RuntimeError("einsum path: not expected for MobileNetV4 on this torch")
        return out

def count(model, res):
    macs = 0
    def linear_hook(m, inp, out):
        nonlocal macs
        macs += out.numel() // out.shape[-1] * m.in_features * m.out_features
    for m in model.modules():
        if isinstance(m, torch.nn.Linear): m.register_forward_hook(linear_hook)
    model.eval()
    with torch.no_grad(), CountMatmuls() as matmuls:
        model(torch.zeros(1, 3, res, res))
    return macs + matmuls.conv_macs, matmuls.macs

def fvcore_macs(model, res):
    model.eval()
    with torch.no_grad():
        flops = FlopCountAnalysis(model, torch.zeros(1, 3, res, res))
        flops.unsupported_ops_warnings(False)
        flops.uncalled_modules_warnings(False)
        return flops.total()

# a third argument (name prefixes, comma-separated) counts only those models again, keeping the other rows
# of the fixture as they are (MobileNetV5's fvcore traces take the better part of an hour on two cores)
ONLY = tuple(sys.argv[3].split(",")) if len(sys.argv) > 3 else None
KEPT = {}
if ONLY:
    fixture = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "timm", "counts.json")
    for row in json.load(open(fixture))["counts"]:
        KEPT.setdefault(row["timm"], []).append(row)

rows = []
for index, (name, alpha, resolutions) in enumerate(MODELS):
    if ONLY and not name.startswith(ONLY):
        # a catalogue row is under the timm name; a built-in's under its own
        rows += [r for r in KEPT.get(name, []) if r["alpha"] == alpha and r["resolution"] in resolutions
                 and (r["model"] == name) == (index >= BUILTINS)]
        continue
    # the built-ins under their own names (an α of their own); the catalogue under timm's
    catalogued = index >= BUILTINS
    size = name if name in OURS or catalogued else name.replace("mobilenetv4_", "").rsplit("_0", 1)[0]
    model = timm.create_model(name, pretrained=False)
    params = sum(p.numel() for p in model.parameters())
    for res in resolutions:
        macs, attention = count(timm.create_model(name, pretrained=False), res)
        row = {"timm": name, "model": OURS.get(size, name), "alpha": alpha, "resolution": res,
               "params": params, "macs": macs + attention, "attention_macs": attention}
        if (name, res) in FVCORE:
            row["fvcore_macs"] = fvcore_macs(timm.create_model(name, pretrained=False), res)
        rows.append(row)
commit = subprocess.run(["git", "-C", sys.argv[1], "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
json.dump({"generator": "scripts/timm-counts.py", "timm": timm.__version__, "timm_commit": commit or "aa4b5850c1543fa488abf260f18390eda46cf85d",
           "torch": torch.__version__, "fvcore": fvcore.__version__,
           "fvcore_commit": subprocess.run(["git", "-C", sys.argv[2], "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip(),
           "counts": rows}, sys.stdout, indent=1)
print()
