/** Whether a value typed for a placeholder fits its kind (used by the "fill placeholder" input box). */
import type { PlaceholderKind } from './types';

export type ValueProblem = 'empty' | 'not-a-whole-number' | 'not-a-number' | 'not-a-date' | 'has-asterisks';

const DIGITS = '[0-9０-９]';

export function checkPlaceholderValue(kind: PlaceholderKind, value: string): ValueProblem | null {
  const v = value.trim();
  if (!v) return 'empty';
  if (/[*＊]/.test(v)) return 'has-asterisks';
  switch (kind) {
    case 'count':
      return new RegExp(`^${DIGITS}+$`).test(v) ? null : 'not-a-whole-number';
    case 'amount':
    case 'percent':
      return new RegExp(`^-?${DIGITS}+([.．]${DIGITS}+)?$`).test(v) ? null : 'not-a-number';
    case 'date':
      return new RegExp(`^${DIGITS}{1,4}([.．]${DIGITS}{1,2})?$`).test(v) ? null : 'not-a-date';
    default:
      return null;
  }
}
