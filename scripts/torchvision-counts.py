#!/usr/bin/python3
"""Reference counts from torchvision's own model definitions.

Dev-only: regenerates test/fixtures/torchvision/counts.json, which the tests
compare `--convention torchvision` against. Needs Debian's python3-torch and
python3-torchvision (never a dependency of the project or its tests):

    apt-get install -y python3-torch python3-torchvision
    /usr/bin/python3 scripts/torchvision-counts.py > test/fixtures/torchvision/counts.json

params = sum(p.numel() for p in model.parameters())
macs   = conv: out.numel() * in_channels/groups * kH * kW ; linear: in * out
"""
import json, sys
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

def count(model, res):
    macs = 0
    def conv_hook(m, inp, out):
        nonlocal macs
        macs += out.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
    def linear_hook(m, inp, out):
        nonlocal macs
        macs += m.in_features * m.out_features
    for m in model.modules():
        if isinstance(m, torch.nn.Conv2d): m.register_forward_hook(conv_hook)
        if isinstance(m, torch.nn.Linear): m.register_forward_hook(linear_hook)
    model.eval()
    with torch.no_grad():
        model(torch.zeros(1, 3, res, res))
    return macs

rows = []
for name, build in MODELS.items():
    for a in ALPHAS:
        model = build(float(a))
        params = sum(p.numel() for p in model.parameters())
        for res in RESOLUTIONS:
            rows.append({"model": name, "alpha": a, "resolution": res, "params": params, "macs": count(build(float(a)), res)})
json.dump({"generator": "scripts/torchvision-counts.py", "torch": torch.__version__, "torchvision": torchvision.__version__, "counts": rows}, sys.stdout, indent=1)
print()
