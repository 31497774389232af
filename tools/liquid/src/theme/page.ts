import { Drop } from 'liquidjs';
import { ThemeError } from '../errors.ts';
import { globalsWithState, type PageRuntime, type RenderState, type ShopSettings } from '../state.ts';
import type { Theme, SectionSchema, SettingSchema } from './theme.ts';
import { parseWrapper } from './wrapper.ts';
import { typedSetting } from './setting-types.ts';
import { requestedPage } from '../tags/paginate.ts';
import { withRubyErrorMode } from '../ruby/error-mode.ts';
import { storefrontScript } from './storefront-script.ts';
import { systemTranslations } from '../filters/translate.ts';
import path from 'node:path';
import { formatFailure, type LiquidFailure } from '../ruby/errors.ts';

/** One request for a theme page, as Shopify's storefront receives it. */
export interface PageRequest {
  /** Template name without extension, e.g. "customers/account". */
  template: string;
  /** Liquid globals for the page: `shop`, `customer`, `order`, `routes`, `request`, … */
  globals: Record<string, unknown>;
  shop: ShopSettings;
  /** Locale code; the theme's default locale when absent. */
  locale?: string;
  /** Query string: `page`, and the Section Rendering API's `section_id` / `sections`. */
  query?: URLSearchParams;
  /** Request path without query, e.g. "/account". */
  path?: string;
  now?: Date;
  /** Which of Shopify's page titles the page has (`shopify.page_titles.KEY`), with its `%{name}` values. */
  pageTitle?: { key: string; values?: Record<string, string> };
}

export interface PageResponse {
  status: number;
  contentType: 'text/html; charset=utf-8' | 'application/json; charset=utf-8';
  body: string;
  /** Keys neither the active nor the default locale file has ("en.some.key"); the page shows `translation missing`. */
  missingTranslations: string[];
  /** Keys the active locale file lacks, shown in the default locale's words ("da.some.key"). */
  untranslated: string[];
  /**
   * Errors the page printed inline, as Shopify's storefront does (`Liquid error (sections/header line 246): …`),
   * in the order they happened. Syntax errors are not here: they stop the page.
   */
  errors: PageError[];
}

/** A runtime error printed in the page: the theme file (`sections/header.liquid`), its line, and the message. */
export interface PageError {
  file?: string;
  line?: number;
  message: string;
  /** What the page printed in its place. */
  printed: string;
}

interface TemplateSection {
  type: string;
  settings?: Record<string, unknown>;
  blocks?: Record<string, BlockData>;
  block_order?: string[];
  disabled?: boolean;
}

interface BlockData {
  type: string;
  settings?: Record<string, unknown>;
  blocks?: Record<string, BlockData>;
  block_order?: string[];
  disabled?: boolean;
  static?: boolean;
}

interface JsonTemplate {
  layout?: string | false;
  wrapper?: string;
  sections: Record<string, TemplateSection>;
  order?: string[];
}

/** Setting types whose saved value is a handle (or handles) and which Liquid sees as objects, and the global they come from. */
const RESOURCE_SETTINGS: Record<string, { global: string; list: boolean }> = {
  collection: { global: 'collections', list: false },
  collection_list: { global: 'collections', list: true },
  product: { global: 'all_products', list: false },
  product_list: { global: 'all_products', list: true },
  link_list: { global: 'linklists', list: false },
};

/** `collections[handle]` as Liquid reads it: a drop's own lookup, or a plain object's property. */
function readByHandle(source: unknown, handle: string): unknown {
  if (source instanceof Drop) return source.liquidMethodMissing(handle, undefined as never);
  if (source !== null && typeof source === 'object' && Object.hasOwn(source, handle)) return (source as Record<string, unknown>)[handle];
  return undefined;
}

/** What a section or theme block file is given that snippets it renders can read as well. */
const PAGE_OBJECTS = ['section', 'block'];

/** The Section Rendering API answers at most this many sections per request. */
const MAX_SECTIONS_PER_REQUEST = 5;

