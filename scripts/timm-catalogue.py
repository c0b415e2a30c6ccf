#!/usr/bin/python3
"""timm's mobile catalogue as mbn-cost architectures: configs/timm/catalogue.json.

Dev-only. Runs timm's own model generators from a checkout of huggingface/pytorch-image-models on
Debian's python3-torch, and writes down what each passes to its model class — its block strings (as
decode_arch_def receives them), stem, head, width rounding, activation and squeeze-and-excite — as an
mbn-cost architecture. Nothing here computes a count: test/model/timm-catalogue.test.ts checks every
architecture against timm's own models (test/fixtures/timm/catalogue-counts.json, made by
scripts/timm-counts.py). A model whose generator passes something mbn-cost does not build is listed
under "not_built" with the reason.

    /usr/bin/python3 scripts/timm-catalogue.py /tmp/timm > configs/timm/catalogue.json
"""
import functools, json, subprocess, sys

sys.path.insert(0, sys.argv[1])
import torch.nn as nn
import timm
from timm.models import _efficientnet_builder as builder
from timm.models import efficientnet, mobilenetv3, hardcorenas
from timm.models._efficientnet_blocks import SqueezeExcite

PATTERNS = ["mobilenetv1*", "mobilenetv2*", "mobilenetv3*", "tf_mobilenetv3*", "efficientnet_lite*",
            "tf_efficientnet_lite*", "efficientnet_b0", "efficientnet_b1", "tf_efficientnet_b0", "lcnet*",
            "tinynet*", "mnasnet*", "spnasnet*", "fbnet*", "hardcorenas*", "mixnet*", "tf_mixnet*", "mobilenetv4*"]
FAMILY = [("mobilenetv1", "mobilenetv1"), ("mobilenetv2", "mobilenetv2"), ("tf_mobilenetv3", "mobilenetv3"),
          ("mobilenetv3", "mobilenetv3"), ("tf_efficientnet_lite", "efficientnet_lite"),
          ("efficientnet_lite", "efficientnet_lite"), ("tf_efficientnet", "efficientnet"),
          ("efficientnet", "efficientnet"), ("lcnet", "lcnet"), ("tinynet", "tinynet"), ("mnasnet", "mnasnet"),
          ("spnasnet", "spnasnet"), ("fbnet", "fbnet"), ("hardcorenas", "hardcorenas"), ("tf_mixnet", "mixnet"),
          ("mixnet", "mixnet"), ("mobilenetv4", "mobilenetv4")]
# timm's MobileNetV4s are mbn-cost's built-ins (configs/, checked block for block against timm): each
# timm name is its built-in at timm's channel multiplier and default size
MNV4 = {"conv_small": "mobilenet-v4-conv-small", "conv_medium": "mobilenet-v4-conv-medium",
        "conv_large": "mobilenet-v4-conv-large", "hybrid_medium": "mobilenet-v4-hybrid-medium",
        "hybrid_large": "mobilenet-v4-hybrid-large"}
CONFIGS = __import__("os").path.join(__import__("os").path.dirname(__file__), "..", "configs")


class Captured(Exception):
    pass


arch_defs = []
decode = builder.decode_arch_def


def recording_decode(arch_def, depth_multiplier=1.0, depth_trunc="ceil", experts_multiplier=1,
                     fix_first_last=False, group_size=None):
    arch_defs.append(dict(arch=arch_def, depth_multiplier=depth_multiplier, depth_trunc=depth_trunc,
                          fix_first_last=fix_first_last, group_size=group_size))
    return decode(arch_def, depth_multiplier, depth_trunc, experts_multiplier, fix_first_last, group_size)


for module in (efficientnet, mobilenetv3, hardcorenas):
    module.decode_arch_def = recording_decode

captured = {}


def capture(cls_name):
    def init(self, *args, **kwargs):
        captured.update(cls=cls_name, kwargs=kwargs)
        raise Captured()
    return init


mobilenetv3.MobileNetV3.__init__ = capture("MobileNetV3")
efficientnet.EfficientNet.__init__ = capture("EfficientNet")

