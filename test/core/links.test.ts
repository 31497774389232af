import { describe, expect, it } from 'vitest';
import { isWebLink } from '@encore/core/links.ts';

describe('isWebLink', () => {
  it('accepts absolute http and https URLs', () => {
    expect(isWebLink('https://www.ups.com/track?tracknum=1Z999AA10123456784')).toBe(true);
    expect(isWebLink('HTTP://tracking.postnord.com/dk/?id=1')).toBe(true);
  });

  it('refuses script, data and relative URLs, and nothing at all', () => {
    expect(isWebLink('javascript:window.__encoreInjected=1')).toBe(false);
    expect(isWebLink(' JavaScript:alert(1)')).toBe(false);
    expect(isWebLink('java\tscript:alert(1)')).toBe(false);
    expect(isWebLink('data:text/html,<script>1</script>')).toBe(false);
    expect(isWebLink('/track/1Z')).toBe(false);
    expect(isWebLink('https:evil')).toBe(false);
    expect(isWebLink('')).toBe(false);
    expect(isWebLink(null)).toBe(false);
    expect(isWebLink(undefined)).toBe(false);
  });
});
