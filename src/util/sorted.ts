/** Sorted insertion point of `x` in an ascending array: the number of values below `x`. */
export function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Index of the first item starting at or after `offset`, in items sorted by `start` (tokens, mentions). */
export function firstStartingAt(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}
