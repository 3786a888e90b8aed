/** Numbers inside heading markers: where they are and how to write another one in the same style. */
import { matchMarker } from '../headings';
import { toChineseNumeral } from '../numerals';

const NUMBER = /[一二三四五六七八九十〇零]+|[0-9]+|[０-９]+/;

/** Start and end (within the marker) of the number characters, or null. */
export function numberSpan(marker: string): [number, number] | null {
  const m = NUMBER.exec(marker);
  return m ? [m.index, m.index + m[0].length] : null;
}

/** The number characters for `ordinal`, written the way `written` writes its number. */
export function numberLike(written: string, ordinal: number): string {
  if (/[一二三四五六七八九十〇零]/.test(written)) return toChineseNumeral(ordinal);
  const digits = String(ordinal);
  if (/[０-９]/.test(written)) return digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return digits;
}

/** The same marker with another number, nothing else changed: `（四）` → `（五）`, `2.` → `3.`. */
export function withOrdinal(marker: string, ordinal: number): string {
  const span = numberSpan(marker);
  if (!span) return marker;
  const [s, e] = span;
  return marker.slice(0, s) + numberLike(marker.slice(s, e), ordinal) + marker.slice(e);
}

/**
 * The marker in house style, keeping the choices house style leaves open (`1.` or `1．`):
 * `(四)` → `（四）`, `二.` → `二、`, `1、` → `1．`.
 */
export function houseStyle(marker: string): string {
  return matchMarker(marker, 0, 'any')?.canonical ?? marker;
}
