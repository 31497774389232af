import fs from 'node:fs';
import path from 'node:path';
import type { Liquid, Template } from 'liquidjs';
import { createLiquid } from '../liquid.ts';
import { ThemeError, toThemeError } from '../errors.ts';
import { parseThemeJson, lineAndColumn } from './json.ts';
import { colorSchemeGroup, typedSetting, type ColorSchemeGroup } from './setting-types.ts';
import { deferNotEmulatedFilters, filterCatalog } from '../reference.ts';
import { remember } from '../filters/bounded-cache.ts';

/** Names that are no file in the theme, remembered at once (the studio's asset route takes any name). */
export const MAX_MISSES = 1_000;

export interface SettingSchema {
  id?: string;
  type: string;
  default?: unknown;
  label?: string;
}

export interface BlockSchema {
  type: string;
  name?: string;
  settings?: SettingSchema[];
}

/** What a section or theme block declares in `{% schema %}`. */
export interface SectionSchema {
  name?: string;
  tag?: string;
  class?: string;
  settings?: SettingSchema[];
  blocks?: BlockSchema[];
}

const SCHEMA_TAG = /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/;

/**
 * A theme directory as Shopify's servers read it: Liquid files parsed once and
 * kept until a file changes, JSON files with located errors, locales, section
 * schemas and theme settings.
 */
/** What a missing locale file reads as: one object, so lookups cached per file stay cached. */
const NO_TRANSLATIONS: Record<string, unknown> = Object.freeze({});

export class Theme {
  readonly dir: string;
  readonly liquid: Liquid;
  private readonly parsed = new Map<string, Template[]>();
  private readonly json = new Map<string, unknown>();
  private readonly text = new Map<string, string>();
  /** Names asked for that are no file, with the path each stands for: `refresh()` looks whether one appeared. */
  private readonly missing = new Map<string, string>();
  /** Every file read, with the modification time it had: `refresh()` compares them. */
  private readonly seen = new Map<string, number>();

  constructor(dir: string) {
    this.dir = path.resolve(dir);
    if (!fs.existsSync(this.dir) || !fs.statSync(this.dir).isDirectory()) {
      throw new ThemeError(undefined, undefined, `theme directory not found: ${dir}`);
    }
    const templates = new Map<string, unknown>();
    this.liquid = createLiquid({
      root: [this.dir],
      partials: [path.join(this.dir, 'snippets')],
      cache: {
        read: (key: string) => templates.get(key) as never,
        write: (key: string, value: unknown) => void templates.set(key, value),
        remove: (key: string) => void templates.delete(key),
      },
      // Storefront pages print runtime errors inline and go on; the page collects them (see page.ts).
      inlineErrors: true,
    });
    deferNotEmulatedFilters(this.liquid);
    this.clearPartials = () => templates.clear();
  }

  private readonly clearPartials: () => void;

  private watcher?: fs.FSWatcher;

  /**
   * Invalidate on file-system events instead of checking every file's mtime per
   * request: for long-running servers. Returns a function that stops watching.
   */
  watch(): () => void {
    this.watcher ??= fs.watch(this.dir, { recursive: true, persistent: false }, () => this.invalidate());
    return () => {
      this.watcher?.close();
      this.watcher = undefined;
    };
  }

  /** Drops everything cached when any file read so far changed or disappeared; cheap to call per request. */
  refresh(): boolean {
    if (this.watcher) return false;
    for (const [file, mtime] of this.seen) {
      if (mtimeOf(file) !== mtime) {
        this.invalidate();
        return true;
      }
    }
    for (const file of this.missing.values()) {
      if (isFile(file)) {
        this.invalidate();
        return true;
      }
    }
    return false;
  }

  invalidate(): void {
    this.localeListing = undefined;
    this.settingsValues = undefined;
    this.schemes = undefined;
    this.localizedSettings.clear();
    this.schemas.clear();
    this.parsed.clear();
    this.json.clear();
    this.text.clear();
    this.missing.clear();
    this.seen.clear();
    this.clearPartials();
  }

