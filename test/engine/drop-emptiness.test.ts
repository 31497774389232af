/**
 * A drop is neither `empty` nor `blank` (liquid-spec basics/drops.yml `drop_opaque_not_empty`: Ruby Liquid asks
 * the value for `empty?`/`blank?`, which a drop does not answer). liquidjs counted a drop, whose attributes are
 * getters and so no enumerable keys, as an empty hash: Dawn's `{% if section.settings.menu != blank %}` hid every
 * menu. A drop that stands for a list (its valueOf) is still empty when the list is.
 */
import { Drop } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';

class Menu extends Drop {
  get title(): string {
    return 'Main menu';
  }
}
class Links extends Drop {
  constructor(private readonly links: string[]) {
    super();
  }
  override valueOf(): string[] {
    return this.links;
  }
}

const liquid = createLiquid();
const render = (template: string, scope: Record<string, unknown>) => liquid.parseAndRenderSync(template, scope);

describe('drops against empty and blank', () => {
  it.each([
    ['{% if menu == empty %}empty{% else %}not{% endif %}', 'not'],
    ['{% if menu == blank %}blank{% else %}not{% endif %}', 'not'],
    ['{% if menu != blank %}menu{% endif %}', 'menu'],
    ['{% if empty == menu %}empty{% else %}not{% endif %}', 'not'],
    ['{% if blank != menu %}menu{% endif %}', 'menu'],
  ])('%s → %s', (template, expected) => {
    expect(render(template, { menu: new Menu() })).toBe(expected);
  });

  it('nil, "", [] and {} stay blank; a drop standing for an empty list stays empty', () => {
    const template = '{% if value == blank %}blank{% else %}not{% endif %} {% if value == empty %}empty{% else %}not{% endif %}';
    expect(render(template, { value: null })).toBe('blank not');
    expect(render(template, { value: '' })).toBe('blank empty');
    expect(render(template, { value: [] })).toBe('blank empty');
    expect(render(template, { value: {} })).toBe('blank empty');
    expect(render(template, { value: new Links([]) })).toBe('blank empty');
    expect(render(template, { value: new Links(['/search']) })).toBe('not not');
  });
});
