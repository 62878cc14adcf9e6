/**
 * Pipelines are built, not just listed: `buildPipeline` checks the stages' declared contracts (`requires`,
 * `assigns`, `amends`; see `Stage` in model/document.ts) in order, so a stage moved before the one that fills
 * what it reads fails when the module loads, with the stage and the layer named, instead of quietly reading an
 * empty layer on every document. The checks are those of spaCy's `analyze_pipes`, made fatal.
 */
import type { Doc, LayerName, Stage } from '../model/document.js';

/** A checked, ordered list of stages. */
export interface Pipeline {
  readonly stages: readonly Stage[];
  /** Runs every stage over `doc` in order, recording each (see `runStage`). */
  run(doc: Doc): void;
}

/** Thrown by `buildPipeline` for an order or contract that cannot work. */
export class PipelineOrderError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid pipeline:\n  ${problems.join('\n  ')}`);
    this.name = 'PipelineOrderError';
  }
}

/**
 * Every problem with running `stages` in this order, one line each naming the stage; empty when the order works.
 * A stage may read only layers an earlier stage assigned, amend only those, and assign only layers no earlier
 * stage assigned.
 */
export function pipelineProblems(stages: readonly Stage[]): string[] {
  const problems: string[] = [];
  const assignedBy = new Map<LayerName, string>();
  const names = new Set<string>();
  for (const [i, stage] of stages.entries()) {
    const where = `stage ${i + 1} '${stage.name}'`;
    if (names.has(stage.name)) problems.push(`${where} appears twice`);
    names.add(stage.name);
    for (const layer of stage.requires) {
      if (!assignedBy.has(layer)) problems.push(`${where} requires '${layer}', which no earlier stage assigns`);
    }
    for (const layer of stage.amends ?? []) {
      if (!assignedBy.has(layer)) problems.push(`${where} amends '${layer}', which no earlier stage assigns`);
    }
    for (const layer of stage.assigns) {
      const earlier = assignedBy.get(layer);
      if (earlier === undefined) assignedBy.set(layer, stage.name);
      else problems.push(`${where} assigns '${layer}', already assigned by '${earlier}' (declare it in \`amends\` if intended)`);
    }
  }
  return problems;
}

/** Runs one stage and records on the document that it ran and which layers it assigned. */
export function runStage(stage: Stage, doc: Doc): void {
  stage.run(doc);
  doc.stagesRun.push(stage.name);
  for (const layer of stage.assigns) if (!doc.layersAssigned.includes(layer)) doc.layersAssigned.push(layer);
}

/** Checks the order of `stages` (throwing `PipelineOrderError` naming each problem) and returns the pipeline. */
export function buildPipeline(stages: readonly Stage[]): Pipeline {
  const problems = pipelineProblems(stages);
  if (problems.length > 0) throw new PipelineOrderError(problems);
  const frozen = Object.freeze([...stages]);
  return {
    stages: frozen,
    run(doc: Doc) {
      for (const stage of frozen) runStage(stage, doc);
    },
  };
}
