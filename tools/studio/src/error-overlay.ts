/**
 * What a render error looks like in the studio: a page (status 500) naming the theme file, the line and the
 * message, with the lines around it, instead of a blank page or a stack trace. Everything shown is escaped: the
 * message can quote the template, and the template can quote customer data. The page carries the live-reload
 * script like any other, so saving the fix brings the real page back.
 */
import { escapeHtml } from '@encore/liquid/filters/html.ts';
import { ThemeError } from '@encore/liquid/errors.ts';
import type { Storefront } from './storefront.ts';

const CONTEXT_LINES = 3;

export function errorOverlay(storefront: Storefront, error: unknown, requestLine: string): string {
  const themeError = error instanceof ThemeError ? error : undefined;
  const file = themeError?.file;
  const line = themeError?.line;
  const detail = themeError?.detail ?? (error as Error)?.message ?? String(error);
  const where = file ? `${file}${line ? `:${line}` : ''}` : 'the theme';
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>Liquid error in ${escapeHtml(where)}</title><style>${STYLE}</style></head><body>` +
    '<main class="encore-error" role="alert">' +
    `<h1>Liquid error in <code class="encore-error__where">${escapeHtml(where)}</code></h1>` +
    `<p class="encore-error__message">${escapeHtml(detail)}</p>` +
    (file && line ? excerpt(storefront, file, line) : '') +
    `<p class="encore-error__request">While rendering <code>${escapeHtml(requestLine)}</code>. Save the fix and this page reloads.</p>` +
    '</main></body></html>'
  );
}

/** The lines around the error, numbered, the error's own line marked. */
function excerpt(storefront: Storefront, file: string, line: number): string {
  let source: string | undefined;
  try {
    source = storefront.theme.read(file);
  } catch {
    source = undefined;
  }
  if (source === undefined) return '';
  const lines = source.split('\n');
  const first = Math.max(1, line - CONTEXT_LINES);
  const last = Math.min(lines.length, line + CONTEXT_LINES);
  const rows: string[] = [];
  for (let number = first; number <= last; number++) {
    const mark = number === line ? ' class="encore-error__line"' : '';
    rows.push(`<span${mark}>${String(number).padStart(4)}  ${escapeHtml(lines[number - 1])}</span>`);
  }
  return `<pre class="encore-error__source">${rows.join('\n')}</pre>`;
}

const STYLE =
  'body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#fff4f4;color:#1f1f1f}' +
  '.encore-error{max-width:60rem;margin:0 auto;padding:2rem 1rem}h1{font-size:1.4rem;color:#8a1c1c}' +
  '.encore-error__source{background:#fff;border:1px solid #e0b4b4;padding:.75rem;overflow:auto;font-size:.85rem}' +
  '.encore-error__line{display:inline-block;width:100%;background:#ffe0e0;font-weight:bold}';
