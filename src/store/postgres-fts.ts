/**
 * The SQLite store's search syntax (FTS5: words, "phrases", OR, AND, NOT, prefix*, NEAR(...), parentheses,
 * `body:` column filters) translated to a PostgreSQL tsquery text, so one query means the same in both stores.
 *
 * Each word or phrase becomes one quoted tsquery operand, and PostgreSQL's own parser (in `to_tsquery`) splits
 * and normalises it exactly as it did the indexed text: `U.S.-led` or `O'Brien` is matched token for token
 * however the parser cuts it, and a quoted phrase becomes `a <-> b <-> c`. Only the operators are ours.
 */
import { SearchSyntaxError } from './fts.js';

/** The one searchable column; FTS5 would accept a filter on it, and refuses any other name. */
const SEARCHABLE_COLUMN = 'body';
/** FTS5's default NEAR distance (tokens allowed between the phrases). */
const NEAR_DEFAULT = 10;
/** Beyond this distance NEAR is read as "both occur" rather than spelled out as one `<d>` per distance. */
const NEAR_SPELLED_MAX = 25;

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'op'; text: 'AND' | 'OR' | 'NOT' | 'NEAR' }
  | { kind: 'punct'; text: '(' | ')' | '*' | '^' | '+' | ':' | ',' };

const PUNCT = new Set(['(', ')', '*', '^', '+', ':', ',']);

function tokenize(query: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '"') {
      // FTS5 strings: "" inside is one quote character.
      let text = '';
      i++;
      for (;;) {
        if (i >= query.length) throw new SearchSyntaxError(query, 'unterminated string');
        if (query[i] === '"') {
          if (query[i + 1] === '"') { text += '"'; i += 2; continue; }
          i++;
          break;
        }
        text += query[i++];
      }
      out.push({ kind: 'string', text });
      continue;
    }
    if (PUNCT.has(c)) { out.push({ kind: 'punct', text: c as Extract<Token, { kind: 'punct' }>['text'] }); i++; continue; }
    let j = i;
    while (j < query.length && !/\s/.test(query[j]!) && query[j] !== '"' && !PUNCT.has(query[j]!)) j++;
    const word = query.slice(i, j);
    i = j;
    // Operators are uppercase only, as in FTS5; NEAR only when a group follows.
    if (word === 'AND' || word === 'OR' || word === 'NOT') out.push({ kind: 'op', text: word });
    else if (word === 'NEAR' && query[i] === '(') out.push({ kind: 'op', text: 'NEAR' });
    else out.push({ kind: 'word', text: word });
  }
  return out;
}

/** One tsquery operand: quoted (PostgreSQL escapes `'` by doubling and `\` by a backslash), prefix when asked. */
function operand(text: string, prefix: boolean): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;
}

class Parser {
  private at = 0;
  constructor(private readonly query: string, private readonly tokens: Token[]) {}

  parse(): string {
    if (this.tokens.length === 0) throw this.error('empty query');
    const expr = this.or();
    if (this.at < this.tokens.length) throw this.error(`unexpected '${this.tokens[this.at]!.text}'`);
    return expr;
  }

  private error(detail: string): SearchSyntaxError {
    return new SearchSyntaxError(this.query, detail);
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'op' && t.text === text;
  }

  private isPunct(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'punct' && t.text === text;
  }

  private or(): string {
    const parts = [this.and()];
    while (this.isOp('OR')) { this.at++; parts.push(this.and()); }
    return parts.length === 1 ? parts[0]! : `(${parts.join(' | ')})`;
  }

  /** Explicit AND, or two expressions side by side (FTS5's implicit AND). */
  private and(): string {
    const parts = [this.not()];
    for (;;) {
      if (this.isOp('AND')) { this.at++; parts.push(this.not()); continue; }
      const t = this.peek();
      if (t === undefined || (t.kind === 'op' && t.text !== 'NEAR') || this.isPunct(')') || this.isPunct(',')) break;
      parts.push(this.not());
    }
    return parts.length === 1 ? parts[0]! : `(${parts.join(' & ')})`;
  }

  /** FTS5's NOT is binary: `a NOT b` is a without b. */
  private not(): string {
    let left = this.primary();
    while (this.isOp('NOT')) { this.at++; left = `(${left} & !${this.primary()})`; }
    return left;
  }

  private primary(): string {
    const t = this.peek();
    if (t === undefined) throw this.error('a word, phrase or group is missing at the end');
    if (this.isPunct('(')) {
      this.at++;
      const inner = this.or();
      if (!this.isPunct(')')) throw this.error("missing ')'");
      this.at++;
      return inner;
    }
    if (t.kind === 'op' && t.text === 'NEAR') return this.near();
    if (t.kind === 'word' && this.tokens[this.at + 1]?.kind === 'punct' && this.tokens[this.at + 1]!.text === ':') {
      if (t.text.toLowerCase() !== SEARCHABLE_COLUMN) throw this.error(`no such column: ${t.text}`);
      this.at += 2;
      return this.primary();
    }
    // `^` anchors a phrase at the start of a column in FTS5; a tsvector has no column start, so it is dropped.
    if (this.isPunct('^')) this.at++;
    return this.phrase();
  }

  /** Words and strings joined by `+` form one phrase; a trailing `*` makes a term a prefix. */
  private phrase(): string {
    const terms = [this.term()];
    while (this.isPunct('+')) { this.at++; terms.push(this.term()); }
    return terms.length === 1 ? terms[0]! : `(${terms.join(' <-> ')})`;
  }

  private term(): string {
    const t = this.peek();
    if (t === undefined) throw this.error('a word or phrase is missing at the end');
    if (t.kind !== 'word' && t.kind !== 'string') throw this.error(`unexpected '${t.text}'`);
    this.at++;
    const prefix = this.isPunct('*');
    if (prefix) this.at++;
    return operand(t.text, prefix);
  }

  /** NEAR(a b, N): the phrases within N tokens of each other, in either order. */
  private near(): string {
    this.at += 2; // NEAR (
    const phrases: string[] = [];
    while (this.peek() && !this.isPunct(')') && !this.isPunct(',')) phrases.push(this.phrase());
    let distance = NEAR_DEFAULT;
    if (this.isPunct(',')) {
      this.at++;
      const n = this.peek();
      if (n?.kind !== 'word' || !/^\d+$/.test(n.text)) throw this.error('NEAR needs a whole number after the comma');
      distance = Number(n.text);
      this.at++;
    }
    if (!this.isPunct(')')) throw this.error("NEAR(...) is missing its ')'");
    this.at++;
    if (phrases.length === 0) throw this.error('NEAR() names no phrase');
    if (phrases.length === 1) return phrases[0]!;
    if (phrases.length > 2 || distance > NEAR_SPELLED_MAX) return `(${phrases.join(' & ')})`;
    const [a, b] = phrases as [string, string];
    const alternatives: string[] = [];
    for (let d = 1; d <= distance + 1; d++) alternatives.push(`${a} <${d}> ${b}`, `${b} <${d}> ${a}`);
    return `(${alternatives.join(' | ')})`;
  }
}

/** The tsquery text for a search in the store's query syntax; throws a SearchSyntaxError when it cannot be parsed. */
export function toTsquery(query: string): string {
  return new Parser(query, tokenize(query)).parse();
}

/** Text searched as plain words (no syntax): every term must occur, each read as written. */
export function plainTsquery(text: string): string | null {
  const terms = text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
  return terms.length === 0 ? null : terms.map((t) => operand(t, false)).join(' & ');
}
