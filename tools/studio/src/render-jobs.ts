/**
 * The Liquid renders the studio serves, as jobs a render worker (render-worker.ts) or this thread runs the same
 * way: a customer page (or its Section Rendering answer), and the Product Recommendations section.
 */
import type { PageResponse } from '@encore/liquid/theme/page.ts';
import { ThemeError } from '@encore/liquid/errors.ts';
import { NotFoundError, type CustomerPage, type Storefront } from './storefront.ts';
import { recommendationsSection, type RecommendationsRequest } from './recommendations.ts';

export type RenderJob =
  | { kind: 'page'; page: CustomerPage; locale?: string; query: string; host: string }
  | { kind: 'recommendations'; request: RecommendationsRequest; locale: string; host: string };

/** What renders the studio's pages: a pool of workers (render-pool.ts), or this thread. */
export interface PageRenderer {
  run(job: RenderJob): Promise<PageResponse>;
}

export function runJob(storefront: Storefront, job: RenderJob): Promise<PageResponse> {
  if (job.kind === 'page') return storefront.render(job.page, { locale: job.locale, query: new URLSearchParams(job.query), host: job.host });
  return recommendationsSection(storefront, job.request, job.locale, job.host);
}

/** Renders on this thread: `npm run render`, and the studio when it has no worker. */
export const onThisThread = (storefront: () => Storefront): PageRenderer => ({ run: (job) => runJob(storefront(), job) });

/** An error as it crosses from a worker: what the studio's answers read of it. */
export interface SentError {
  name: string;
  message: string;
  theme?: { file?: string; line?: number; detail: string; notFound: boolean };
}

export function sentError(error: unknown): SentError {
  const base = error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
  if (!(error instanceof ThemeError)) return base;
  return { ...base, theme: { file: error.file, line: error.line, detail: error.detail, notFound: error instanceof NotFoundError } };
}

export function receivedError(sent: SentError): Error {
  if (sent.theme) {
    const { file, line, detail, notFound } = sent.theme;
    return notFound ? new NotFoundError(file, line, detail) : new ThemeError(file, line, detail);
  }
  const error = new Error(sent.message);
  error.name = sent.name;
  return error;
}
