import { Tag, type TagToken, type TopLevelToken, type Liquid } from 'liquidjs';
import { readRawBody } from './raw-body.ts';

/**
 * `{% schema %}`: a section's or block's settings as JSON. It renders nothing;
 * the theme loader reads the JSON from the file (see theme/schema.ts).
 */
export class SchemaTag extends Tag {
  readonly json: string;
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.json = readRawBody(token, remainTokens);
  }
  *render(): Generator<unknown, void, unknown> {}
}
