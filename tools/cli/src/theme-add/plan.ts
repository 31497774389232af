/**
 * `npm run theme:add`: what adding Encore's customer sections to a theme changes, and what removing them restores.
 * A plan is a list of file changes worked out before anything is written, so `--dry-run` prints exactly what a real
 * run does, and a conflict (a file or key Encore does not own) stops the run before any file changes.
 *
 * What Encore owns: the files named `encore-*` in its theme's `sections/`, `snippets/`, `blocks/` and `assets/`;
 * its locale members (`encore` and `sections.encore-…`, see locales.ts); and, while it is added, the
 * `customers/account` and `customers/order` templates, whose originals the manifest keeps.
 */
import fs from 'node:fs';
import path from 'node:path';
import { emptyManifest, MANIFEST_FILE, manifestText, readManifest, type Manifest } from './manifest.ts';
import { ownedMembers, pathKey, removeMember, sameValue, setMember, valueAt } from './locales.ts';

export interface FileChange {
  /** Theme-relative path. */
  file: string;
  /** Text to write, or null to delete the file. */
  content: string | null;
  /** One line for the user, without the file name: "added", "updated", "merged encore.* (…)". */
  what: string;
}

export interface Plan {
  changes: FileChange[];
  /** What was left alone and why (a language the theme does not have). */
  notes: string[];
}

/** A file or key in the way that Encore does not own: nothing is written. */
export class ThemeAddConflict extends Error {}

const FOLDERS = ['sections', 'snippets', 'blocks', 'assets'];
const TEMPLATES = ['customers/account', 'customers/order'];

/** Encore's own files in its theme, theme-relative, the manifest left out. */
export function encoreFiles(encoreDir: string): string[] {
  return FOLDERS.flatMap((folder) => {
    const dir = path.join(encoreDir, folder);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((name) => name.startsWith('encore-') && `${folder}/${name}` !== MANIFEST_FILE)
      .sort()
      .map((name) => `${folder}/${name}`);
  });
}

const read = (dir: string, file: string): string | undefined => {
  const full = path.join(dir, file);
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
};

