/**
 * The stage contract: what each stage declares it reads and fills, the order check when a pipeline is built, and
 * the record of which stages ran (so "found nothing" and "never looked" differ).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYERS, hasLayer, newDoc, type Doc, type DocMeta, type LayerName, type Stage } from '../src/model/document.js';
import { buildPipeline, pipelineProblems, PipelineOrderError } from '../src/pipeline/build.js';
import { stagesFor } from '../src/pipeline/stages.js';
import { analyzeDoc } from '../src/pipeline/analyze.js';
import { languageStage } from '../src/stages/language.js';
import { segmentStage } from '../src/stages/segment.js';
import { nerStage } from '../src/stages/entities/ner.js';
import { entityStage } from '../src/stages/entities/resolve.js';
import { timeStage } from '../src/stages/time/index.js';
import { claimStage } from '../src/stages/claims/index.js';

const META: DocMeta = { id: 't', title: null, url: null, published: null, publishedSource: null, source: null };

test('a stage placed before the one that fills what it reads fails when the pipeline is built, naming both', () => {
  assert.throws(() => buildPipeline([languageStage, nerStage, segmentStage]), (e: unknown) => {
    assert.ok(e instanceof PipelineOrderError);
    assert.match(e.message, /stage 2 'ner' requires 'tokens', which no earlier stage assigns/);
    assert.match(e.message, /stage 2 'ner' requires 'sentences'/);
    return true;
  });
  // Claims straight after segmentation: no mentions, entities or statements yet.
  assert.deepEqual(pipelineProblems([segmentStage, claimStage]), [
    "stage 2 'claims' requires 'mentions', which no earlier stage assigns",
    "stage 2 'claims' requires 'entities', which no earlier stage assigns",
    "stage 2 'claims' requires 'statements', which no earlier stage assigns",
  ]);
  assert.match(pipelineProblems([segmentStage, entityStage])[0]!, /'entities' requires 'mentions'/);
});

test('a layer is assigned once unless a stage declares that it amends it', () => {
  const resegment: Stage = { ...segmentStage, name: 'resegment' };
  assert.deepEqual(pipelineProblems([segmentStage, resegment]), [
    "stage 2 'resegment' assigns 'paragraphs', already assigned by 'segment' (declare it in `amends` if intended)",
    "stage 2 'resegment' assigns 'sentences', already assigned by 'segment' (declare it in `amends` if intended)",
    "stage 2 'resegment' assigns 'tokens', already assigned by 'segment' (declare it in `amends` if intended)",
  ]);
  assert.match(pipelineProblems([segmentStage, segmentStage]).join('\n'), /stage 2 'segment' appears twice/);
  // The entity stage rewrites the NER's mentions, and says so: the default order is fine.
  assert.deepEqual(entityStage.amends, ['mentions']);
  assert.deepEqual(pipelineProblems([segmentStage, nerStage, entityStage]), []);
  const amendsEarly: Stage = { ...entityStage, requires: [] };
  assert.match(pipelineProblems([segmentStage, amendsEarly]).join('\n'), /'entities' amends 'mentions', which no earlier stage assigns/);
});

test('the default pipelines pass their own check and assign every layer', () => {
  for (const mode of ['rules', 'tagger'] as const) {
    const stages = stagesFor(mode);
    assert.deepEqual(pipelineProblems(stages), [], mode);
    assert.deepEqual(new Set(stages.flatMap((s) => s.assigns)), new Set(LAYERS), mode);
  }
  assert.deepEqual(timeStage.writesMeta, ['published', 'publishedSource']);
});

test('the document records the stages that ran, so an empty layer that was looked for is told from one that was not', () => {
  const doc = analyzeDoc({ text: 'The council met. Nobody spoke to the press.' });
  assert.deepEqual(doc.stagesRun, stagesFor('rules').map((s) => s.name));
  assert.equal(doc.timexes.length, 0);
  assert.equal(hasLayer(doc, 'timexes'), true, 'the time stage ran and found nothing');
  assert.equal(doc.quantities.length, 0);
  assert.equal(hasLayer(doc, 'quantities'), true);

  const partial = newDoc('The council met on Monday.', META);
  assert.equal(hasLayer(partial, 'tokens'), false);
  buildPipeline([languageStage, segmentStage]).run(partial);
  assert.deepEqual(partial.stagesRun, ['language', 'segment']);
  assert.equal(hasLayer(partial, 'tokens'), true);
  assert.equal(hasLayer(partial, 'timexes'), false, 'never looked for, though just as empty');
  assert.deepEqual(partial.timexes, []);
});

/**
 * Runs the default pipeline over a document whose top-level layer reads and writes (and `meta` writes) are
 * recorded per stage, to hold each stage to what it declares.
 */
function observedAccess(text: string): Map<string, { read: Set<LayerName>; wrote: Set<LayerName>; meta: Set<string> }> {
  const seen = new Map<string, { read: Set<LayerName>; wrote: Set<LayerName>; meta: Set<string> }>();
  let current = { read: new Set<LayerName>(), wrote: new Set<LayerName>(), meta: new Set<string>() };
  const isLayer = (k: string | symbol): k is LayerName => typeof k === 'string' && (LAYERS as readonly string[]).includes(k);
  const target = newDoc(text, { ...META });
  const meta = new Proxy(target.meta, {
    set(o, k, v) { current.meta.add(String(k)); return Reflect.set(o, k, v); },
  });
  const doc = new Proxy(target, {
    get(o, k) {
      if (k === 'meta') return meta;
      if (isLayer(k)) current.read.add(k);
      return Reflect.get(o, k);
    },
    set(o, k, v) {
      if (isLayer(k)) current.wrote.add(k);
      return Reflect.set(o, k, v);
    },
  }) as Doc;
  for (const stage of stagesFor('tagger')) {
    current = { read: new Set(), wrote: new Set(), meta: new Set() };
    stage.run(doc);
    seen.set(stage.name, current);
  }
  return seen;
}

test('every stage reads only the layers it requires or fills, and writes only those it assigns or amends', () => {
  const text = 'GENEVA, March 3, 2024 (Reuters) - Health Minister Anna Berg said on Monday that 40 percent of clinics '
    + 'would close. "We have no choice," she told reporters in Geneva.\n\nThe union denied that the plan was final.';
  const seen = observedAccess(text);
  for (const stage of stagesFor('tagger')) {
    const { read, wrote, meta } = seen.get(stage.name)!;
    const declared = new Set<LayerName>([...stage.requires, ...stage.assigns, ...(stage.amends ?? [])]);
    for (const layer of read) assert.ok(declared.has(layer), `${stage.name} reads '${layer}' without declaring it`);
    const writable = new Set<LayerName>([...stage.assigns, ...(stage.amends ?? [])]);
    for (const layer of wrote) assert.ok(writable.has(layer), `${stage.name} writes '${layer}' without declaring it`);
    for (const key of meta) assert.ok((stage.writesMeta as string[]).includes(key), `${stage.name} writes meta.${key} undeclared`);
  }
  // The recorder itself works: the time stage took the dateline as the publication date.
  assert.deepEqual([...seen.get('time')!.meta].sort(), ['published', 'publishedSource']);
  assert.ok(seen.get('events')!.read.has('timexes'));
});