/**
 * Renders a theme page the way Shopify's servers do: the template's sections
 * (each wrapped in `shopify-section` markup), then the layout around them with
 * `content_for_header` and `content_for_layout`. `?section_id=` and `?sections=`
 * answer like the Section Rendering API.
 */
export async function renderPage(theme: Theme, request: PageRequest): Promise<PageResponse> {
  theme.refresh();
  return new PageRender(theme, request).respond();
}

class PageRender implements PageRuntime {
  layout?: string | null;
  private readonly state: RenderState;
  private readonly globals: Record<string, unknown>;
  private readonly bundled = { stylesheet: new Map<string, string>(), javascript: new Map<string, string>() };
  /** The sections and blocks being rendered, innermost last: `content_for` renders the children of the top one. */
  private readonly containers: { data: BlockData | TemplateSection; section: Record<string, unknown> }[] = [];
  private readonly templateId: string;
  /** The block objects Liquid sees in `section.blocks`, with the template data each came from, for `{% render block %}`. */
  private readonly blockData = new WeakMap<object, { id: string; data: BlockData }>();
  private readonly schemaTranslations: Record<string, unknown>;
  private readonly defaultSchemaTranslations: Record<string, unknown>;
  private readonly errors: PageError[] = [];

  constructor(
    private readonly theme: Theme,
    private readonly request: PageRequest,
  ) {
    // A language the theme has no file for is served in the default locale's words, as on Shopify;
    // `untranslated` then lists every key the page used.
    const code = request.locale ?? theme.defaultLocale();
    const defaultCode = theme.defaultLocale();
    this.state = {
      shop: request.shop,
      locale: {
        code,
        translations: theme.translations(code),
        defaultTranslations: theme.translations(defaultCode),
      },
      theme: { dir: theme.dir, readAsset: (name) => theme.read(`assets/${name}`) },
      now: request.now ?? new Date(),
      // Shopify prefixes every locale but the shop's primary one; the theme's default file is only a fallback.
      localePath: code === (request.shop.primaryLocale ?? defaultCode) ? '' : `/${code}`,
      page: this,
      query: request.query ?? new URLSearchParams(),
      requestPath: request.path ?? '/',
    };
    this.schemaTranslations = theme.translations(code, 'schema');
    this.defaultSchemaTranslations = theme.translations(defaultCode, 'schema');
    this.templateId = `template--${stableNumber(request.template)}`;
    this.globals = globalsWithState(
      {
        ...request.globals,
        settings: theme.settingsIn(code, (settings) => this.resolveSettings(settings)),
        template: templateObject(request.template),
        // "1 for non-paginated resources" (shopify.dev); a paginated page's number comes from ?page=.
        current_page: requestedPage(request.query),
        page_title: request.pageTitle ? pageTitleIn(code, theme.translations(code), request.pageTitle) : undefined,
      },
      this.state,
    );
    withRubyErrorMode(this.globals, {
      inline: true,
      raiseSyntaxErrors: true,
      locateAll: true,
      // A section or block file that does not parse (or is missing) stops the page, wherever it is rendered from.
      stops: causedByThemeError,
      report: (failure) => this.errors.push(pageError(failure)),
    });
  }

  respond(): PageResponse {
    const { status, contentType, body } = this.answer();
    return {
      status,
      contentType,
      body,
      missingTranslations: this.state.missingTranslations ?? [],
      untranslated: this.state.untranslated ?? [],
      errors: this.errors,
    };
  }

  private answer(): Pick<PageResponse, 'status' | 'contentType' | 'body'> {
    const query = this.state.query!;
    const sectionId = query.get('section_id');
    if (sectionId !== null) return this.sectionResponse(sectionId);
    const sections = query.get('sections');
    if (sections !== null) return this.sectionsResponse(sections);
    return { status: 200, contentType: 'text/html; charset=utf-8', body: this.renderFullPage() };
  }

