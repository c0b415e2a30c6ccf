#!/usr/bin/python3
"""Probes of what the peer counters do with operators no built-in model has, and with calls a graph
writes alike (a module or a function, Tensor.matmul or @), as ONNX files.

Dev-only: writes test/fixtures/onnx/probes/<probe>.onnx (torch.onnx.export,
opset 17, graph only) and test/fixtures/peers/onnx-probes.json, the counts
ptflops (pytorch and aten backends), fvcore and both thops print for the same
torch modules, run from their own checkouts exactly as scripts/peer-counts.py
runs them (same DIR layout, same calls):

    /usr/bin/python3 scripts/onnx-probes.py --tools DIR

The tests count each probe file under each preset and compare with the tool's
own number.
"""
import argparse, importlib.util, json, os, sys

import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("peer_counts", os.path.join(HERE, "peer-counts.py"))
peer_counts = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer_counts)


class FunctionalMaxPool(torch.nn.Module):
    """F.max_pool2d called in forward, as a hook-based counter sees a function."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 8, 1, bias=False)

    def forward(self, x):
        return F.max_pool2d(self.conv(x), 3, 2, 1)


class Concat(torch.nn.Module):
    """Two 1×1 convs of one input, concatenated on channels."""

    def __init__(self):
        super().__init__()
        self.a = torch.nn.Conv2d(3, 8, 1, bias=False)
        self.b = torch.nn.Conv2d(3, 4, 1, bias=False)

    def forward(self, x):
        return torch.cat([self.a(x), self.b(x)], 1)


class CallProbe(torch.nn.Module):
    """A 1×1 conv to 8 channels, then one call in forward: how each counter sees a module, a function, a method."""

    def __init__(self, call, **children):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 8, 1, bias=False)
        for name, child in children.items():
            setattr(self, name, child)
        self.call = call

    def forward(self, x):
        return self.call(self, self.conv(x))


class LayerNorm2d(torch.nn.LayerNorm):
    """torchvision's ConvNeXt LayerNorm2d: a subclass of nn.LayerNorm calling F.layer_norm on N×H×W×C."""

    def forward(self, x):
        x = x.permute(0, 2, 3, 1)
        x = F.layer_norm(x, self.normalized_shape, self.weight, self.bias, self.eps)
        return x.permute(0, 3, 1, 2)


def tokens(x):
    """A map as 1×C×(H·W)."""
    return x.flatten(2)


CALL_PROBES = {
    "avgpool-functional": lambda: CallProbe(lambda s, x: F.avg_pool2d(x, 3, 1, 1)),
    "avgpool-module": lambda: CallProbe(lambda s, x: s.pool(x), pool=torch.nn.AvgPool2d(2, 2)),
    "relu-functional": lambda: CallProbe(lambda s, x: F.relu(x)),
    "linear-functional": lambda: CallProbe(
        lambda s, x: F.linear(x.permute(0, 2, 3, 1), s.fc.weight, s.fc.bias), fc=torch.nn.Linear(8, 4)),
    "linear-3d": lambda: CallProbe(lambda s, x: s.fc(tokens(x).transpose(1, 2)), fc=torch.nn.Linear(8, 4)),
    "linear-4d": lambda: CallProbe(lambda s, x: s.fc(x.permute(0, 2, 3, 1)), fc=torch.nn.Linear(8, 4)),
    "matmul-method": lambda: CallProbe(lambda s, x: tokens(x).matmul(tokens(x).transpose(1, 2))),
    "matmul-operator": lambda: CallProbe(lambda s, x: tokens(x) @ tokens(x).transpose(1, 2)),
    "einsum": lambda: CallProbe(lambda s, x: torch.einsum("bcn,bdn->bcd", tokens(x), tokens(x))),
    "layernorm": lambda: CallProbe(lambda s, x: s.ln(x.permute(0, 2, 3, 1)), ln=torch.nn.LayerNorm(8)),
    "layernorm-subclass": lambda: CallProbe(lambda s, x: s.ln(x), ln=LayerNorm2d(8)),
    "softmax-functional": lambda: CallProbe(lambda s, x: F.softmax(x, 1)),
    "groupnorm": lambda: CallProbe(lambda s, x: s.norm(x), norm=torch.nn.GroupNorm(2, 8)),
    "instancenorm": lambda: CallProbe(lambda s, x: s.norm(x), norm=torch.nn.InstanceNorm2d(8, affine=True)),
    "upsample-nearest": lambda: CallProbe(lambda s, x: s.up(x), up=torch.nn.Upsample(scale_factor=2)),
    "upsample-bilinear": lambda: CallProbe(
        lambda s, x: F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)),
}

PROBES = {
    "maxpool": lambda: torch.nn.Sequential(torch.nn.Conv2d(3, 8, 1, bias=False), torch.nn.MaxPool2d(3, 2, 1)),
    "maxpool-functional": FunctionalMaxPool,
    "maxpool-ceil": lambda: torch.nn.Sequential(
        torch.nn.Conv2d(3, 8, 1, bias=False), torch.nn.MaxPool2d(2, 2, ceil_mode=True)),
    "concat": Concat,
    **CALL_PROBES,
}
RESOLUTIONS = [224, 225, 160]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tools", required=True, help="folder holding the checkouts")
    args = parser.parse_args()
    tools = os.path.abspath(args.tools)
    out = os.path.join(HERE, "..", "test", "fixtures")
    runs = peer_counts.counters(tools)
    rows = []
    for name, build in PROBES.items():
        torch.onnx.export(build().eval(), torch.zeros(1, 3, 224, 224), os.path.join(out, "onnx", "probes", f"{name}.onnx"),
                          opset_version=17, export_params=False, input_names=["input"],
                          dynamic_axes={"input": {2: "height", 3: "width"}})
        for res in RESOLUTIONS:
            row = {"probe": name, "resolution": res}
            for tool, (_, run) in runs.items():
                with torch.no_grad():
                    macs, params = run(build().eval(), res)
                row[tool] = {"macs": int(macs), "params": int(params)}
            rows.append(row)
    head = {"generator": "scripts/onnx-probes.py", "torch": torch.__version__,
            "export": "torch.onnx.export(m.eval(), torch.zeros(1, 3, 224, 224), f, opset_version=17, export_params=False, dynamic height and width)",
            "tools": {tool: info for tool, (info, _) in runs.items()}}
    text = json.dumps(head, indent=1)[:-2]
    with open(os.path.join(out, "peers", "onnx-probes.json"), "w") as f:
        f.write(text + ',\n "counts": [\n' + ",\n".join("  " + json.dumps(r) for r in rows) + "\n ]\n}\n")


if __name__ == "__main__":
    main()