export function planAdd(themeDir: string, encoreDir: string): Plan {
  if (path.resolve(themeDir) === path.resolve(encoreDir)) throw new ThemeAddConflict("that is Encore's own theme: name the theme to add Encore's sections to");
  const previous = readManifest(themeDir);
  const manifest: Manifest = previous ? structuredClone(previous) : emptyManifest();
  const changes: FileChange[] = [];
  const notes: string[] = [];

  // Files: add or update Encore's; a file by that name that Encore did not add is the merchant's.
  const shipped = encoreFiles(encoreDir);
  for (const file of shipped) {
    const ours = read(encoreDir, file)!;
    const theirs = read(themeDir, file);
    if (theirs !== undefined && !previous?.files.includes(file))
      throw new ThemeAddConflict(`${file} is already in the theme and Encore did not add it: rename or remove it first`);
    if (theirs !== ours) changes.push({ file, content: ours, what: theirs === undefined ? 'added' : 'updated' });
  }

  // Locale files: Encore's members merged into the theme's file for the same language.
  const created: string[] = [];
  const hostLocales = fs.existsSync(path.join(themeDir, 'locales')) ? fs.readdirSync(path.join(themeDir, 'locales')) : [];
  for (const encoreFile of fs
    .readdirSync(path.join(encoreDir, 'locales'))
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const target = hostLocaleFor(encoreFile, hostLocales);
    // A theme with no schema translations at all gets Encore's default ones as its file, so the sections' settings have names.
    const createdBefore = previous?.files.includes(`locales/${encoreFile}`) ?? false;
    if (createdBefore || (!target && encoreFile.endsWith('.default.schema.json') && !hostLocales.some((name) => name.endsWith('.default.schema.json')))) {
      const file = `locales/${encoreFile}`;
      const ours = read(encoreDir, file)!;
      const theirs = read(themeDir, file);
      if (theirs !== ours) changes.push({ file, content: ours, what: theirs === undefined ? 'added (the theme had no schema translations)' : 'updated' });
      created.push(file);
      continue;
    }
    if (!target) {
      notes.push(
        `locales/${encoreFile}: the theme has no ${languageOf(encoreFile)} ${encoreFile.endsWith('.schema.json') ? 'schema ' : ''}locale file, so Encore's ${languageOf(encoreFile)} words are not added`,
      );
      continue;
    }
    const file = `locales/${target}`;
    const owned = new Set(previous?.locales[file] ?? []);
    let text = read(themeDir, file)!;
    const before = text;
    const added: string[] = [];
    for (const { path: member, value } of ownedMembers(JSON.parse(read(encoreDir, `locales/${encoreFile}`)!))) {
      const current = valueAt(text, member);
      if (current !== undefined && !owned.has(pathKey(member)))
        throw new ThemeAddConflict(`${file} already has "${pathKey(member)}", which Encore did not add`);
      if (!sameValue(current, value)) text = setMember(text, member, value);
      added.push(pathKey(member));
    }
    // A member an older Encore added that this one no longer has.
    for (const key of owned) if (!added.includes(key)) text = removeMember(text, key.split('.'));
    manifest.locales[file] = added;
    if (text !== before)
      changes.push({
        file,
        content: text,
        what: `merged ${added.join(', ')}${target.startsWith(languageOf(encoreFile)) ? '' : ` (Encore's ${languageOf(encoreFile)} words: the theme's default language has no file of Encore's)`}`,
      });
  }

  for (const file of previous?.files ?? []) {
    if (![...shipped, ...created].includes(file) && read(themeDir, file) !== undefined)
      changes.push({ file, content: null, what: 'removed (Encore no longer ships it)' });
  }
  manifest.files = [...shipped, ...created];

  // Templates: point the customer pages at Encore's sections; the manifest keeps what was there.
  for (const template of TEMPLATES) {
    const json = `templates/${template}.json`;
    const liquid = `templates/${template}.liquid`;
    const ours = read(encoreDir, json);
    if (ours === undefined) continue;
    const current = read(themeDir, json);
    if (current === ours) continue;
    if (!Object.hasOwn(manifest.templates, json)) manifest.templates[json] = current ?? null;
    changes.push({
      file: json,
      content: ours,
      what: `points at Encore's ${sectionsOf(ours).join(', ')} (the original is kept in ${MANIFEST_FILE} for --remove)`,
    });
    // Shopify serves one template per page: a Liquid one gives way to the JSON one, kept for --remove.
    const liquidText = read(themeDir, liquid);
    if (liquidText !== undefined) {
      if (!Object.hasOwn(manifest.templates, liquid)) manifest.templates[liquid] = liquidText;
      changes.push({ file: liquid, content: null, what: `removed: ${json} replaces it (kept in ${MANIFEST_FILE} for --remove)` });
    }
  }

  const text = manifestText(manifest);
  if (read(themeDir, MANIFEST_FILE) !== text)
    changes.push({ file: MANIFEST_FILE, content: text, what: previous ? 'updated' : 'added: what Encore changed, so --remove can restore the theme' });
  return { changes, notes };
}

export function planRemove(themeDir: string): Plan {
  const manifest = readManifest(themeDir);
  if (!manifest) return { changes: [], notes: [`no ${MANIFEST_FILE}: Encore's sections are not in this theme`] };
  const changes: FileChange[] = [];
  for (const file of manifest.files) if (read(themeDir, file) !== undefined) changes.push({ file, content: null, what: 'removed' });
  for (const [file, keys] of Object.entries(manifest.locales)) {
    const before = read(themeDir, file);
    if (before === undefined) continue;
    let text = before;
    for (const key of keys) if (valueAt(text, key.split('.')) !== undefined) text = removeMember(text, key.split('.'));
    if (text !== before) changes.push({ file, content: text, what: `took out ${keys.join(', ')}` });
  }
  for (const [file, original] of Object.entries(manifest.templates)) {
    if (read(themeDir, file) === (original ?? undefined)) continue;
    changes.push({ file, content: original, what: original === null ? 'removed (the theme had none)' : 'restored' });
  }
  changes.push({ file: MANIFEST_FILE, content: null, what: 'removed' });
  return { changes, notes: [] };
}

/** Writes a plan's changes. */
export function applyPlan(themeDir: string, plan: Plan): void {
  for (const change of plan.changes) {
    const full = path.join(themeDir, change.file);
    if (change.content === null) {
      fs.rmSync(full, { force: true });
    } else {
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, change.content);
    }
  }
}

/** `da` of `da.json`, `en` of `en.default.schema.json`. */
function languageOf(localeFile: string): string {
  return localeFile.replace(/(\.default)?(\.schema)?\.json$/, '');
}

/**
 * The theme's locale file for the language of Encore's `encoreFile`, of the same kind (storefront or schema). For
 * Encore's default language (English) a theme without that language gets the words in its own default file, so
 * the sections never show "translation missing".
 */
function hostLocaleFor(encoreFile: string, hostFiles: string[]): string | undefined {
  const schema = encoreFile.endsWith('.schema.json');
  const language = languageOf(encoreFile);
  const ofKind = hostFiles.filter((name) => name.endsWith('.json') && name.endsWith('.schema.json') === schema);
  const same = ofKind.find((name) => languageOf(name) === language);
  if (same) return same;
  return encoreFile.includes('.default.') ? ofKind.find((name) => name.includes('.default.')) : undefined;
}

function sectionsOf(templateText: string): string[] {
  const json = JSON.parse(templateText) as { sections?: Record<string, { type?: string }> };
  return Object.values(json.sections ?? {}).map((section) => String(section.type));
}