  path(relative: string): string {
    return path.join(this.dir, relative);
  }

  /** How many files and names that are no file this theme keeps now (bounded: the files the theme has, MAX_MISSES). */
  kept(): { files: number; misses: number } {
    return { files: this.text.size, misses: this.missing.size };
  }

  exists(relative: string): boolean {
    return this.read(relative) !== undefined;
  }

  /**
   * A theme file's text, or undefined when there is no such file in the theme (a folder, or a path that leads out
   * of it, is none). Files are kept once read; names that are not files are remembered too, but only up to
   * MAX_MISSES at a time, as requests can ask for any number of them.
   */
  read(relative: string): string | undefined {
    const kept = this.text.get(relative);
    if (kept !== undefined || this.missing.has(relative)) return kept;
    const file = this.path(relative);
    const found = file.startsWith(this.dir + path.sep) ? fileText(file) : undefined;
    if (found === undefined) {
      remember(this.missing, relative, file, MAX_MISSES);
      return undefined;
    }
    this.seen.set(file, found.mtime);
    this.text.set(relative, found.text);
    return found.text;
  }

  readJson<T = unknown>(relative: string): T | undefined {
    if (this.json.has(relative)) return this.json.get(relative) as T;
    const source = this.read(relative);
    if (source === undefined) return undefined;
    const value = parseThemeJson(source, relative);
    this.json.set(relative, value);
    return value as T;
  }

  /** Parsed Liquid of a theme file; errors name the file and line. */
  parse(relative: string): Template[] {
    const cached = this.parsed.get(relative);
    if (cached) return cached;
    const source = this.read(relative);
    if (source === undefined) throw new ThemeError(undefined, undefined, `missing theme file ${relative}`);
    try {
      const templates = this.liquid.parse(source, this.path(relative));
      this.parsed.set(relative, templates);
      return templates;
    } catch (error) {
      throw this.error(error);
    }
  }

  /** The error as a theme developer reads it: relative file, line, what went wrong. */
  error(error: unknown): ThemeError {
    return toThemeError(error, this.dir, filterCatalog());
  }

  private readonly schemas = new Map<string, SectionSchema>();
  private settingsValues?: Record<string, unknown>;

  /** The `{% schema %}` of `sections/<name>.liquid` or `blocks/<name>.liquid`. */
  schemaOf(folder: 'sections' | 'blocks', name: string): SectionSchema {
    const relative = `${folder}/${name}.liquid`;
    let schema = this.schemas.get(relative);
    if (!schema) {
      schema = this.readSchema(relative);
      this.schemas.set(relative, schema);
    }
    return schema;
  }

  private readSchema(relative: string): SectionSchema {
    const source = this.read(relative);
    if (source === undefined) throw new ThemeError(undefined, undefined, `missing theme file ${relative}`);
    const match = SCHEMA_TAG.exec(source);
    if (!match) return {};
    const offset = match.index + match[0].indexOf(match[1]);
    try {
      return JSON.parse(match[1]) as SectionSchema;
    } catch (error) {
      const position = /position (\d+)/.exec((error as Error).message);
      const { line } = lineAndColumn(source, offset + (position ? Number(position[1]) : 0));
      throw new ThemeError(relative, line, `invalid JSON in {% schema %}: ${(error as Error).message.replace(/ in JSON at position \d+.*$/s, '')}`);
    }
  }

