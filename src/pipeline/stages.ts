/**
 * The ordered list of stages. Each declares the layers it reads and fills (`requires`, `assigns`), and both
 * pipelines are built through `buildPipeline` when this module loads, so an order that cannot work (claims before
 * attribution, time before segmentation) throws at once with the stage and the layer named.
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
import { quotedFirstPersonStage } from '../stages/entities/first-person.js';
import { timeStage } from '../stages/time/index.js';
import { buildPipeline, type Pipeline } from './build.js';

export const STAGES: readonly Stage[] = [
  languageStage,
  segmentStage,
  nerStage,
  entityStage,
  timeStage,
  attributionStage,
  quantityStage,
  claimStage,
  eventStage,
  quotedFirstPersonStage,
];

/** How statements are found: the rule readings (default, fastest) or the rules with the learned span tagger. */
export type AttributionMode = 'rules' | 'tagger';
export const ATTRIBUTION_MODES: readonly AttributionMode[] = ['rules', 'tagger'];

const PIPELINES: Record<AttributionMode, Pipeline> = {
  rules: buildPipeline(STAGES),
  tagger: buildPipeline(STAGES.map((s) => (s === attributionStage ? taggedAttributionStage : s))),
};

/** The checked pipeline for an attribution mode (anything but `tagger` is the rules, as it always was). */
export function pipelineFor(mode: AttributionMode = 'rules'): Pipeline {
  return mode === 'tagger' ? PIPELINES.tagger : PIPELINES.rules;
}

/** The stages for an attribution mode, in order. */
export function stagesFor(mode: AttributionMode = 'rules'): readonly Stage[] {
  return pipelineFor(mode).stages;
}
