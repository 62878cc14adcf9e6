/**
 * Precision, recall and F1 in percent, with the counts behind them: the one scoring helper of every evaluator
 * (NER, attribution, timex; coreference's B³ uses `harmonicMean` on its averaged precision and recall).
 */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  found: number;
  correct: number;
}

/** `correct` of `found` system items matched `gold` items. */
export function prf(gold: number, found: number, correct: number): PRF {
  const precision = found ? (100 * correct) / found : 0;
  const recall = gold ? (100 * correct) / gold : 0;
  return { precision, recall, f1: harmonicMean(precision, recall), gold, found, correct };
}

/** F1 of a precision and a recall (0 when both are 0). */
export function harmonicMean(precision: number, recall: number): number {
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}
