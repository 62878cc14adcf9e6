/**
 * claimline as a library: `analyze(text | {text, published, ...})` returns the same `claimline/1` record
 * that `claimline analyze --format json` prints.
 */
export {
  analyze, analyzeAsync, analyzeDoc, InputError, isValidIsoDate, type AnalyzeHooks, type AnalyzeInput, type AnalyzeProgress,
} from './pipeline/analyze.js';
export { validateAnalysis } from './output/validate.js';
export * from './model/format.js';
export { hasLayer, type Doc, type LayerName } from './model/document.js';
