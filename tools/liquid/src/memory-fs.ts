import type { FS } from 'liquidjs';

/**
 * A liquidjs file system over a name → source map, for snippets given inline
 * (liquid-spec's `filesystem`, tests). Names are looked up as given and with
 * `.liquid` appended, like Shopify's snippet lookup; with `caseInsensitive`,
 * in any case, as liquid-spec's file system (after Shopify's production ones)
 * finds `FOO` for `foo.liquid`.
 */
export function memoryFs(given: Record<string, string>, options: { caseInsensitive?: boolean } = {}): FS {
  const fold = (name: string) => (options.caseInsensitive ? name.toLowerCase() : name);
  const files = Object.fromEntries(Object.entries(given).map(([name, source]) => [fold(name), source]));
  const find = (file: string): string | undefined => {
    const name = fold(file.replace(/^\.?\//, ''));
    if (Object.hasOwn(files, name)) return files[name];
    const bare = name.replace(/\.liquid$/, '');
    if (Object.hasOwn(files, bare)) return files[bare];
    return undefined;
  };
  const read = (file: string): string => {
    const source = find(file);
    if (source === undefined) throw new Error(`Could not find asset ${file}`);
    return source;
  };
  return {
    exists: async (file) => find(file) !== undefined,
    existsSync: (file) => find(file) !== undefined,
    readFile: async (file) => read(file),
    readFileSync: read,
    resolve: (_root, file, ext) => (file.endsWith(ext) ? file : file + ext),
    contains: async () => true,
    containsSync: () => true,
    sep: '/',
    dirname: (file) => file.replace(/\/[^/]*$/, ''),
  };
}
