/**
 * A render worker (render-pool.ts): the studio's store and theme, rendering the jobs it is sent one at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Store } from '@encore/fixtures/types.ts';
import { Storefront } from './storefront.ts';
import { runJob, sentError, type RenderJob } from './render-jobs.ts';

const { themeDir } = workerData as { themeDir: string; store: Store };
let storefront = new Storefront({ themeDir, store: (workerData as { store: Store }).store });
let stopWatching = storefront.theme.watch();

parentPort!.on('message', (message: { type: 'store'; store: Store } | { type: 'job'; id: number; job: RenderJob }) => {
  if (message.type === 'store') {
    stopWatching();
    storefront = new Storefront({ themeDir, store: message.store });
    stopWatching = storefront.theme.watch();
    return;
  }
  runJob(storefront, message.job).then(
    (response) => parentPort!.postMessage({ id: message.id, response }),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: sentError(error) }),
  );
});

parentPort!.postMessage({ ready: true });
