/**
 * What the PyTorch exporter's names say about the module that was exported
 * (torch.onnx.export, torch ≥ 1.13 names nodes by module scope):
 *
 *  - nodes are named `/<module path>/<OpType>[_n]`, e.g.
 *    `/features/features.1/conv/conv.1/Conv`: the scope gives the block;
 *  - a Conv followed by a BatchNorm in eval mode is exported as one Conv whose
 *    weight and bias are new tensors named `onnx::Conv_<n>`, while a Conv left
 *    alone keeps its parameter's name (`features.0.0.weight`);
 *  - a function called in a module's forward (F.adaptive_avg_pool2d in
 *    torchvision's MobileNetV2, x.mean in MNASNet) shares its scope with that
 *    module's other nodes, while a module of its own (nn.AdaptiveAvgPool2d) has
 *    a scope of its own holding only its node.
 *
 * Other exporters name things their own way: there, no BatchNorm counts as
 * folded and every pool as a module (the report says which reading applied).
 */
import type { OnnxGraph, OnnxNode } from "./graph.js";

export const isPytorchExport = (graph: OnnxGraph): boolean => graph.producer.startsWith("pytorch");

/** The scope segments of a node's name, without the op part ([] at the root or for unscoped names). */
export function scopeOf(node: Pick<OnnxNode, "name">): string[] {
  if (!node.name.startsWith("/")) return [];
  return node.name.split("/").filter(Boolean).slice(0, -1);
}

/** The block a node belongs to: the first numbered module on its path (features.3), or its top module. */
export function blockOf(node: Pick<OnnxNode, "name">): string {
  const scope = scopeOf(node);
  return scope.find((s) => /\.\d+$/.test(s)) ?? scope[0] ?? node.name;
}

/** A Conv whose weight the exporter renamed holds a folded BatchNorm (pytorch exports only). */
export const hasFoldedNorm = (weightName: string): boolean => weightName.startsWith("onnx::");

/**
 * Scope → how many nodes it holds, its sub-scopes' included, besides Constants and Pads (nn.AvgPool2d
 * is exported as Pad + AveragePool in the module's own scope). A leaf module's scope holds its node
 * alone; a module whose forward calls a function holds that node and its child modules' nodes
 * (Inception's BasicConv2d: /conv1/conv/Conv, then F.relu as /conv1/Relu).
 */
export function scopeSizes(graph: OnnxGraph): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const node of graph.nodes) {
    if (node.opType === "Constant" || node.opType === "Pad") continue;
    const scope = scopeOf(node);
    for (let depth = 1; depth <= scope.length; depth++) {
      const key = scope.slice(0, depth).join("/");
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
  }
  return sizes;
}

/**
 * A node that is a module of its own (hooks see it), not a function called inside another module's
 * forward: its scope holds it alone, or `nodes` nodes for a module exported as several (a linear on an
 * input of 3 or more dims: its MatMul and its bias's Add).
 */
export function isOwnModule(node: OnnxNode, sizes: ReadonlyMap<string, number>, nodes = 1): boolean {
  const scope = scopeOf(node);
  return scope.length > 0 && sizes.get(scope.join("/")) === nodes;
}
