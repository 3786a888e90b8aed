/** Chinese numerals (一 … 九十九) and digits (half- or full-width) as used in heading markers. */

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Character class for a Chinese numeral in a regular expression. */
export const CN_NUMERAL_CLASS = '[一二三四五六七八九十〇零]';

/** 一 → 1, 十 → 10, 十一 → 11, 二十 → 20, 九十九 → 99; anything else → null. */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0 || s.length > 3) return null;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 && s in DIGITS && DIGITS[s]! > 0 ? DIGITS[s]! : null;
  if (s.indexOf('十', ten + 1) >= 0) return null;
  const head = s.slice(0, ten);
  const tail = s.slice(ten + 1);
  const tens = head === '' ? 1 : head.length === 1 && DIGITS[head]! > 1 ? DIGITS[head]! : null;
  const ones = tail === '' ? 0 : tail.length === 1 && DIGITS[tail]! > 0 ? DIGITS[tail]! : null;
  if (tens === null || ones === null) return null;
  return tens * 10 + ones;
}

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十 (1..99). */
export function toChineseNumeral(n: number): string {
  const names = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return names[n]!;
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : names[tens]) + '十' + names[n % 10];
}

/** Parses ASCII or full-width digits (１２) as a number; null otherwise. */
export function parseDigits(s: string): number | null {
  if (s.length === 0 || s.length > 3) return null;
  let n = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0xff10 && c <= 0xff19 ? c - 0xff10 : -1;
    if (d < 0) return null;
    n = n * 10 + d;
  }
  return n;
}
