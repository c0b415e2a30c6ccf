#!/usr/bin/python3
"""What torch.utils.flop_counter.FlopCounterMode prints on torchvision's MobileNets.

Dev-only: regenerates test/fixtures/peers/torch-flops.json, which the tests
compare `--convention torch-flops` against. FlopCounterMode needs torch >= 2.1:
Debian 13 (trixie) ships it as python3-torch (2.6) with python3-torchvision
(0.21), e.g. in a chroot made by debootstrap:

    debootstrap --variant=minbase trixie /srv/trixie http://deb.debian.org/debian
    chroot /srv/trixie apt-get install -y --no-install-recommends python3-torch python3-torchvision
    chroot /srv/trixie python3 - < scripts/torch-flops-counts.py > test/fixtures/peers/torch-flops.json
    chroot /srv/trixie python3 - --family /tmp/timm < scripts/torch-flops-counts.py > test/fixtures/peers/torch-flops-family.json

--family TIMM counts the rest of the family at α 1 instead: torchvision's
EfficientNet-B0, EfficientNetV2-S and MnasNet, and timm's MobileNetV4 Conv-S and
Hybrid-M (timm from a checkout of huggingface/pytorch-image-models at TIMM,
inside the chroot; torch 2.6 takes timm's fused attention path, which
FlopCounterMode counts as the scaled-dot-product attention's two matmuls).

Each count is FlopCounterMode(display=False).get_total_flops() around one
forward pass of the model in eval mode on a zero input of shape 1x3xRxR;
params = sum(p.numel()).
"""
import json, sys

import torch, torchvision
from torch.utils.flop_counter import FlopCounterMode
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

FAMILY = "--family" in sys.argv
if FAMILY:
    sys.path.insert(0, sys.argv[sys.argv.index("--family") + 1])
    import timm
    from torchvision.models import efficientnet_b0, efficientnet_v2_s, mnasnet1_0
    MODELS = {
        "efficientnet-b0": lambda a: efficientnet_b0(),
        "efficientnet-v2-s": lambda a: efficientnet_v2_s(),
        "mnasnet": lambda a: mnasnet1_0(),
        "mnv4-conv-s": lambda a: timm.create_model("mobilenetv4_conv_small"),
        "mnv4-hybrid-m": lambda a: timm.create_model("mobilenetv4_hybrid_medium"),
    }
    ALPHAS, RESOLUTIONS = ["1.0"], [224, 160]

rows = []
for name, build in MODELS.items():
    for alpha in ALPHAS:
        model = build(float(alpha)).eval()
        params = sum(p.numel() for p in model.parameters())
        for res in RESOLUTIONS:
            counter = FlopCounterMode(display=False)
            with torch.no_grad(), counter:
                model(torch.zeros(1, 3, res, res))
            rows.append({"model": name, "alpha": alpha, "resolution": res, "flops": counter.get_total_flops(), "params": params})
head = {"generator": "scripts/torch-flops-counts.py", "tool": "torch.utils.flop_counter.FlopCounterMode(display=False).get_total_flops()",
        "torch": torch.__version__, "torchvision": torchvision.__version__}
if FAMILY:
    head["timm"] = timm.__version__
print(json.dumps(head, indent=1)[:-2] + ',\n "counts": [\n' + ",\n".join("  " + json.dumps(r) for r in rows) + "\n ]\n}")
