/**
 * The ordered list of stages. Each adds one layer to the document; later stages may read earlier layers.
 * Order matters: entities before time (narrative anchoring uses sentences only) and before attribution
 * (speakers link to entity mentions), claims/events after attribution.
 */
import type { Stage } from '../model/document.js';
import { segmentStage } from '../stages/segment.js';
import { languageStage } from '../stages/language.js';
import { quantityStage } from '../stages/quantities.js';
import { claimStage } from '../stages/claims/index.js';
import { eventStage } from '../stages/events.js';
import { attributionStage, taggedAttributionStage } from '../stages/attribution/index.js';
import { nerStage } from '../stages/entities/ner.js';
import { entityStage } from '../stages/entities/resolve.js';
import { timeStage } from '../stages/time/index.js';

export const STAGES: Stage[] = [
  languageStage,
  segmentStage,
  nerStage,
  entityStage,
  timeStage,
  attributionStage,
  quantityStage,
  claimStage,
  eventStage,
];

/** How statements are found: the rule readings (default, fastest) or the rules with the learned span tagger. */
export type AttributionMode = 'rules' | 'tagger';
export const ATTRIBUTION_MODES: readonly AttributionMode[] = ['rules', 'tagger'];

/** The stages for an attribution mode. */
export function stagesFor(mode: AttributionMode = 'rules'): Stage[] {
  return mode === 'tagger' ? STAGES.map((s) => (s === attributionStage ? taggedAttributionStage : s)) : STAGES;
}
