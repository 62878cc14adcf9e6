/** Precision, recall and F1 in percent, with the counts behind them, as every span evaluator reports them. */
export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  found: number;
  correct: number;
}

export function prf(gold: number, found: number, correct: number): PRF {
  const precision = found ? (100 * correct) / found : 0;
  const recall = gold ? (100 * correct) / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, found, correct };
}
