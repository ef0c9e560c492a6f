/** The one averaging rule every level of the roll-up shares. */

export interface Mean {
  readonly value: number;
  /** Σ w·p, or Σ p when the plain mean was used. */
  readonly numerator: number;
  /** Σ w, or the count when the plain mean was used. */
  readonly denominator: number;
  /** True when every weight was 0 and the plain mean stood in for the weighted one. */
  readonly plain: boolean;
}

const EMPTY: Mean = { value: 0, numerator: 0, denominator: 0, plain: false };

/**
 * Σ wᵢ·pᵢ / Σ wᵢ over parallel arrays. When Σ wᵢ is 0 (every part weighted 0) the plain mean
 * is used instead, so that zero weights never turn progress into 0/0; no parts gives 0.
 */
export function computeWeightedMean(values: readonly number[], weights: readonly number[]): Mean {
  const n = values.length;
  if (n === 0) return EMPTY;
  let sum = 0;
  let weighted = 0;
  let totalWeight = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = values[i]!;
    const w = weights[i]!;
    if (p < min) min = p;
    if (p > max) max = p;
    sum += p;
    weighted += w * p;
    totalWeight += w;
  }
  // Weights near the largest double overflow Σ w·p to Infinity (and Infinity / Infinity is
  // NaN): then the same mean is taken over the weights scaled by the largest one.
  if (!Number.isFinite(weighted) || !Number.isFinite(totalWeight)) return scaledMean(values, weights, min, max);
  // A mean lies between its parts; pinning it there keeps float noise from leaving that range.
  if (totalWeight > 0) return { value: pin(weighted / totalWeight, min, max), numerator: weighted, denominator: totalWeight, plain: false };
  return { value: pin(sum / n, min, max), numerator: sum, denominator: n, plain: true };
}

function scaledMean(values: readonly number[], weights: readonly number[], min: number, max: number): Mean {
  let top = 0;
  for (const w of weights) if (w > top) top = w;
  let weighted = 0;
  let totalWeight = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i]! / top;
    weighted += w * values[i]!;
    totalWeight += w;
  }
  return { value: pin(weighted / totalWeight, min, max), numerator: weighted * top, denominator: totalWeight * top, plain: false };
}

/** The plain mean of `values`; 0 when there are none. */
export function computeMean(values: readonly number[]): number {
  if (values.length === 0) return 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return pin(sum / values.length, min, max);
}

function pin(x: number, min: number, max: number): number {
  return x < min ? min : x > max ? max : x;
}
