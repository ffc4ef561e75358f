/**
 * How many of the first `list.length` keys — in ascending order, `key(i)` the
 * i-th — are at most `value` (binary search): the index of the first key above it.
 */
export function countAtMost(list: { length: number }, key: (i: number) => number, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(mid) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
