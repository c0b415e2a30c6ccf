#!/usr/bin/python3
"""Reference counts of the CIFAR-10 MobileNetV2 of kuangliu/pytorch-cifar
(models/mobilenetv2.py at commit e010fe867f38075d3b8bb878b82f8a19774d5962, its classes verbatim).

Dev-only (Debian's python3-torch): regenerates test/fixtures/torchvision/cifar-v2.json.
    /usr/bin/python3 scripts/cifar-v2-counts.py > test/fixtures/torchvision/cifar-v2.json
"""
import json, sys
import torch
import torch.nn as nn
import torch.nn.functional as F

class Block(nn.Module):
    '''expand + depthwise + pointwise'''
    def __init__(self, in_planes, out_planes, expansion, stride):
        super(Block, self).__init__()
        self.stride = stride
        planes = expansion * in_planes
        self.conv1 = nn.Conv2d(in_planes, planes, kernel_size=1, stride=1, padding=0, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, kernel_size=3, stride=stride, padding=1, groups=planes, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, out_planes, kernel_size=1, stride=1, padding=0, bias=False)
        self.bn3 = nn.BatchNorm2d(out_planes)
        self.shortcut = nn.Sequential()
        if stride == 1 and in_planes != out_planes:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_planes, out_planes, kernel_size=1, stride=1, padding=0, bias=False),
                nn.BatchNorm2d(out_planes),
            )
    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = F.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        out = out + self.shortcut(x) if self.stride==1 else out
        return out

class MobileNetV2(nn.Module):
    cfg = [(1, 16, 1, 1), (6, 24, 2, 1), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]
    def __init__(self, num_classes=10):
        super(MobileNetV2, self).__init__()
        self.conv1 = nn.Conv2d(3, 32, kernel_size=3, stride=1, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(32)
        self.layers = self._make_layers(in_planes=32)
        self.conv2 = nn.Conv2d(320, 1280, kernel_size=1, stride=1, padding=0, bias=False)
        self.bn2 = nn.BatchNorm2d(1280)
        self.linear = nn.Linear(1280, num_classes)
    def _make_layers(self, in_planes):
        layers = []
        for expansion, out_planes, num_blocks, stride in self.cfg:
            strides = [stride] + [1]*(num_blocks-1)
            for stride in strides:
                layers.append(Block(in_planes, out_planes, expansion, stride))
                in_planes = out_planes
        return nn.Sequential(*layers)
    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.layers(out)
        out = F.relu(self.bn2(self.conv2(out)))
        out = F.avg_pool2d(out, 4)
        out = out.view(out.size(0), -1)
        out = self.linear(out)
        return out

model = MobileNetV2()
macs = 0
def conv_hook(m, inp, out):
    global macs
    macs += out.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]
def linear_hook(m, inp, out):
    global macs
    macs += m.in_features * m.out_features
for m in model.modules():
    if isinstance(m, nn.Conv2d): m.register_forward_hook(conv_hook)
    if isinstance(m, nn.Linear): m.register_forward_hook(linear_hook)
model.eval()
with torch.no_grad(): model(torch.zeros(1, 3, 32, 32))
params = sum(p.numel() for p in model.parameters())
weights = sum(p.numel() for n, p in model.named_parameters() if p.dim() > 1)
json.dump({"generator": "scripts/cifar-v2-counts.py", "torch": torch.__version__, "resolution": 32, "params": params, "weight_params": weights, "macs": macs}, sys.stdout, indent=1)
print()
