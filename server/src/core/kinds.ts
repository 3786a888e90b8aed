/** The kind of value a placeholder stands for, read from the words around it. */
import type { PlaceholderKind } from './types';

const PERCENT = /^[ \u3000]?(?:[%％‰]|个百分点)/;
const AMOUNT = /^(?:余|多)?(?:[万亿千百]|万亿)?(?:余|多)?(?:元|美元|港元|欧元|人民币)/;
const DATE_AFTER = /^(?:年|月|日(?!常)|号(?=[，。、；）\s]|$)|时(?=[许左]|$)|分(?=[，。]))/;
const COUNT = /^(?:余|多|个)?(?:[万亿千百])?(?:余|多)?(?:人次|家次|台次|辆次|个次|场次|架次|户次|条次|课时|学时|平方米|平方公里|公里|千米|千克|公斤|小时|万人|次|人|项|个|名|件|篇|场|起|家|户|条|份|支|块|处|期|类|辆|台|吨|升|亩|头|米|天|周|部|批|所|座|套|张|本|册|节|轮|栋|间|盏|棵|株|只|位|届|枚|封|袋|箱|瓶|页|字|票|门|倍|级|岁|分钟|秒)/;
const NAME_AFTER = /^(?:自治县|自治州|自治区|市委|县委|区委|省委|党委|党组|市|县|区|镇|乡|村|省|州|盟|旗|街道|社区|大队|支队|总队|中队|委员会|委|局|厅|部|院|校|公司|集团|同志|单位|中心|站|办|协会|学会|银行|医院|学校|企业|小区|路|街|大道|片区|园区|工程|项目|科|所)/;
const NAME_BEFORE = /(?:同志|(?<![增成延生助消拉放伸擅专特])长|士|员|者|书记|主任|记者|老师|经理|教练|干部|专家|先生|女士|会长|委员|代表)[：:]?$/;
const TOKEN_CHARS = /[*＊0-9０-９.．×Xx]/;
/** A masked number is short: the token is looked for this far on each side, so a line of masks stays linear. */
const TOKEN_REACH = 16;

/** Expands a placeholder to the whole masked token, e.g. `***.**` or `*.*`. */
function tokenBounds(line: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  const lo = Math.max(0, start - TOKEN_REACH);
  const hi = Math.min(line.length, end + TOKEN_REACH);
  while (s > lo && TOKEN_CHARS.test(line[s - 1]!)) s--;
  while (e < hi && TOKEN_CHARS.test(line[e]!)) e++;
  return [s, e];
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
  const [ts, te] = tokenBounds(line, start, end);
  const after = line.slice(te, te + 8);
  const before = line.slice(Math.max(0, ts - 8), ts);
  if (PERCENT.test(after)) return 'percent';
  if (AMOUNT.test(after)) return 'amount';
  const token = line.slice(ts, te);
  if (/[.．]/.test(token) && /[“"‘]$/.test(before) && /^[”"’]/.test(after)) return 'date';
  if (DATE_AFTER.test(after)) return 'date';
  if (COUNT.test(after)) return 'count';
  if (NAME_AFTER.test(after)) return 'name';
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
