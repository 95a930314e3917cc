import v8 from 'node:v8';

/**
 * Lets V8 grow this process's heap to at most twice what is live after each full collection,
 * where by default it may let it reach four times. An import makes a document's worth of
 * short-lived garbage per comment, so the default turned ~45 MB live into ~340 MB resident on a
 * 100,000-comment blog; this keeps it near 245 MB for a few percent more time (measured with
 * `npm run bench:import`). For the CLI's own process only, which ends with the import; the server
 * keeps V8's defaults. V8 reads the flag at every full collection, so setting it now takes effect.
 */
export function growHeapSparingly(): void {
  v8.setFlagsFromString('--heap-growing-percent=100');
}
