#!/usr/bin/python3
"""Reference counts from torchvision's own model definitions.

Dev-only: regenerates test/fixtures/torchvision/counts.json, which the tests
compare `--convention torchvision` against. Needs Debian's python3-torch and
python3-torchvision (never a dependency of the project or its tests):

    apt-get install -y python3-torch python3-torchvision
    /usr/bin/python3 scripts/torchvision-counts.py > test/fixtures/torchvision/counts.json

params = sum(p.numel() for p in model.parameters())
macs   = conv: out.numel() * in_channels/groups * kH * kW ; linear: in * out
parts  = elements by module kind (forward hooks; functional adaptive pooling
         patched): BatchNorm outputs, ReLU / ReLU6 / Hardswish / Hardsigmoid
         outputs, pooling inputs and outputs, bias adds (conv out numel, linear out)
"""
import contextlib, json, sys
import torch, torchvision
from torchvision.models import mobilenet_v2, mobilenet_v3_large, mobilenet_v3_small
from torchvision.models.mobilenetv3 import _mobilenet_v3_conf, MobileNetV3

def v3(arch):
    def build(width_mult):
        setting, last = _mobilenet_v3_conf(arch, width_mult=width_mult)
        return MobileNetV3(setting, last)
    return build

MODELS = {
    "v2": lambda a: mobilenet_v2(width_mult=a),
    "v3-large": v3("mobilenet_v3_large"),
    "v3-small": v3("mobilenet_v3_small"),
}
ALPHAS = ["0.25", "0.33", "0.35", "0.5", "0.6", "0.75", "0.9", "1.0", "1.1", "1.3", "1.4", "2.0"]
RESOLUTIONS = [224, 192, 160, 97, 33]
# non-square inputs, height x width (as mbn-cost's --resolution 320x240), at two widths
NON_SQUARE = [(320, 240), (97, 131)]
NON_SQUARE_ALPHAS = ["0.5", "1.0"]

ACTIVATIONS = {torch.nn.ReLU: "relu", torch.nn.ReLU6: "relu6", torch.nn.Hardswish: "hswish", torch.nn.Hardsigmoid: "hsigmoid",
               torch.nn.SiLU: "silu", torch.nn.Sigmoid: "sigmoid"}

from torch.overrides import TorchFunctionMode

class CountMeanPools(TorchFunctionMode):
    """MnasNet pools with x.mean([2, 3]): a global average pool called as a function."""
    def __init__(self, parts):
        super().__init__()
        self.parts = parts
    def __torch_function__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        if func is torch.Tensor.mean and len(args) > 1 and list(args[1]) == [2, 3]:
            self.parts["pool"] += args[0].numel(); self.parts["pool-divide"] += out.numel()
        return out

def count(model, height, width, part=None, means=False):
    macs = 0
    parts = {"bias": 0, "bn": 0, "relu": 0, "relu6": 0, "hswish": 0, "hsigmoid": 0, "silu": 0, "sigmoid": 0, "pool": 0, "pool-divide": 0}
    def conv_hook(m, inp, out):
        nonlocal macs
        macs += out.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
        if m.bias is not None: parts["bias"] += out.numel()
    def linear_hook(m, inp, out):
        nonlocal macs
        macs += m.in_features * m.out_features
        if m.bias is not None: parts["bias"] += out.numel()
    def part_hook(name):
        def hook(m, inp, out): parts[name] += out.numel()
        return hook
    inside_pool_module = [False]
    def pool_pre_hook(m, inp):
        inside_pool_module[0] = True
    def pool_hook(m, inp, out):
        inside_pool_module[0] = False
        parts["pool"] += inp[0].numel(); parts["pool-divide"] += out.numel()
    for m in model.modules():
        if isinstance(m, torch.nn.Conv2d): m.register_forward_hook(conv_hook)
        if isinstance(m, torch.nn.Linear): m.register_forward_hook(linear_hook)
        if isinstance(m, torch.nn.BatchNorm2d): m.register_forward_hook(part_hook("bn"))
        if isinstance(m, torch.nn.AdaptiveAvgPool2d):
            m.register_forward_pre_hook(pool_pre_hook); m.register_forward_hook(pool_hook)
        for kind, name in ACTIVATIONS.items():
            if type(m) is kind: m.register_forward_hook(part_hook(name))
    functional = torch.nn.functional.adaptive_avg_pool2d
    def counted_pool(x, size):
        # a call from inside nn.AdaptiveAvgPool2d.forward is that module's, counted by its hook
        out = functional(x, size)
        if not inside_pool_module[0]:
            parts["pool"] += x.numel(); parts["pool-divide"] += out.numel()
        return out
    torch.nn.functional.adaptive_avg_pool2d = counted_pool
    model.eval()
    try:
        # only MnasNet pools with x.mean; the mode would re-dispatch the patched pool elsewhere
        with torch.no_grad(), (CountMeanPools(parts) if means else contextlib.nullcontext()):
            (part or model)(torch.zeros(1, 3, height, width))
    finally:
        torch.nn.functional.adaptive_avg_pool2d = functional
    return macs, parts

