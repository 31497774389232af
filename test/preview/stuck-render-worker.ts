/**
 * A render worker for the pool's tests: the login page never finishes (the worker spins), any other page answers
 * "rendered" at once.
 */
import { parentPort } from 'node:worker_threads';

parentPort!.on('message', (message: { type: string; id: number; job: { page?: { template: string } } }) => {
  if (message.type !== 'job') return;
  if (message.job.page?.template === 'customers/login') for (;;);
  parentPort!.postMessage({
    id: message.id,
    response: { status: 200, contentType: 'text/html; charset=utf-8', body: 'rendered', missingTranslations: [], untranslated: [], errors: [] },
  });
});
parentPort!.postMessage({ ready: true });
