/**
 * Writes store.schema.json from schema.ts so editors can validate and
 * complete fixtures (`"$schema": "./store.schema.json"`). schema.ts stays the
 * source; a test fails when the JSON copy is stale.
 * Run: npx tsx scripts/store/write-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { storeSchema } from './schema.ts';
import { besideModule } from '../paths.ts';

export const SCHEMA_FILE = besideModule(import.meta.url, 'store.schema.json');

export function schemaJson(): string {
  return `${JSON.stringify(storeSchema, null, 2)}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(SCHEMA_FILE, schemaJson());
  console.log(`wrote ${SCHEMA_FILE}`);
}