rows = []
for name, build in MODELS.items():
    for a in ALPHAS:
        model = build(float(a))
        params = sum(p.numel() for p in model.parameters())
        for res in RESOLUTIONS:
            macs, parts = count(build(float(a)), res, res)
            rows.append({"model": name, "alpha": a, "resolution": res, "params": params, "macs": macs, "parts": parts})
    for a in NON_SQUARE_ALPHAS:
        params = sum(p.numel() for p in build(float(a)).parameters())
        for height, width in NON_SQUARE:
            macs, parts = count(build(float(a)), height, width)
            rows.append({"model": name, "alpha": a, "resolution": f"{height}x{width}", "params": params, "macs": macs, "parts": parts})
# the backbone (--no-head: model.features, cut at the global pool) and no classifier
# (--classes 0: the last Linear replaced by Identity, as timm's num_classes=0)
HEAD_ALPHAS = ["0.5", "1.0"]
HEAD_RESOLUTIONS = [224, 160]
for name, build in MODELS.items():
    for a in HEAD_ALPHAS:
        for res in HEAD_RESOLUTIONS:
            model = build(float(a))
            params = sum(p.numel() for p in model.features.parameters())
            macs, parts = count(model, res, res, part=model.features)
            rows.append({"model": name, "alpha": a, "resolution": res, "head": "none", "params": params, "macs": macs, "parts": parts})
            model = build(float(a))
            model.classifier[-1] = torch.nn.Identity()
            params = sum(p.numel() for p in model.parameters())
            macs, parts = count(model, res, res)
            rows.append({"model": name, "alpha": a, "resolution": res, "classes": 0, "params": params, "macs": macs, "parts": parts})
# the MBConv family: EfficientNet B0–B7 (width, depth), EfficientNetV2, MnasNet, at other widths,
# depths and resolutions too; "depth" is the multiplier on top of the model's own (--depth)
from torchvision.models.efficientnet import _efficientnet_conf, EfficientNet
from torchvision.models import MNASNet
B_SERIES = [(1.0, 1.0), (1.0, 1.1), (1.1, 1.2), (1.2, 1.4), (1.4, 1.8), (1.6, 2.2), (1.8, 2.6), (2.0, 3.1)]
B_RES = [224, 240, 260, 300, 380, 456, 528, 600]
def effnet(b, alpha, depth):
    w, d = B_SERIES[b]
    setting, last = _efficientnet_conf(f"efficientnet_b{b}", width_mult=w * alpha, depth_mult=d * depth)
    return EfficientNet(setting, 0.2, last_channel=last)
def effnet_v2(size, alpha, depth):
    setting, last = _efficientnet_conf(f"efficientnet_v2_{size}")
    return EfficientNet(setting, 0.2, last_channel=last)
FAMILY = [(f"efficientnet-b{b}", lambda a, d, b=b: effnet(b, a, d), "1.0", 1.0, B_RES[b]) for b in range(8)] + [
    ("efficientnet-b0", lambda a, d: effnet(0, a, d), "1.0", 1.0, 160),
    ("efficientnet-b0", lambda a, d: effnet(0, a, d), "0.5", 1.0, 224),
    ("efficientnet-b0", lambda a, d: effnet(0, a, d), "1.0", 1.5, 224),
    ("efficientnet-b3", lambda a, d: effnet(3, a, d), "0.75", 1.3, 300),
    ("efficientnet-v2-s", lambda a, d: effnet_v2("s", a, d), "1.0", 1.0, 384),
    ("efficientnet-v2-s", lambda a, d: effnet_v2("s", a, d), "1.0", 1.0, 224),
    ("efficientnet-v2-m", lambda a, d: effnet_v2("m", a, d), "1.0", 1.0, 480),
    ("efficientnet-v2-l", lambda a, d: effnet_v2("l", a, d), "1.0", 1.0, 480),
] + [("mnasnet", lambda a, d: MNASNet(a), alpha, 1.0, res) for alpha, res in [("0.5", 224), ("0.75", 224), ("1.0", 224), ("1.3", 224), ("1.0", 160)]]
for name, build, a, depth, res in FAMILY:
    params = sum(p.numel() for p in build(float(a), depth).parameters())
    macs, parts = count(build(float(a), depth), res, res, means=name == "mnasnet")
    row = {"model": name, "alpha": a, "resolution": res, "params": params, "macs": macs, "parts": parts}
    if depth != 1.0: row["depth"] = depth
    rows.append(row)
json.dump({"generator": "scripts/torchvision-counts.py", "torch": torch.__version__, "torchvision": torchvision.__version__, "counts": rows}, sys.stdout, indent=1)
print()
