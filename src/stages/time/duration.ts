/**
 * TIMEX3 duration values: P2Y, PT4H, PXY (unknown count), P2Y6M for "2 1/2 years".
 */
import type { Unit } from './lexicon.js';

export function durationValue(n: number, code: Unit['code']): string {
  const time = code === 'S' || code === 'MIN' || code === 'H';
  const letter = code === 'MIN' ? 'M' : code === 'WE' ? 'WE' : code;
  const pre = time ? 'PT' : 'P';
  if (Number.isNaN(n)) return `${pre}X${letter}`;
  if (code === 'E' && n !== 1 && Number.isInteger(n)) return `P${n * 10}Y`;
  if (!Number.isInteger(n)) {
    // Fractions go down one unit: 2 1/2 years = P2Y6M, 1.5 hours = PT1H30M.
    const lower: Partial<Record<Unit['code'], [number, string]>> = {
      Y: [12, 'M'], M: [30, 'D'], W: [7, 'D'], D: [24, 'H'], H: [60, 'M'], MIN: [60, 'S'],
    };
    const l = lower[code];
    const whole = Math.floor(n);
    if (l) {
      const rest = Math.round((n - whole) * l[0]);
      if (code === 'D') return whole ? `P${whole}DT${rest}H` : `PT${rest}H`;
      return `${pre}${whole ? `${whole}${letter}` : ''}${rest}${l[1]}`;
    }
  }
  return `${pre}${n}${letter}`;
}
