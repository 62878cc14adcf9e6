/** How a statement reads in the store: its speaker's display name and its content in one string. */
import type { AnalysisOut, StatementOut } from '../model/format.js';

const CONTENT_JOINER = ' … ';

/** Display name: the linked entity's name, else the stated name, else the speaker mention as written. */
export function speakerName(names: Map<string, string>, st: StatementOut): string | null {
  return (st.speaker.entity ? names.get(st.speaker.entity) : undefined) ?? st.speaker.name ?? st.speaker.mention?.text ?? null;
}

export const entityNames = (a: AnalysisOut): Map<string, string> => new Map(a.entities.map((e) => [e.id, e.name]));

export function statementContent(st: StatementOut): string {
  return st.content.map((c) => c.text).join(CONTENT_JOINER);
}
