/** How the learned span tagger's attributions (span-tagger/) meet the rule readings in `--attribution tagger` mode. */
import type { Doc } from '../../model/document.js';
import { cueInfo } from './cues.js';
import { draft, type Draft } from './draft.js';
import type { LearnedAttribution } from './span-tagger/index.js';

/** A reading made from a learned attribution alone; its class (speech, belief, evidence) from the cue's last word. */
export function learnedDraft(doc: Doc, l: LearnedAttribution): Draft {
  return draft({
    cls: cueInfo(doc.tokens[l.cue.e - 1]!.lower)?.cls ?? 'belief',
    cue: l.cue, source: l.source, cuePhrase: l.cue, sourcePhrase: l.source, content: l.content,
    sentence: doc.tokens[l.cue.s]!.sentence, clause: l.cue.s,
  });
}

/** Each rule reading with a cue, paired with the learned attribution whose cue overlaps it (one each). */
export function matchLearned(drafts: Draft[], learned: LearnedAttribution[]): Map<Draft, LearnedAttribution> {
  const out = new Map<Draft, LearnedAttribution>();
  const taken = new Set<LearnedAttribution>();
  // Learned cues are disjoint and in text order: index them by token, so a long document is not quadratic.
  const at = new Map<number, LearnedAttribution>();
  for (const l of learned) for (let k = l.cue.s; k < l.cue.e; k++) at.set(k, l);
  for (const d of drafts) {
    const c = d.cuePhrase ?? d.cue;
    if (!c) continue;
    let l: LearnedAttribution | undefined;
    for (let k = c.s; k < c.e && !l; k++) {
      const x = at.get(k);
      if (x && !taken.has(x)) l = x;
    }
    if (l) {
      out.set(d, l);
      taken.add(l);
    }
  }
  return out;
}
