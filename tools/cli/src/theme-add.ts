import path from 'node:path';
import { cliMain, parseOptions, runAsScript, UsageError } from './run.ts';
import { checkThemeDir } from '@encore/liquid/theme/theme-dir.ts';
import { DEFAULT_THEME_DIR } from '@encore/studio/storefront.ts';
import { applyPlan, planAdd, planRemove, ThemeAddConflict } from './theme-add/plan.ts';
import { ThemeError } from '@encore/liquid/errors.ts';

const USAGE = `Usage: npm run theme:add -- --theme DIR [--dry-run] [--remove]

Adds Encore's customer sections to the theme in DIR: copies Encore's own files
(sections, snippets and assets named encore-*), merges Encore's words into the
theme's locale files for every language both have (never a key Encore does not
own), and points templates/customers/account.json and order.json at Encore's
sections. What it changed is kept in assets/encore-manifest.json, so adding
again only updates Encore's own files, and --remove restores the theme exactly
as it was. Prints each change; --dry-run prints them and writes nothing.`;

/** `npm run theme:add` with `argv`. */
export const themeAdd = cliMain(USAGE, async (argv, io) => {
  const { values } = parseOptions(
    {
      theme: { type: 'string' },
      'dry-run': { type: 'boolean' },
      remove: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    argv,
  );
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.theme) throw new UsageError("--theme DIR is required: the theme to add Encore's sections to");
  checkThemeDir(values.theme);
  const themeDir = path.resolve(values.theme);
  let plan;
  try {
    plan = values.remove ? planRemove(themeDir) : planAdd(themeDir, DEFAULT_THEME_DIR);
  } catch (error) {
    if (error instanceof ThemeAddConflict || (error as Error).message.includes('encore-manifest.json')) {
      throw new ThemeError(values.theme, undefined, `${(error as Error).message}; nothing was changed`);
    }
    throw error;
  }
  const dry = values['dry-run'] ?? false;
  if (!dry) applyPlan(themeDir, plan);
  const lines = [
    ...plan.changes.map((change) => `${dry ? 'would change' : 'changed'} ${change.file}: ${change.what}`),
    ...plan.notes.map((note) => `note: ${note}`),
  ];
  const verb = values.remove ? 'theme:add --remove' : 'theme:add';
  lines.push(
    plan.changes.length
      ? `${verb}: ${plan.changes.length} file${plan.changes.length === 1 ? '' : 's'} ${dry ? 'would change (dry run: nothing written)' : 'changed'}`
      : `${verb}: nothing to change`,
  );
  io.stdout.write(`${lines.join('\n')}\n`);
});

runAsScript(import.meta.url, themeAdd);
