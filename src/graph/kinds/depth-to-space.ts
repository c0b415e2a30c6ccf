/** Channels moved into space and back (ONNX DepthToSpace: C/b²×H·b×W·b; SpaceToDepth the reverse). */
import { formatDims } from "../dims.js";
import { defineOpKind } from "../op-kind.js";

export interface DepthToSpaceAttrs {
  readonly op: "DepthToSpace" | "SpaceToDepth";
  readonly blocksize: number;
}

export const depthToSpace = defineOpKind<DepthToSpaceAttrs>()({
  kind: "depth-to-space",
  title: "depth to space",
  infer: ({ op, blocksize: b }, [x]) => {
    if (!x) return "needs its data";
    if (x.dims.length !== 4) return `data ${formatDims(x.dims)}: N×C×H×W expected`;
    if (!Number.isSafeInteger(b) || b < 1) return `blocksize ${b}: a whole number ≥ 1`;
    const [n, c, h, w] = x.dims as [number, number, number, number];
    if (op === "DepthToSpace") {
      if (c % (b * b) !== 0) return `${c} channels do not divide into blocks of ${b}×${b}`;
      return [{ dims: [n, c / (b * b), h * b, w * b], dtype: x.dtype }];
    }
    if (h % b !== 0 || w % b !== 0) return `${h}×${w} does not divide into blocks of ${b}×${b}`;
    return [{ dims: [n, c * b * b, h / b, w / b], dtype: x.dtype }];
  },
});