  /** Locale codes the theme ships (`locales/<code>.json`), the default one first. */
  locales(): string[] {
    const files = this.localeFiles();
    const codes = files.filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).map((f) => f.replace(/\.default\.json$|\.json$/, ''));
    const fallback = this.defaultLocale();
    return [fallback, ...codes.filter((c) => c !== fallback).sort()];
  }

  defaultLocale(): string {
    const file = this.localeFiles().find((f) => /^[^.]+\.default\.json$/.test(f));
    return file ? file.replace('.default.json', '') : 'en';
  }

  private localeListing?: string[];

  /** The names in `locales/`, listed once; adding or removing a file changes the folder's mtime, which refresh() notices. */
  private localeFiles(): string[] {
    if (this.localeListing) return this.localeListing;
    const folder = this.path('locales');
    this.seen.set(folder, mtimeOf(folder));
    this.localeListing = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
    return this.localeListing;
  }

  /** A storefront locale file, parsed; `{}` when absent. */
  translations(code: string, kind: 'storefront' | 'schema' = 'storefront'): Record<string, unknown> {
    const suffix = kind === 'schema' ? '.schema.json' : '.json';
    const isDefault = code === this.defaultLocale();
    const relative = `locales/${code}${isDefault ? '.default' : ''}${suffix}`;
    return this.readJson<Record<string, unknown>>(relative) ?? NO_TRANSLATIONS;
  }

  /**
   * Theme settings as `settings` shows them: each setting's schema default,
   * overridden by `config/settings_data.json` (`current` may name a preset).
   */
  settings(): Record<string, unknown> {
    this.settingsValues ??= this.readSettings();
    return { ...this.settingsValues };
  }

  private readonly localizedSettings = new Map<string, Record<string, unknown>>();

  /**
   * The theme settings with their `t:` texts in one language, made once per language until a file changes:
   * every page reads them, and a theme such as Dawn has about 150. Liquid cannot change them, so pages share them.
   */
  settingsIn(code: string, localize: (settings: Record<string, unknown>) => Record<string, unknown>): Record<string, unknown> {
    let settings = this.localizedSettings.get(code);
    if (!settings) this.localizedSettings.set(code, (settings = localize(this.settings())));
    return settings;
  }

  private readSettings(): Record<string, unknown> {
    const schema = this.readJson<{ settings?: SettingSchema[] }[]>('config/settings_schema.json') ?? [];
    const values: Record<string, unknown> = {};
    for (const group of schema) {
      for (const setting of group.settings ?? []) {
        if (setting.id !== undefined) values[setting.id] = setting.default ?? null;
      }
    }
    const data = this.readJson<{ current?: unknown; presets?: Record<string, unknown> }>('config/settings_data.json');
    const current = typeof data?.current === 'string' ? data.presets?.[data.current] : data?.current;
    if (current && typeof current === 'object') {
      for (const [key, value] of Object.entries(current)) {
        if (key !== 'sections' && key !== 'content_for_index' && key !== 'blocks') values[key] = value;
      }
    }
    const settings = schema.flatMap((group) => group.settings ?? []);
    // Colour schemes first: `color_scheme` settings, here and in sections, name one of them.
    const groupSetting = settings.find((setting) => setting.type === 'color_scheme_group');
    this.schemes = colorSchemeGroup(groupSetting, groupSetting?.id === undefined ? undefined : values[groupSetting.id]);
    for (const setting of settings) {
      if (setting.id === undefined) continue;
      values[setting.id] = setting === groupSetting ? this.schemes : typedSetting(setting.type, values[setting.id], this.schemes);
    }
    return values;
  }

  private schemes?: ColorSchemeGroup;

  /** `theme_info` of `config/settings_schema.json`: the theme's name and version, as Shopify records them. */
  info(): { name: string | null; version: string | null } {
    const schema = this.readJson<{ name?: string; theme_name?: unknown; theme_version?: unknown }[]>('config/settings_schema.json');
    const entry = Array.isArray(schema) ? schema.find((group) => group?.name === 'theme_info') : undefined;
    const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
    return { name: text(entry?.theme_name), version: text(entry?.theme_version) };
  }

  /** The theme's colour schemes (its `color_scheme_group` setting), which `color_scheme` settings name. */
  colorSchemes(): ColorSchemeGroup {
    // Read without settings()'s copy: every colour setting of every section asks.
    this.settingsValues ??= this.readSettings();
    return this.schemes!;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** A file's text and the modification time `refresh()` compares, from one stat; undefined for a folder or nothing. */
function fileText(file: string): { text: string; mtime: number } | undefined {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() ? { text: fs.readFileSync(file, 'utf8'), mtime: stat.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

function mtimeOf(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}
