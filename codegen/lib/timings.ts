/** Stage timings for `generate --timings` and the benchmark's per-stage breakdown. */
export type Timings = Record<string, number>;

/**
 * `time(stage, fn)` runs `fn` and adds its duration to `into[stage]`: until it
 * returns, or, when it returns a promise, until that settles. The result is
 * passed through unchanged (sync stays sync).
 */
export function timer(into: Timings) {
  return function time<T>(stage: string, fn: () => T): T {
    const start = performance.now();
    const record = () => {
      into[stage] = (into[stage] ?? 0) + performance.now() - start;
    };
    let result: T;
    try {
      result = fn();
    } catch (error) {
      record();
      throw error;
    }
    if (result instanceof Promise) return result.finally(record) as T;
    record();
    return result;
  };
}
