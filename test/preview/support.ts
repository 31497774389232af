import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStudio, type Studio, type StudioOptions } from '@encore/studio/studio.ts';

/** A studio on a free port, its warnings kept instead of printed and its backend's request log dropped. */
export async function studioFor(
  options: StudioOptions = {},
): Promise<Studio & { warnings: string[]; get: (path: string, init?: RequestInit) => Promise<Page> }> {
  const warnings: string[] = [];
  const studio = await startStudio({ port: 0, warn: (line) => warnings.push(line), log: () => {}, ...options });
  const get = async (url: string, init?: RequestInit): Promise<Page> => {
    const response = await fetch(new URL(url, studio.url), init);
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  };
  return Object.assign(studio, { warnings, get });
}

export interface Page {
  status: number;
  type: string | null;
  body: string;
}

/** A throwaway copy of the repository's theme, to edit. */
export function themeCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-studio-theme-'));
  fs.cpSync(new URL('../../theme', import.meta.url), dir, { recursive: true });
  return dir;
}
