/** Stage timings for `generate --timings` and the benchmark's per-stage breakdown. */
export type Timings = Record<string, number>;

export function timer(into: Timings) {
  return async function time<T>(stage: string, fn: () => T | Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      into[stage] = (into[stage] ?? 0) + performance.now() - start;
    }
  };
}

/** The same for synchronous work. */
export function syncTimer(into: Timings) {
  return function time<T>(stage: string, fn: () => T): T {
    const start = performance.now();
    try {
      return fn();
    } finally {
      into[stage] = (into[stage] ?? 0) + performance.now() - start;
    }
  };
}
