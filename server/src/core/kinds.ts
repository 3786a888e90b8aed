/** The kind of value a placeholder stands for, read from the words around it. */
import type { PlaceholderKind } from './types';

const PERCENT = /^[ \u3000]?(?:[%％‰]|个百分点)/;
const AMOUNT = /^(?:余|多)?(?:[万亿千百]|万亿)?(?:余|多)?(?:元|美元|港元|欧元|人民币)/;
const DATE_AFTER = /^(?:年|月|日(?!常)|号(?=[，。、；）\s]|$)|时(?=[许左]|$)|分(?=[，。]))/;
const COUNT = /^(?:余|多|个)?(?:[万亿千百])?(?:余|多)?(?:人次|家次|台次|辆次|个次|场次|架次|户次|条次|课时|学时|平方米|平方公里|公里|千米|千克|公斤|小时|万人|次|人|项|个|名|件|篇|场|起|家|户|条|份|支|块|处|期|类|辆|台|吨|升|亩|头|米|天|周|部|批|所|座|套|张|本|册|节|轮|栋|间|盏|棵|株|只|位|届|枚|封|袋|箱|瓶|页|字|票|门|倍|级|岁|分钟|秒)/;
const NAME_AFTER = /^(?:自治县|自治州|自治区|市委|县委|区委|省委|党委|党组|市|县|区|镇|乡|村|省|州|盟|旗|街道|社区|大队|支队|总队|中队|委员会|委|局|厅|部|院|校|公司|集团|同志|单位|中心|站|办|协会|学会|银行|医院|学校|企业|小区|路|街|大道|片区|园区|工程|项目|科|所)/;
const NAME_BEFORE = /(?:同志|(?<![增成延生助消拉放伸擅专特])长|士|员|者|书记|主任|记者|老师|经理|教练|干部|专家|先生|女士|会长|委员|代表)[：:]?$/;
/** A masked number is short: the token is looked for this far on each side, so a line of masks stays linear. */
const TOKEN_REACH = 16;

/**
 * A character of a masked number (`*＊0-9０-９.．×Xx`), by code unit: a 1 MB report classifies
 * 25,000 placeholders on opening, with no string made per character.
 */
function isTokenUnit(c: number): boolean {
  return c === 0x2a || c === 0xff0a || (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || c === 0x2e || c === 0xff0e || c === 0xd7 || c === 0x58 || c === 0x78;
}

/** Where the whole masked token around a placeholder starts (e.g. `***.**` or `*.*`). */
function tokenStart(line: string, start: number): number {
  let s = start;
  const lo = Math.max(0, start - TOKEN_REACH);
  while (s > lo && isTokenUnit(line.charCodeAt(s - 1))) s--;
  return s;
}

/** Where that token ends. */
function tokenEnd(line: string, end: number): number {
  let e = end;
  const hi = Math.min(line.length, end + TOKEN_REACH);
  while (e < hi && isTokenUnit(line.charCodeAt(e))) e++;
  return e;
}

/** The 8 units before a token: what a title or quote before it is read from. */
function textBefore(line: string, ts: number): string {
  return line.slice(Math.max(0, ts - 8), ts);
}

/** A decimal point (`.` or `．`) between `s` and `e`. */
function hasDot(line: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x2e || c === 0xff0e) return true;
  }
  return false;
}

/** The kind of value a unit right after `pos` asks for (`%`, `万元`, `年`, `次` …), or null. */
export function valueKindAfter(line: string, pos: number): PlaceholderKind | null {
  const after = line.slice(pos, pos + 8);
  if (PERCENT.test(after)) return 'percent';
  if (AMOUNT.test(after)) return 'amount';
  if (DATE_AFTER.test(after)) return 'date';
  if (COUNT.test(after)) return 'count';
  return null;
}

export function classifyPlaceholder(line: string, start: number, end: number): PlaceholderKind {
  const te = tokenEnd(line, end);
  const after = line.slice(te, te + 8);
  if (PERCENT.test(after)) return 'percent';
  if (AMOUNT.test(after)) return 'amount';
  // The text before the token only when a test needs it (most placeholders are settled by what follows).
  const ts = tokenStart(line, start);
  if (hasDot(line, ts, te) && /^[”"’]/.test(after) && /[“"‘]$/.test(textBefore(line, ts))) return 'date';
  if (DATE_AFTER.test(after)) return 'date';
  if (COUNT.test(after)) return 'count';
  if (NAME_AFTER.test(after)) return 'name';
  const before = textBefore(line, ts);
  if (NAME_BEFORE.test(before)) return 'name';
  if (before.endsWith('《') && after.startsWith('》')) return 'name';
  return 'other';
}

const PROMPT_KINDS: Array<[RegExp, PlaceholderKind]> = [
  [/百分比|比例|比率|[%％]|率/, 'percent'],
  [/金额|资金|万元|元|经费|投资|收入/, 'amount'],
  [/日期|时间|年份|月份|年|月|日/, 'date'],
  [/数量|人数|次数|个数|数字|数据|件数|户数/, 'count'],
  [/单位|姓名|名称|名字|人名|地名|部门|机关|职务|标题|项目/, 'name'],
];

/** The kind of a written prompt such as `[填写单位名称]` or `【待填：金额】`. */
export function classifyPrompt(content: string): PlaceholderKind {
  for (const [re, kind] of PROMPT_KINDS) if (re.test(content)) return kind;
  return 'other';
}
