#!/usr/bin/python3
"""Stage depths as timm scales them: test/fixtures/timm/stage-depths.json.

Dev-only. Runs timm's own _scale_stage_depth (timm/models/_efficientnet_builder.py) from a checkout
of huggingface/pytorch-image-models on Debian's python3-torch, over repeats, multipliers and both
truncations, so that model/blocks/timm-stages.ts scaleStageDepth is checked against timm itself:

    /usr/bin/python3 scripts/timm-stage-depths.py /tmp/timm > test/fixtures/timm/stage-depths.json
"""
import json, subprocess, sys

sys.path.insert(0, sys.argv[1])
import timm
from timm.models._efficientnet_builder import _scale_stage_depth

REPEATS = [[1], [2], [3], [4], [1, 1], [1, 2], [2, 1], [1, 1, 1], [1, 3, 1], [3, 2, 1], [1, 1, 1, 1, 1], [4, 4]]
MULTIPLIERS = [0.5, 0.75, 0.8, 1.0, 1.1, 1.2, 1.4, 1.8, 2.2, 2.6, 3.1]
cases = []
for repeats in REPEATS:
    for multiplier in MULTIPLIERS:
        for trunc in ("ceil", "round"):
            # each block arg a distinct marker, so the repeats per string can be read back
            scaled = _scale_stage_depth(list(range(len(repeats))), repeats, multiplier, trunc)
            cases.append({"repeats": repeats, "multiplier": multiplier, "trunc": trunc,
                          "scaled": [scaled.count(i) for i in range(len(repeats))]})
commit = subprocess.run(["git", "-C", sys.argv[1], "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
json.dump({"generator": "scripts/timm-stage-depths.py", "timm": timm.__version__, "timm_commit": commit,
           "cases": cases}, sys.stdout, indent=1)
print()