  private renderFullPage(): string {
    const content = this.renderTemplate();
    if (this.layout === null) return content;
    const layout = this.layout ?? 'theme';
    const file = `layout/${layout}.liquid`;
    if (!this.theme.exists(file)) throw new ThemeError(undefined, undefined, `missing layout ${file}`);
    return this.renderFile(file, { content_for_header: this.contentForHeader(), content_for_layout: content });
  }

  /** The page's JSON template, checked; undefined when the template is a Liquid file. */
  private jsonTemplate(): JsonTemplate | undefined {
    const file = `templates/${this.request.template}.json`;
    const json = this.theme.readJson<JsonTemplate>(file);
    if (json !== undefined) validateTemplate(json, file);
    return json;
  }

  private renderTemplate(): string {
    const name = this.request.template;
    const json = this.jsonTemplate();
    if (json !== undefined) {
      if (json.layout === false) this.layout = null;
      else if (typeof json.layout === 'string') this.layout = json.layout;
      const html = this.renderTemplateSections(json).join('');
      return json.wrapper ? parseWrapper(json.wrapper, `templates/${name}.json`).wrap(html) : html;
    }
    const liquidFile = `templates/${name}.liquid`;
    if (this.theme.exists(liquidFile)) return this.renderFile(liquidFile, {});
    throw new ThemeError(undefined, undefined, `template '${name}' not found: no templates/${name}.json or .liquid in ${this.theme.dir}`);
  }

  private renderTemplateSections(json: JsonTemplate): string[] {
    const out: string[] = [];
    const order = json.order ?? Object.keys(json.sections);
    for (const [index, key] of order.entries()) {
      const section = json.sections[key];
      if (!section) throw new ThemeError(`templates/${this.request.template}.json`, undefined, `order names '${key}', which is not in sections`);
      if (section.disabled) continue;
      out.push(this.renderSection(`${this.templateId}__${key}`, section, { index: index + 1, location: 'template' }));
    }
    return out;
  }

  private renderSection(id: string, data: TemplateSection, position: { index?: number; location: string; groupClass?: string }): string {
    const schema = this.theme.schemaOf('sections', data.type);
    const section: Record<string, unknown> = {
      id,
      settings: this.withDefaults(schema.settings, data.settings),
      blocks: this.blocksOf(data, schema),
      location: position.location,
    };
    if (position.index !== undefined) Object.assign(section, { index: position.index, index0: position.index - 1 });
    this.containers.push({ data, section });
    let html: string;
    try {
      html = this.renderFile(`sections/${data.type}.liquid`, { section });
    } finally {
      this.containers.pop();
    }
    const tag = schema.tag ?? 'div';
    const classes = ['shopify-section', position.groupClass, schema.class].filter(Boolean).join(' ');
    return `<${tag} id="shopify-section-${id}" class="${classes}">${html}</${tag}>`;
  }

  private blocksOf(data: TemplateSection | BlockData, schema: SectionSchema): Record<string, unknown>[] {
    const blocks: Record<string, unknown>[] = [];
    for (const [key, block] of enabledBlocks(data)) {
      const declared = schema.blocks?.find((b) => b.type === block.type);
      const settings =
        declared?.settings ??
        (block.type.startsWith('@') || !this.theme.exists(`blocks/${block.type}.liquid`) ? undefined : this.theme.schemaOf('blocks', block.type).settings);
      const object = { id: key, type: liquidBlockType(block.type), settings: this.withDefaults(settings, block.settings), shopify_attributes: '' };
      this.blockData.set(object, { id: key, data: block });
      blocks.push(object);
    }
    return blocks;
  }

