/** @file A small deterministic generator for property tests, so a failure names a seed that reproduces it. */

/** xorshift32: numbers in [0, 1) from a seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}
