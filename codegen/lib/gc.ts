/**
 * A full garbage collection on request. Node gives `gc()` only with
 * `--expose-gc`; setting the flag at run time exposes it to contexts made
 * afterwards, so it is taken from a new one (once).
 *
 * The pipeline calls it when a large part of its heap has just become
 * garbage and this thread has nothing better to do (pipeline.ts): V8 would
 * otherwise keep those pages until its next major collection, and a large
 * spec's process peak is this thread's heap beside the schema worker's.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