ACTIVATIONS = {"ReLU": "relu", "ReLU6": "relu6", "Hardswish": "hswish", "HardSwish": "hswish",
               "SiLU": "silu", "Swish": "silu", "GELU": "gelu", "Hardsigmoid": "hsigmoid",
               "HardSigmoid": "hsigmoid", "Sigmoid": "sigmoid"}


class NotBuilt(Exception):
    pass


def activation(layer):
    if layer is None:
        return None
    if isinstance(layer, str):
        layer = timm.layers.get_act_layer(layer)
    name = getattr(layer, "__name__", type(layer).__name__)
    if name not in ACTIVATIONS:
        raise NotBuilt(f"activation {name}")
    return ACTIVATIONS[name]


def rounding(fn):
    """round_channels as a partial: its multiplier, divisor and round limit."""
    if fn is builder.round_channels:
        return dict(multiplier=1.0, divisor=8, round_limit=0.9)
    if isinstance(fn, functools.partial) and fn.func is builder.round_channels:
        kw = fn.keywords
        if kw.get("channel_min") is not None:
            raise NotBuilt("a channel minimum")
        return dict(multiplier=kw.get("multiplier", 1.0), divisor=kw.get("divisor", 8),
                    round_limit=kw.get("round_limit", 0.9))
    raise NotBuilt(f"round_chs_fn {fn}")


def squeeze_excite(layer, se_from_exp):
    """SqueezeExcite as a partial: its gate, its forced activation and its rounding of the squeeze."""
    if layer is None:
        layer = SqueezeExcite
    keywords = {}
    if isinstance(layer, functools.partial):
        keywords = dict(layer.keywords)
        layer = layer.func
    if layer is not SqueezeExcite:
        raise NotBuilt(f"se_layer {layer}")
    se = dict(gate=activation(keywords.pop("gate_layer", nn.Sigmoid)), from_expanded=se_from_exp)
    forced = keywords.pop("force_act_layer", None)
    if forced is not None:
        se["act"] = activation(forced)
    round_fn = keywords.pop("rd_round_fn", None)
    if round_fn is not None:
        se["round"] = rounding(round_fn)
    if keywords:
        raise NotBuilt(f"SqueezeExcite options {sorted(keywords)}")
    return se


def timm_widths(layer):
    width = layer.get("width")
    if isinstance(width, dict) and "tf-slim" in width:
        return {**layer, "width": width.get("timm", width["torchvision"])}
    return layer


def mobilenet_v4(name, kw):
    """A timm MobileNetV4 as mbn-cost's built-in of the same blocks, at timm's multiplier and size."""
    aa = kw.get("aa_layer")
    if aa not in (None, "avg", "blurpc"):
        raise NotBuilt(f"anti-aliased downsampling (aa_layer '{aa}')")
    size, _, multiplier = name.removeprefix("mobilenetv4_").replace("_aa", "").replace("_blur", "").partition("_0")
    builtin = json.load(open(__import__("os").path.join(CONFIGS, MNV4[size] + ".json")))
    cfg = timm.models.get_pretrained_cfg(name).to_dict()
    model = {key: value for key, value in builtin.items() if key != "$schema"}
    # timm's widths whatever a convention's rules: each per-rules width policy becomes timm's
    model["layers"] = [timm_widths(layer) for layer in builtin["layers"]]
    # timm's aa_layer in every block's strided conv: a 2×2 average pool, or BlurPool2d ('blurpc': zero padded)
    for layer in model["layers"]:
        if aa and layer["kind"] in ("uib", "fused_ib"):
            layer["aa"] = "avg" if aa == "avg" else "blur"
    model.update(name=name, input={"resolution": cfg["input_size"][1], "channels": cfg["input_size"][0]},
                 classes=cfg.get("num_classes", 1000))
    model["source"] = (f"huggingface/pytorch-image-models, timm/models/mobilenetv3.py at commit {COMMIT[:7]} "
                       f"(timm {timm.__version__}): {name}, mbn-cost's {MNV4[size]} "
                       f"({builtin['source'].split(';')[0]})")
    if multiplier:
        model["width_multiplier"] = float("0." + multiplier)
    return model


