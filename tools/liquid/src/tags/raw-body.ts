import type { TopLevelToken, TagToken } from 'liquidjs';

/**
 * Reads the unparsed text of a block tag up to its end tag. Shopify does not
 * render Liquid inside `schema`, `stylesheet`, `javascript` and `doc`, so their
 * bodies are taken verbatim.
 */
export function readRawBody(opening: TagToken, remainTokens: TopLevelToken[]): string {
  const endName = 'end' + opening.name;
  let body = '';
  while (remainTokens.length) {
    const token = remainTokens.shift()!;
    if (isTag(token) && token.name === endName) return body;
    body += token.getText();
  }
  throw new Error(`tag ${opening.getText()} not closed`);
}

function isTag(token: TopLevelToken): token is TagToken {
  return (token as TagToken).name !== undefined && (token as TagToken).kind === 4;
}
