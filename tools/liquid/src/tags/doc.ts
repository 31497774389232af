import { Tag, type TagToken, type TopLevelToken, type Liquid } from 'liquidjs';
import { readRawBody } from './raw-body.ts';

/** `{% doc %}`: documentation for snippets and blocks (LiquidDoc); renders nothing. */
export class DocTag extends Tag {
  readonly text: string;
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.text = readRawBody(token, remainTokens);
  }
  *render(): Generator<unknown, void, unknown> {}
}