  /**
   * Schema defaults, overridden by the saved values; `t:` references read the schema locale files.
   * Resource settings hold handles in JSON but reach Liquid as objects, as on Shopify.
   */
  private withDefaults(schema: SettingSchema[] | undefined, values: Record<string, unknown> | undefined): Record<string, unknown> {
    const settings: Record<string, unknown> = {};
    for (const setting of schema ?? []) {
      if (setting.id !== undefined) settings[setting.id] = setting.default ?? null;
    }
    Object.assign(settings, values ?? {});
    for (const setting of schema ?? []) {
      if (setting.id === undefined) continue;
      settings[setting.id] = Object.hasOwn(RESOURCE_SETTINGS, setting.type)
        ? this.resource(setting.type, settings[setting.id])
        : typedSetting(setting.type, settings[setting.id], this.theme.colorSchemes());
    }
    return this.resolveSettings(settings);
  }

  /** A `collection`/`product`/`link_list` setting's object, or a `collection_list`/`product_list` setting's objects, looked up in the page's `collections` / `all_products` / `linklists`. */
  private resource(type: string, value: unknown): unknown {
    const { global, list } = RESOURCE_SETTINGS[type];
    const source = this.request.globals[global];
    const find = (handle: unknown): unknown => (typeof handle === 'string' && handle !== '' ? (readByHandle(source, handle) ?? null) : null);
    if (!list) return find(value);
    return Array.isArray(value) ? value.map(find).filter((found) => found !== null) : [];
  }

  private resolveSettings(settings: Record<string, unknown>): Record<string, unknown> {
    for (const [key, value] of Object.entries(settings)) {
      if (typeof value === 'string' && value.startsWith('t:')) {
        const path = value.slice(2);
        settings[key] = lookup(this.schemaTranslations, path) ?? lookup(this.defaultSchemaTranslations, path) ?? value;
      }
    }
    return settings;
  }

  private renderFile(file: string, scope: Record<string, unknown>): string {
    const templates = this.theme.parse(file);
    try {
      return this.theme.liquid.renderSync(templates, scope, { globals: this.globalsFor(scope) });
    } catch (error) {
      throw this.theme.error(error);
    }
  }

  /**
   * A section's `section`, a theme block's `block` and `section`: objects Shopify gives the file rather than
   * variables it created, so the snippets it renders see them too (shopify.dev/docs/api/liquid/tags/render).
   * `render` passes only the globals on, so they join a copy of the page's globals for this file.
   */
  private globalsFor(scope: Record<string, unknown>): Record<string, unknown> {
    const objects = PAGE_OBJECTS.filter((name) => Object.hasOwn(scope, name));
    if (objects.length === 0) return this.globals;
    const globals = { ...this.globals };
    for (const name of objects) globals[name] = scope[name];
    return globals;
  }

  private contentForHeader(): string {
    const { shop, locale, localePath } = this.state;
    const info = this.theme.info();
    const parts = [
      '<meta name="generator" content="Encore offline storefront">',
      storefrontScript({
        shop: shop.permanentDomain ?? shop.domain,
        locale: locale.code,
        currency: shop.currency,
        country: shop.country,
        // The asset filters serve every theme as `/cdn/shop/t/1/`: theme 1.
        theme: { name: info.name ?? path.basename(this.theme.dir), id: 1, schemaName: info.name, schemaVersion: info.version },
        cdnHost: `${shop.domain}/cdn`,
        localePath,
      }),
    ];
    const css = [...this.bundled.stylesheet.values()].join('\n');
    if (css) parts.push(`<style data-shopify-bundle="stylesheet">${css}</style>`);
    const js = [...this.bundled.javascript.values()].join('\n');
    if (js) parts.push(`<script data-shopify-bundle="javascript">${js.replace(/<\/script/gi, '<\\/script')}</script>`);
    return parts.join('\n');
  }

  // PageRuntime: what the theme tags ask of the page.

  renderStaticSection(name: string): string {
    const saved = this.theme.readJson<{ current?: { sections?: Record<string, TemplateSection> } }>('config/settings_data.json');
    const data = saved?.current?.sections?.[name] ?? { type: name };
    return this.renderSection(name, { ...data, type: name }, { location: 'static' });
  }

