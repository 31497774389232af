import type { TagToken, TopLevelToken, Liquid, Template } from 'liquidjs';

/** Parses a block tag's Liquid body up to its end tag. */
export function parseBody(opening: TagToken, remainTokens: TopLevelToken[], liquid: Liquid): Template[] {
  const endName = 'end' + opening.name;
  const templates: Template[] = [];
  let closed = false;
  liquid.parser
    .parseStream(remainTokens)
    .on(`tag:${endName}`, function (this: { stop(): void }) {
      closed = true;
      this.stop();
    })
    .on('template', (template: Template) => templates.push(template))
    .on('end', () => {
      if (!closed) throw new Error(`tag ${opening.getText()} not closed`);
    })
    .start();
  return templates;
}
