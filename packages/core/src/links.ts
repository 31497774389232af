/**
 * Which merchant- or carrier-given URLs a surface may turn into a link. A
 * tracking URL is free text (an app or a staff member types it), so a
 * `javascript:` or `data:` URL must print as text, never become a link. The
 * theme's shipment card holds to the same rule in Liquid (scheme http or https).
 */

/** True for absolute http(s) URLs only. */
export function isWebLink(url: string | null | undefined): url is string {
  if (typeof url !== 'string') return false;
  const colon = url.indexOf(':');
  if (colon < 0) return false;
  // Browsers ignore leading whitespace and control characters before the scheme; so does this check.
  const scheme = url
    .slice(0, colon)
    .replace(/[\u0000-\u0020]/g, '')
    .toLowerCase();
  return (scheme === 'https' || scheme === 'http') && url.slice(colon + 1).startsWith('//');
}
