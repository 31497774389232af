/**
 * The studio renders Liquid on worker threads, so a page that takes long (a theme's loop over a million items)
 * holds one worker, not the server: assets, the backend, live reload and the other pages go on being served.
 * A render stops at its budget (tools/liquid/src/ruby/budget.ts); a worker that does not answer long after that,
 * or runs out of its memory cap, is ended (its memory goes with it) and a new one takes the next job.
 *
 * Workers start on first use, up to WORKERS; each keeps the store (sent again on a fixture edit) and the theme
 * (watched, so an edit is seen there too). Should a worker not start at all, the studio renders on its own thread
 * and says so once.
 */
import { Worker } from 'node:worker_threads';
import type { PageResponse } from '@encore/liquid/theme/page.ts';
import { RENDER_BUDGET } from '@encore/liquid/ruby/budget.ts';
import { ThemeError } from '@encore/liquid/errors.ts';
import type { Store } from '@encore/fixtures/types.ts';
import { receivedError, runJob, type PageRenderer, type RenderJob, type SentError } from './render-jobs.ts';
import type { Storefront } from './storefront.ts';

/** Two: a page held by a slow render leaves the other worker for the next page. */
export const WORKERS = 2;
/** How long past the render budget a worker may take before it is ended. */
const GRACE_MS = 10_000;
/** Each worker's heap: a render that needs more ends its worker, not the studio. */
const WORKER_HEAP_MB = 512;

const WORKER_ENTRY = new URL('./render-worker.ts', import.meta.url);

interface Pending {
  job: RenderJob;
  resolve: (response: PageResponse) => void;
  reject: (error: Error) => void;
}

interface Running {
  worker: Worker;
  /** It loaded the engine and the store (its first message says so). */
  ready: boolean;
  /** The job it renders now, if any. */
  current?: { id: number; pending: Pending; timer: NodeJS.Timeout };
}

export class RenderPool implements PageRenderer {
  private readonly running: Running[] = [];
  private readonly queue: Pending[] = [];
  private store: Store;
  private nextId = 0;
  private closed = false;
  private failedToStart = false;

  private readonly entry: URL;
  private readonly graceMs: number;

  constructor(
    private readonly themeDir: string,
    private readonly storefront: () => Storefront,
    private readonly warn: (line: string) => void,
    /** Tests give a worker of their own, and the time past the budget before a worker is ended. */
    options: { entry?: URL; graceMs?: number } = {},
  ) {
    this.store = storefront().store;
    this.entry = options.entry ?? WORKER_ENTRY;
    this.graceMs = options.graceMs ?? GRACE_MS;
  }

  /** A fixture edit loaded: every worker renders with this store from its next job on. */
  setStore(store: Store): void {
    this.store = store;
    for (const { worker } of this.running) worker.postMessage({ type: 'store', store });
  }

  run(job: RenderJob): Promise<PageResponse> {
    if (this.failedToStart || this.closed) return runJob(this.storefront(), job);
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const closing = new ThemeError(undefined, undefined, 'the studio closed before the page rendered');
    for (const pending of this.queue.splice(0)) pending.reject(closing);
    await Promise.all(
      this.running.splice(0).map(({ worker, current }) => {
        if (current) {
          clearTimeout(current.timer);
          current.pending.reject(closing);
        }
        return worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const idle = this.running.find((candidate) => !candidate.current) ?? (this.running.length < WORKERS ? this.spawn() : undefined);
      if (!idle) return;
      const pending = this.queue.shift()!;
      const id = this.nextId++;
      const limit = RENDER_BUDGET.milliseconds + this.graceMs;
      const timer = setTimeout(() => this.end(idle, `the render did not finish within ${limit / 1000} s`), limit);
      idle.current = { id, pending, timer };
      idle.worker.postMessage({ type: 'job', id, job: pending.job });
    }
  }

  private spawn(): Running {
    const worker = new Worker(this.entry, {
      // The worker runs the same TypeScript sources: tsx, as `npm start` itself runs.
      execArgv: ['--import', 'tsx'],
      workerData: { themeDir: this.themeDir, store: this.store },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    worker.unref();
    const running: Running = { worker, ready: false };
    worker.on('message', (message: { ready?: true; id?: number; response?: PageResponse; error?: SentError }) => {
      if (message.ready) return void (running.ready = true);
      const current = running.current;
      if (!current || current.id !== message.id) return;
      clearTimeout(current.timer);
      running.current = undefined;
      if (message.error) current.pending.reject(receivedError(message.error));
      else current.pending.resolve(message.response!);
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) =>
      this.end(running, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `the render needed more than ${WORKER_HEAP_MB} MB` : error.message, error),
    );
    worker.on('exit', () => this.end(running, 'the render worker stopped'));
    this.running.push(running);
    return running;
  }

  /** Ends a worker and fails its job; the next job gets a new worker. */
  private end(running: Running, reason: string, error?: Error): void {
    const index = this.running.indexOf(running);
    if (index === -1) return;
    this.running.splice(index, 1);
    void running.worker.terminate();
    const current = running.current;
    running.current = undefined;
    if (current) clearTimeout(current.timer);
    if (!running.ready) {
      // A worker that could not even load: its job and every later one render on this thread.
      this.failedToStart = true;
      this.warn(`The studio renders pages on its own thread: a render worker did not start (${error?.message ?? reason}).`);
      for (const pending of [...(current ? [current.pending] : []), ...this.queue.splice(0)]) {
        runJob(this.storefront(), pending.job).then(pending.resolve, pending.reject);
      }
      return;
    }
    current?.pending.reject(new ThemeError(undefined, undefined, `${reason}; the studio ended that render and serves on`));
    this.dispatch();
  }
}
