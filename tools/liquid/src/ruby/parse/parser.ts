import { inspectToken, StrictSyntaxError, tokenize, type Dialect, type LexToken, type TokenType } from './lexer.ts';

/**
 * Ruby Liquid's strict markup parser (`Liquid::Parser`): a cursor over the lexer's tokens with the gem's
 * consume / consume? / id? / look and its expression grammar, raising its wording. In strict2 an expression may not
 * open with a bare `[` (Ruby then asks for `self['…']`).
 */
const MAX_DEPTH = 100;

export class MarkupParser {
  private readonly tokens: LexToken[];
  private at = 0;
  private depth = 0;

  constructor(
    markup: string,
    readonly dialect: Dialect,
  ) {
    this.tokens = tokenize(markup, dialect);
  }

  get current(): LexToken {
    return this.tokens[this.at];
  }

  consume(type?: TokenType): string {
    const token = this.tokens[this.at];
    if (type && token.type !== type) throw new StrictSyntaxError(`Expected ${type} but found ${token.type}`);
    this.at += 1;
    return token.text ?? '';
  }

  /** The token's text when it is of this type (and it is consumed), else undefined. */
  consumeIf(type: TokenType): string | undefined {
    const token = this.tokens[this.at];
    if (!token || token.type !== type) return undefined;
    this.at += 1;
    return token.text ?? '';
  }

  /** Consumes an identifier of exactly this name. */
  idIf(name: string): boolean {
    const token = this.tokens[this.at];
    if (!token || token.type !== 'id' || token.text !== name) return false;
    this.at += 1;
    return true;
  }

  look(type: TokenType, ahead = 0): boolean {
    return this.tokens[this.at + ahead]?.type === type;
  }

  expression(): void {
    // Brackets nested past any real template's are refused rather than exhaust the stack.
    if (++this.depth > MAX_DEPTH) throw new StrictSyntaxError('Nesting too deep');
    try {
      this.term();
    } finally {
      this.depth -= 1;
    }
  }

  private term(): void {
    const token = this.current;
    switch (token.type) {
      case 'id':
        this.consume();
        this.variableLookups();
        return;
      case 'open_square':
        if (this.dialect === 'strict2') throw new StrictSyntaxError("Bare bracket access is not allowed. Use self['...'] instead");
        this.consume();
        this.expression();
        this.consume('close_square');
        this.variableLookups();
        return;
      case 'string':
      case 'number':
        this.consume();
        return;
      case 'open_round':
        this.consume();
        this.expression();
        this.consume('dotdot');
        this.expression();
        this.consume('close_round');
        return;
      default:
        throw new StrictSyntaxError(`${inspectToken(token)} is not a valid expression`);
    }
  }

  /** A filter argument: an expression, maybe named (`key: expression`). */
  argument(): void {
    if (this.look('id') && this.look('colon', 1)) {
      this.consume();
      this.consume();
    }
    this.expression();
  }

  variableLookups(): void {
    for (;;) {
      if (this.look('open_square')) {
        this.consume();
        this.expression();
        this.consume('close_square');
      } else if (this.look('dot')) {
        this.consume();
        this.consume('id');
      } else return;
    }
  }
}