  renderSectionGroup(name: string): string {
    const file = `sections/${name}.json`;
    const group = this.theme.readJson<JsonTemplate & { type?: string }>(file);
    if (!group) throw new ThemeError(undefined, undefined, `missing section group ${file}`);
    validateTemplate(group, file);
    const out: string[] = [];
    for (const key of group.order ?? Object.keys(group.sections)) {
      const section = group.sections[key];
      if (!section || section.disabled) continue;
      out.push(
        this.renderSection(`sections--${stableNumber(name)}__${key}`, section, {
          location: group.type ?? name,
          groupClass: `shopify-section-group-${name}`,
        }),
      );
    }
    return out.join('');
  }

  renderBlocks(): string {
    const container = this.containers.at(-1);
    if (!container) throw new Error(`content_for 'blocks' must be inside a section or block`);
    const out: string[] = [];
    for (const [key, block] of enabledBlocks(container.data)) {
      if (block.static) continue;
      out.push(this.renderThemeBlock(key, block, container.section));
    }
    return out.join('');
  }

  renderStaticBlock(type: string, id: string, params: Record<string, unknown>): string {
    const container = this.containers.at(-1);
    if (!container) throw new Error(`content_for 'block' must be inside a section or block`);
    const saved = container.data.blocks?.[id];
    return this.renderThemeBlock(id, { ...(saved ?? {}), type, static: true }, container.section, params);
  }

  private renderThemeBlock(id: string, data: BlockData, section: Record<string, unknown>, params: Record<string, unknown> = {}): string {
    const file = `blocks/${data.type}.liquid`;
    if (!this.theme.exists(file)) throw new ThemeError(undefined, undefined, `missing theme block ${file}`);
    const schema = this.theme.schemaOf('blocks', data.type);
    const block = {
      id,
      type: data.type,
      settings: this.withDefaults(schema.settings, data.settings),
      shopify_attributes: '',
      blocks: this.blocksOf(data, schema),
    };
    this.containers.push({ data, section });
    try {
      return this.renderFile(file, { ...params, block, section });
    } finally {
      this.containers.pop();
    }
  }

  renderBlock(block: unknown): string {
    const found = block !== null && typeof block === 'object' ? this.blockData.get(block) : undefined;
    if (!found) throw new Error(`{% render block %} takes one of section.blocks, e.g. {% for block in section.blocks %}{% render block %}{% endfor %}`);
    // An app's block comes from the app's own extension, which an offline theme does not have.
    if (liquidBlockType(found.data.type) === '@app' || !this.theme.exists(`blocks/${found.data.type}.liquid`)) return '';
    return this.renderThemeBlock(found.id, found.data, this.containers.at(-1)?.section ?? {});
  }

  addBundledAsset(kind: 'stylesheet' | 'javascript', file: string, source: string): void {
    if (!this.bundled[kind].has(file)) this.bundled[kind].set(file, source);
  }

  // Section Rendering API.

  private sectionResponse(sectionId: string): Pick<PageResponse, 'status' | 'contentType' | 'body'> {
    const html = this.renderOneSection(sectionId);
    if (html === undefined) return { status: 404, contentType: 'text/html; charset=utf-8', body: '' };
    return { status: 200, contentType: 'text/html; charset=utf-8', body: html };
  }

  private sectionsResponse(list: string): Pick<PageResponse, 'status' | 'contentType' | 'body'> {
    const ids = list
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)
      .slice(0, MAX_SECTIONS_PER_REQUEST);
    const body: Record<string, string | null> = {};
    for (const id of ids) body[id] = this.renderOneSection(id) ?? null;
    return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) };
  }

  /** A template section by key or full id, else a static section file; undefined when neither exists. */
  private renderOneSection(sectionId: string): string | undefined {
    const json = this.jsonTemplate();
    if (json) {
      const order = json.order ?? Object.keys(json.sections);
      const key = sectionId.startsWith(`${this.templateId}__`) ? sectionId.slice(this.templateId.length + 2) : sectionId;
      const section = json.sections[key];
      if (section && !section.disabled) {
        return this.renderSection(`${this.templateId}__${key}`, section, { index: order.indexOf(key) + 1, location: 'template' });
      }
    }
    if (/^[\w-]+$/.test(sectionId) && this.theme.exists(`sections/${sectionId}.liquid`)) {
      return this.renderStaticSection(sectionId);
    }
    return undefined;
  }
}