def architecture(name):
    arch_defs.clear()
    captured.clear()
    try:
        timm.create_model(name, pretrained=False)
    except Captured:
        pass
    kw = dict(captured["kwargs"])
    cls = captured["cls"]
    if name.startswith("mobilenetv4_"):
        return mobilenet_v4(name, kw)
    if len(arch_defs) != 1:
        raise NotBuilt("not one arch_def")
    arch = arch_defs[0]
    if arch["group_size"]:
        raise NotBuilt("grouped convolutions")
    for key in ("aa_layer", "layer_scale_init_value"):
        if kw.get(key) is not None:
            raise NotBuilt(key)
    cfg = timm.models.get_pretrained_cfg(name).to_dict()
    act = activation(kw.get("act_layer") or nn.ReLU)
    round_chs = rounding(kw.get("round_chs_fn", builder.round_channels))
    se_from_exp = kw.get("se_from_exp", cls == "MobileNetV3")
    stages = dict(kind="stages", name="blocks", stages=arch["arch"])
    for key, default, ours in (("multiplier", 1.0, "channel_multiplier"), ("divisor", 8, "divisor"),
                               ("round_limit", 0.9, "round_limit")):
        if round_chs[key] != default:
            stages[ours] = round_chs[key]
    if arch["depth_multiplier"] != 1.0:
        stages["depth_multiplier"] = arch["depth_multiplier"]
    if arch["depth_trunc"] != "ceil":
        stages["depth_trunc"] = arch["depth_trunc"]
    if arch["fix_first_last"]:
        stages["fix_first_last"] = True
    stages["se"] = squeeze_excite(kw.get("se_layer"), se_from_exp)
    stem_size = kw.get("stem_size", 16 if cls == "MobileNetV3" else 32)
    if not kw.get("fix_stem", False):
        stem_size = builder.round_channels(stem_size, **{k: v for k, v in round_chs.items()})
    stem = dict(kind="conv", name="conv_stem", kernel=kw.get("stem_kernel_size", 3), stride=2, out=stem_size)
    num_features = kw.get("num_features", 1280)
    if cls == "MobileNetV3":
        head_norm = kw.get("head_norm", False)
        head = [dict(kind="avgpool", name="global_pool"),
                dict(kind="pw", name="conv_head", out=num_features, width="fixed",
                     bias=not head_norm and kw.get("head_bias", True), bn=head_norm)]
    else:
        head = [dict(kind="pw", name="conv_head", out=num_features, width="fixed")] if num_features > 0 else []
        head.append(dict(kind="avgpool", name="global_pool"))
    layers = [stem, stages, *head]
    if cfg.get("num_classes", 1000) > 0:
        layers.append(dict(kind="fc", name="classifier", out="classes"))
    generator = f"{timm.models._registry.model_entrypoint(name).__module__.split('.')[-1]}.py"
    return {
        "name": name,
        "source": f"huggingface/pytorch-image-models, timm/models/{generator} at commit {COMMIT[:7]} (timm {timm.__version__}): {name}, {cls} as its generator builds it",
        "input": {"resolution": cfg["input_size"][1], "channels": cfg["input_size"][0]},
        "classes": cfg.get("num_classes", 1000),
        "activation": act,
        **({"notes": ["TF 'same' padding (timm's tf_ port): output sides ceil(in / stride), as mbn-cost counts every conv; the padding itself is F.pad, no arithmetic."]} if kw.get("pad_type") == "same" else {}),
        "layers": layers,
    }


COMMIT = subprocess.run(["git", "-C", sys.argv[1], "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
names = sorted({n for p in PATTERNS for n in timm.list_models(p)})
models, not_built = {}, {}
for name in names:
    family = next(f for prefix, f in FAMILY if name.startswith(prefix))
    try:
        models[name] = {"family": family, **architecture(name)}
    except NotBuilt as reason:
        not_built[name] = str(reason)
json.dump({"generator": "scripts/timm-catalogue.py", "timm": timm.__version__, "timm_commit": COMMIT,
           "models": models, "not_built": not_built}, sys.stdout, indent=1, ensure_ascii=False)
print()
