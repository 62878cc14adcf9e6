/**
 * Names the tagger could only call miscellaneous (OTHER) that the text shows to be organisations: a broadcaster
 * or paper named with its kind after it ("al-Ikhbariya television", "al-Masirah TV"), a name that speaks or acts
 * ("Wikinews spoke with", "X reported"), one a source is quoted from ("according to X"), one people join ("joined
 * the Sea Org"), a web domain ("Znak.com"), or one whose role is an organisation's kind ("the message board X").
 * Without such evidence the name stays OTHER.
 */
import { DETERMINERS, type EntityContext } from './context.js';
import { headOf } from './heads.js';
import { ORG_WORDS } from './role-words.js';

/** Kinds written after a media name ("al-Ikhbariya television", "Channel 4 News"). */
const MEDIA_AFTER = new Set(['television', 'tv', 'radio', 'newspaper', 'channel', 'network', 'agency', 'website', 'magazine', 'daily']);
/** Verbs whose subject is an actor ("X reported", "X spoke with"). */
const ACTING = new Set([
  'said', 'says', 'reported', 'reports', 'announced', 'announces', 'claimed', 'claims', 'stated', 'states', 'wrote',
  'writes', 'spoke', 'speaks', 'told', 'tells', 'added', 'published', 'publishes', 'confirmed', 'confirms', 'denied',
  'denies', 'posted', 'tweeted', 'broadcast', 'aired', 'launched', 'organised', 'organized', 'warned', 'urged',
]);
const DOMAIN = /\.(?:com|org|net|info|ru|co\.uk|io)$/i;

export function retypeOthers(ctx: EntityContext): void {
  const { doc } = ctx;
  doc.entities.forEach((entity, e) => {
    if (entity.type !== 'OTHER') return;
    const evidence = DOMAIN.test(entity.name)
      || entity.roles.some((r) => ORG_WORDS.has(headOf(r.text) ?? ''))
      || entity.mentions.some((mi) => {
        const m = doc.mentions[mi]!;
        if (m.kind !== 'name') return false;
        const next = doc.tokens[m.tokenEnd]?.lower ?? '';
        let p = m.tokenStart - 1;
        if (DETERMINERS.has(doc.tokens[p]?.lower ?? '')) p--;
        const prev = doc.tokens[p]?.lower ?? '';
        return MEDIA_AFTER.has(next) || ACTING.has(next) || prev === 'joined'
          || (prev === 'to' && doc.tokens[p - 1]?.lower === 'according');
      });
    if (!evidence) return;
    entity.type = 'ORG';
    for (const mi of entity.mentions) doc.mentions[mi]!.type = 'ORG';
  });
}
