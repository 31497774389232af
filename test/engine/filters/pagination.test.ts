import { describe, expect, it } from 'vitest';
import { createLiquid } from '@encore/liquid/liquid.ts';

const liquid = createLiquid();
const render = (source: string, vars: Record<string, unknown>) => liquid.parseAndRenderSync(source, vars);

const URL = '/services/liquid_rendering/resource';
// The paginate object of the documented example: page 1 of 2.
const firstOfTwo = {
  current_page: 1,
  pages: 2,
  previous: null,
  next: { title: 'Next &raquo;', url: `${URL}?page=2`, is_link: true },
  parts: [
    { title: 1, url: `${URL}?page=1`, is_link: false },
    { title: 2, url: `${URL}?page=2`, is_link: true },
  ],
};

describe('default_pagination', () => {
  it('matches the documented output', () => {
    expect(render('{{ paginate | default_pagination }}', { paginate: firstOfTwo })).toBe(
      `<span class="page current">1</span> <span class="page"><a href="${URL}?page=2" title="">2</a></span> <span class="next"><a href="${URL}?page=2" title="">Next &raquo;</a></span>`,
    );
  });
  it('takes the next label', () => {
    expect(render("{{ paginate | default_pagination: next: 'Next' }}", { paginate: firstOfTwo })).toBe(
      `<span class="page current">1</span> <span class="page"><a href="${URL}?page=2" title="">2</a></span> <span class="next"><a href="${URL}?page=2" title="">Next</a></span>`,
    );
  });
  it('prints a label that t already escaped without escaping it again', () => {
    expect(render('{{ paginate | default_pagination: next: label }}', { paginate: firstOfTwo, label: 'Suite &amp; fin' })).toContain(
      `title="">Suite &amp; fin</a></span>`,
    );
  });
  it('adds the anchor to every link', () => {
    expect(render("{{ paginate | default_pagination: anchor: 'pagination' }}", { paginate: firstOfTwo })).toBe(
      `<span class="page current">1</span> <span class="page"><a href="${URL}?page=2#pagination" title="">2</a></span> <span class="next"><a href="${URL}?page=2#pagination" title="">Next &raquo;</a></span>`,
    );
  });
  it('renders previous links, gaps and custom labels as the HTML they are', () => {
    const paginate = {
      current_page: 5,
      previous: { title: '« Previous', url: '/c?page=4', is_link: true },
      next: null,
      parts: [
        { title: 1, url: '/c?page=1', is_link: true },
        { title: '…', url: '', is_link: false },
        { title: 4, url: '/c?page=4', is_link: true },
        { title: 5, url: '/c?page=5', is_link: false },
      ],
    };
    expect(render(`{{ paginate | default_pagination: previous: '<span aria-hidden="true">&larr;</span> Back' }}`, { paginate })).toBe(
      '<span class="prev"><a href="/c?page=4" title=""><span aria-hidden="true">&larr;</span> Back</a></span> <span class="page"><a href="/c?page=1" title="">1</a></span> <span class="deco">…</span> <span class="page"><a href="/c?page=4" title="">4</a></span> <span class="page current">5</span>',
    );
  });
  it('renders nothing for nil', () => {
    expect(render('{{ nope | default_pagination }}', {})).toBe('');
  });
});
