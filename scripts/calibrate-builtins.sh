#!/bin/sh
# The built-in calibrated hardware profiles (configs/hardware/*.json), each fitted by `mbn-cost calibrate`
# on every row of its stored measurements (data/latency/*.csv, each naming its source and commit).
# test/published/calibrated-hardware.test.ts fits them again and requires the same files.
set -eu
cd "$(dirname "$0")/.."
HOSTED="TFLite hosted models table, Pixel 3, Android 10 (tensorflow/tensorflow tensorflow/lite/g3doc/guide/hosted_models.md at 0406598a59a78fd428b74fdd5e1ee704d17ce05a)"
SLIM="TF-slim MobileNet README, Pixel 1 large core, TF-Lite (tensorflow/models research/slim/nets/mobilenet/README.md at 0ba83cf0211401a8505505276c59418f15338d31)"
fit() { # name, source
  node bin/mbn-cost.js calibrate "data/latency/$1.csv" --name "$1" --source "$2" --out "configs/hardware/$1.json" --force >/dev/null
}
mkdir -p configs/hardware
fit pixel3-cpu-fp32 "$HOSTED: MobileNetV1 float, CPU 4 threads"
fit pixel3-gpu-fp32 "$HOSTED: MobileNetV1 float, GPU delegate"
fit pixel3-nnapi-fp32 "$HOSTED: MobileNetV1 float, NNAPI"
fit pixel3-cpu-int8 "$HOSTED: MobileNetV1 quantized, CPU 4 threads"
fit pixel3-nnapi-int8 "$HOSTED: MobileNetV1 quantized, NNAPI"
fit pixel1-cpu-fp32 "$SLIM: MobileNetV2 float, 22 widths and sides"
