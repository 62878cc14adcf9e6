/**
 * A full garbage collection on demand, for the few places that make a lot of garbage at once while much stays
 * live: between sections of a long document, and while its record of hundreds of megabytes is written. V8 lets
 * the heap of a process whose live set is large grow far past that set before collecting, so without this the
 * peak of a 20 MB document ran to well over 1 GB. A fraction of a second per call.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let collector: (() => void) | null | undefined;

/** Collects now. `gc` is reached through a fresh context once the flag is set (the main one was made without it). */
export function collectGarbage(): void {
  if (collector === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collector = vm.runInNewContext('gc') as () => void;
    } catch {
      collector = null;
    }
  }
  collector?.();
}
