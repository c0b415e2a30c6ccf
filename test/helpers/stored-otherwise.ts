/**
 * torchvision models whose exported graphs do not hold their parameters as torch keeps them: our count
 * is the file's, and the difference (ours − torch's) is pinned here with its reason, for every test that
 * compares a graph's parameters with torch's or a peer tool's.
 *
 * - Relative position biases (Swin, MaxViT): each attention's (2·7 − 1)² × h table is exported already
 *   gathered into h × 49 × 49 (an initializer the exporter computed): (2401 − 169)·h more per attention.
 * - Conv biases before BatchNorms (VGG-BN): the exporter folds each conv and its BatchNorm into one conv
 *   with one bias, so the conv's own bias (one per output channel) is not in the file.
 */
const gatheredBias = (headsOverAttentions: number) => (49 * 49 - 13 * 13) * headsOverAttentions;
const foldedConvBiases = (channels: readonly number[]) => -channels.reduce((a, b) => a + b, 0);

/** Auxiliary classifiers run in training only: an eval-mode export leaves them out (torch's count of them). */
export const AUXILIARY: Readonly<Record<string, number>> = { googlenet: -6379984, inception_v3: -3326696 };
export const STORED_OTHERWISE: Readonly<Record<string, number>> = {
  // heads × blocks: [3, 6, 12, 24] × [2, 2, 6, 2]; swin_s and swin_b have 18 blocks in stage 3
  swin_t: gatheredBias(3 * 2 + 6 * 2 + 12 * 6 + 24 * 2),
  swin_s: gatheredBias(3 * 2 + 6 * 2 + 12 * 18 + 24 * 2),
  swin_b: gatheredBias(4 * 2 + 8 * 2 + 16 * 18 + 32 * 2),
  // two attentions (block and grid) per block, [2, 2, 5, 2] blocks, 2, 4, 8 and 16 heads
  maxvit_t: gatheredBias(2 * (2 * 2 + 4 * 2 + 8 * 5 + 16 * 2)),
  vgg11_bn: foldedConvBiases([64, 128, 256, 256, 512, 512, 512, 512]),
  vgg13_bn: foldedConvBiases([64, 64, 128, 128, 256, 256, 512, 512, 512, 512]),
  vgg16_bn: foldedConvBiases([64, 64, 128, 128, ...Array(3).fill(256), ...Array(6).fill(512)]),
  vgg19_bn: foldedConvBiases([64, 64, 128, 128, ...Array(4).fill(256), ...Array(8).fill(512)]),
};
