/**
 * What the studio tells a theme developer on the page itself: the Liquid errors the page printed inline (as a
 * storefront prints them, the page goes on) and a store fixture that failed to reload. A bar at the top of the
 * page lists each with its file and line; everything in it is escaped, since a message can quote a template or
 * customer data. Pages without a problem are unchanged.
 */
import { escapeHtml } from '@encore/liquid/filters/html.ts';
import type { PageError } from '@encore/liquid/theme/page.ts';

export interface PageProblems {
  errors?: PageError[];
  /** The fixture edit that did not load, with why: the page shows the last store that did. */
  store?: string;
}

export function withProblemsBanner(html: string, problems: PageProblems): string {
  const items = [
    ...(problems.store ? [`<li>${escapeHtml(problems.store)}</li>`] : []),
    ...(problems.errors ?? []).map((error) => `<li><code>${escapeHtml(where(error))}</code> ${escapeHtml(error.message)}</li>`),
  ];
  if (!items.length) return html;
  const count = problems.errors?.length ?? 0;
  const heading = [
    count ? `${count} Liquid error${count === 1 ? '' : 's'} on this page (printed where they happened, as a storefront does)` : '',
    problems.store ? 'The store fixture did not reload' : '',
  ]
    .filter(Boolean)
    .join('; ');
  const banner =
    `<aside class="encore-studio-problems" role="alert" aria-label="Studio: problems on this page" style="${STYLE}">` +
    `<p style="margin:0 0 4px;font-weight:bold">${escapeHtml(heading)}</p><ul style="margin:0;padding-left:20px">${items.join('')}</ul></aside>`;
  const body = /<body[^>]*>/i.exec(html);
  if (!body) return `${banner}${html}`;
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}${banner}${html.slice(at)}`;
}

function where(error: PageError): string {
  return `${error.file ?? 'the theme'}${error.line ? `:${error.line}` : ''}:`;
}

/** Inline, in px: the banner must read the same inside any theme, whatever its root size or styles. */
const STYLE =
  'position:relative;z-index:2147483647;margin:0;padding:8px 16px;background:#fff4f4;color:#5c1010;' +
  'border-bottom:2px solid #8a1c1c;font:14px/1.4 system-ui,sans-serif;overflow-wrap:anywhere';
