/**
 * Scratch memory for compiling a ledger, kept between compiles by a weak reference. A large new ArrayBuffer
 * counts as external memory, and V8 answers some tens of MB of it with a full collection over the whole heap;
 * with a million-row ledger's cells on the heap that collection costs more than the compile itself. Handing the
 * next compile the previous one's buffers (a recalculation after an edit compiles again) avoids it, and the weak
 * reference lets the collector take them back whenever it runs with nothing using them.
 *
 * Only for temporaries that die before the compile returns: the compiled columns are always new memory.
 */
const slots = new Map<string, WeakRef<ArrayBuffer>>();

/** Below this a buffer is simply allocated (small allocations cause no collection). */
const POOL_FROM = 1 << 20;

/** A buffer of at least `bytes` for the temporary `name` (contents undefined: write before reading). */
export function scratchBuffer(name: string, bytes: number): ArrayBuffer {
  if (bytes < POOL_FROM) return new ArrayBuffer(bytes);
  const kept = slots.get(name)?.deref();
  // Reuse when large enough but not wastefully larger (a small ledger after a huge one takes fresh memory).
  if (kept && kept.byteLength >= bytes && kept.byteLength <= 4 * bytes) return kept;
  const b = new ArrayBuffer(bytes);
  slots.set(name, new WeakRef(b));
  return b;
}