/**
 * `page_title` as Shopify words it: the theme's own `shopify.page_titles.KEY` in the page's language when its locale
 * file overrides it, else Shopify's system translation, which is offline in English only (theme-check's
 * `shopify_system_translations.json`: "Account", "Order %{name}", "Addresses"…), so a page in another language
 * without an override has none (nil, and a layout falls back) rather than English words. Plain text, as Shopify's
 * is: themes escape it where they print it (Dawn's `og:title` does; escaping here too would show `&amp;amp;`).
 */
function pageTitleIn(code: string, translations: Record<string, unknown>, title: { key: string; values?: Record<string, string> }): string | undefined {
  const own = lookup(translations, `shopify.page_titles.${title.key}`);
  const text = typeof own === 'string' ? own : code.split('-')[0] === 'en' ? systemTranslations()[`shopify.page_titles.${title.key}`] : undefined;
  if (typeof text !== 'string') return undefined;
  return text.replace(/%\{(\w+)\}/g, (match, name: string) => title.values?.[name] ?? match);
}

function causedByThemeError(error: unknown): boolean {
  for (let cause = error; cause; cause = (cause as { originalError?: unknown }).originalError) {
    if (cause instanceof ThemeError) return true;
  }
  return false;
}

function pageError(failure: LiquidFailure): PageError {
  return {
    file: failure.file === undefined ? undefined : `${failure.file}.liquid`,
    line: failure.line,
    message: failure.message,
    printed: formatFailure(failure),
  };
}

/** App blocks are saved as `shopify://apps/APP/blocks/NAME/ID` and read as `block.type == '@app'` in Liquid, as on Shopify. */
function liquidBlockType(type: string): string {
  return type.startsWith('shopify://apps/') ? '@app' : type;
}

/** A section's or block's child blocks in `block_order`, without the disabled ones. */
function enabledBlocks(data: TemplateSection | BlockData): [string, BlockData][] {
  const blocks: [string, BlockData][] = [];
  for (const key of data.block_order ?? Object.keys(data.blocks ?? {})) {
    const block = data.blocks?.[key];
    if (block && !block.disabled) blocks.push([key, block]);
  }
  return blocks;
}

function validateTemplate(json: JsonTemplate, file: string): void {
  if (typeof json !== 'object' || json === null || typeof json.sections !== 'object' || json.sections === null) {
    throw new ThemeError(file, undefined, `a JSON template needs a "sections" object`);
  }
  for (const [key, section] of Object.entries(json.sections)) {
    if (typeof section?.type !== 'string') throw new ThemeError(file, undefined, `sections.${key} needs a "type" naming a file in sections/`);
  }
  if (json.order !== undefined && !Array.isArray(json.order)) throw new ThemeError(file, undefined, `"order" must be an array of section keys`);
}

/** Shopify's `template` object: prints as its name, with `name`, `directory` and `suffix`. */
class TemplateDrop extends Drop {
  readonly name: string;
  readonly directory: string | null;
  readonly suffix: string | null;
  constructor(private readonly template: string) {
    super();
    const [first, second] = template.split('/');
    this.directory = second === undefined ? null : first;
    const [name, suffix] = (second ?? first).split('.');
    this.name = name;
    this.suffix = suffix ?? null;
  }
  valueOf(): string {
    return this.template;
  }
  toString(): string {
    return this.template;
  }
}

function templateObject(template: string): TemplateDrop {
  return new TemplateDrop(template);
}

function lookup(tree: Record<string, unknown>, path: string): unknown {
  let node: unknown = tree;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A stable number standing in for Shopify's numeric template ids, so section ids look and behave alike. */
function stableNumber(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return 100_000_000 + ((hash >>> 0) % 900_000_000);
}
