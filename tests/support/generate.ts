/**
 * Deterministic generators of synthetic Chinese work reports for tests and benchmarks.
 * All randomness comes from a seeded PRNG, so a seed always gives the same text.
 * The sentences are written for this project, in the style of a county bureau's
 * annual summary with masked figures.
 */

/** A PRNG returning floats in [0, 1). */
export type Rng = () => number;

/** mulberry32: small, fast, good enough for test data. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
export const chance = (rng: Rng, p: number): boolean => rng() < p;

/** A shuffled copy (Fisher-Yates). */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, up to 99. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : DIGITS[tens]) + '十' + DIGITS[n % 10];
}

// ---------------------------------------------------------------------------
// Vocabulary. Tokens in templates: {C:unit} a count, {A} an amount in 万元, {P} a
// percentage, {O:suffix} an organisation, {N} a person, {E} a quoted date-like
// event name, {Y} a year.

const SECTION_TITLES = [
  '坚持党建引领，班子队伍建设持续加强',
  '聚焦主责主业，重点任务落实取得新成效',
  '深化改革创新，体制机制活力不断释放',
  '强化服务保障，营商环境持续优化',
  '守牢安全底线，风险防控能力稳步提升',
  '推进数字赋能，信息化建设迈上新台阶',
  '夯实基层基础，服务群众水平明显提高',
  '严格依法行政，法治机关建设扎实推进',
  '注重人才培养，干部队伍素质全面增强',
  '统筹发展民生，群众获得感不断增强',
  '存在的问题和不足',
  '下一步工作打算',
];

const VERBS = ['抓实', '做细', '夯实', '深化', '拓展', '优化', '健全', '压紧', '创新', '规范'];
const OBJECTS = ['理论学习', '制度建设', '作风整顿', '项目管理', '安全监管', '数据治理', '人才引育', '宣传引导', '基层联络', '应急处置', '资金监管', '督查考核'];
const RESULTS = ['凝聚发展合力', '筑牢工作根基', '提升履职效能', '激发干事活力', '守住安全底线', '回应群众期盼', '打通服务堵点'];

const SENTENCES = [
  '全年召开局党组会议{C:次}，专题研究重点工作{C:项}，推动解决历史遗留问题{C:个}。',
  '累计争取上级补助资金{A}，同比增长{P}，为项目建设提供了有力支撑。',
  '组织干部职工参加业务培训{C:期}，覆盖基层站所{C:个}，培训合格率达{P}。',
  '主动对接{O:市委}和有关部门，联合开展督导检查{C:次}，发现并督促整改问题{C:条}。',
  '由{N}牵头组建工作专班，深入乡镇村组开展蹲点调研{C:次}，形成调研报告{C:篇}。',
  '围绕“{E}”专项行动，制定任务清单{C:项}，明确责任单位{C:家}，确保各项措施落地见效。',
  '截至{Y}底，已建成示范点{C:个}，带动周边农户{C:户}，户均增收{A}。',
  '坚持问题导向，建立周调度、月通报、季考核的推进机制，全年印发工作通报{C:期}。',
  '完成固定资产投资{A}，占年度目标任务的{P}，增速位居全市前列。',
  '认真办理人大代表建议和政协委员提案{C:件}，办结率和满意率均达到{P}。',
  '依托线上平台发布政策解读{C:篇}，累计阅读{C:万人次}，群众知晓率提升至{P}。',
  '有关做法得到{O:市委}主要领导肯定性批示{C:次}，被省级媒体刊发推广{C:篇}。',
  '扎实开展整改“回头看”，对照问题台账逐项销号，整改完成率达{P}。',
  '持续深化“放管服”改革，压减办事环节{C:个}，平均办理时限缩短{P}。',
  '开展安全生产大检查{C:轮}，出动检查人员{C:人次}，排查一般隐患{C:处}，均已整改到位。',
  '选派{N}等业务骨干到上级部门跟班学习，累计培养青年干部{C:名}。',
  '落实意识形态工作责任制，召开专题分析研判会{C:次}，全年未发生负面舆情。',
  '统筹各类涉农资金{A}，重点支持产业发展、基础设施和公共服务项目{C:个}。',
  '与{O:县政府}签订合作协议{C:份}，共建实训基地{C:个}，吸纳就业{C:人}。',
  '在{Y}全市综合考评中获评优秀等次，较上年前移{C:位}。',
  '推动{C:项}民生实事全部按期完成，惠及群众{C:万人}，群众满意度达{P}。',
  '{N}被{O:市委}评为优秀共产党员，单位获评先进集体{C:次}。',
];

const INTROS = [
  '一年来，我局紧扣年度目标任务，压实工作责任，各项工作呈现稳中有进、进中向好的良好态势。',
  '我局把这项工作摆在突出位置，主要负责同志亲自研究部署，分管负责同志具体抓落实。',
  '对照年初确定的目标任务，我局逐项细化措施、逐月跟踪调度，推动工作取得明显成效。',
];

const PREAMBLE =
  '{Y}以来，**县农业农村局在{O:县委}、县政府的坚强领导下，坚持稳中求进工作总基调，' +
  '聚焦年度重点任务，真抓实干、攻坚克难，圆满完成了各项目标任务。现将全年工作总结如下。';

// ---------------------------------------------------------------------------
// Placeholder fillers: how each token is written.

type Filler = (token: string, arg: string) => string;

const stars = (rng: Rng, min: number, max: number, star = '*') => star.repeat(int(rng, min, max));

/** Asterisk placeholders only, as in the example report. */
function asteriskFiller(rng: Rng): Filler {
  return (token, arg) => {
    switch (token) {
      case 'C': return stars(rng, 1, 3) + arg;
      case 'A': return chance(rng, 0.7) ? stars(rng, 2, 4) + '万元' : '**.**万元';
      case 'P': return pick(rng, ['*.*%', '**.*%', '**%']);
      case 'O': return '**' + arg;
      case 'N': return '***同志';
      case 'E': return pick(rng, ['*.**', '**.*']);
      default: return '20**年';
    }
  };
}

/** Every placeholder family, plus real numbers, and optionally astral characters and emoji. */
function mixedFiller(rng: Rng, exotic: boolean): Filler {
  const star = () => (chance(rng, 0.25) ? '＊' : '*');
  const exoticBit = () => (exotic && chance(rng, 0.15) ? pick(rng, ['𠀀', '𪚥', '🎉', '👍🏽', '👨‍👩‍👧', '🀄']) : '');
  return (token, arg) => {
    const mask = pick(rng, ['stars', 'cross', 'x', 'prompt', 'real']);
    let out: string;
    switch (token) {
      case 'C':
        out = mask === 'stars' ? stars(rng, 1, 3, star()) + arg
          : mask === 'cross' ? '××' + arg
          : mask === 'x' ? 'XX' + arg
          : mask === 'prompt' ? pick(rng, ['[填写次数]', '【待填数量】', '{{count}}', '${count}', '____']) + arg
          : int(rng, 1, 999) + arg;
        break;
      case 'A':
        out = mask === 'stars' ? stars(rng, 2, 4, star()) + '万元'
          : mask === 'cross' ? '×××万元'
          : mask === 'x' ? 'XXX万元'
          : mask === 'prompt' ? pick(rng, ['[填写金额]万元', '【待填金额】', '{{amount}}万元'])
          : `${int(rng, 1, 9999)}.${int(rng, 0, 9)}万元`;
        break;
      case 'P':
        out = mask === 'stars' ? pick(rng, ['*.*%', '**.*%', '＊＊%'])
          : mask === 'cross' ? '××%'
          : mask === 'x' ? 'XX.X%'
          : mask === 'prompt' ? '[填写比例]%'
          : `${int(rng, 0, 100)}.${int(rng, 0, 9)}%`;
        break;
      case 'O':
        out = mask === 'stars' ? '**' + arg : mask === 'cross' ? '××' + arg : mask === 'x' ? 'XX' + arg
          : mask === 'prompt' ? pick(rng, ['【待填单位】', '[填写单位名称]']) : '东湖' + arg;
        break;
      case 'N':
        out = mask === 'stars' ? '***同志' : mask === 'cross' ? '×××同志' : mask === 'x' ? 'XXX同志'
          : mask === 'prompt' ? '{{name}}同志' : '李明同志';
        break;
      case 'E':
        out = mask === 'stars' ? '*.**' : mask === 'cross' ? '×·××' : mask === 'x' ? 'X.XX' : '三夏';
        break;
      default:
        out = mask === 'stars' ? '20**年' : mask === 'cross' ? '20××年' : mask === 'x' ? '20XX年'
          : mask === 'prompt' ? '____年' : '2023年';
    }
    return exoticBit() + out;
  };
}

function fill(template: string, filler: Filler): string {
  return template.replace(/\{([A-Z])(?::([^}]*))?\}/g, (_, token: string, arg = '') => filler(token, arg));
}

const subsectionTitle = (rng: Rng) => `${pick(rng, VERBS)}${pick(rng, OBJECTS)}，${pick(rng, RESULTS)}`;
const itemTitle = (rng: Rng) => `${pick(rng, VERBS)}${pick(rng, OBJECTS)}`;
const sentence = (rng: Rng, filler: Filler) => fill(pick(rng, SENTENCES), filler);

// ---------------------------------------------------------------------------
// The large report.

export interface LargeReportOptions {
  seed?: number;
  /** Approximate size in UTF-8 bytes (default 1,000,000, about 370,000 UTF-16 code units). */
  targetBytes?: number;
  sections?: number;
  subsections?: number;
  paragraphs?: number;
  /** A blank line between blocks (default); false: one paragraph a line, like the example. */
  blankLines?: boolean;
}

/**
 * A large, well-formed report: a `# …2023年度工作总结` title, then `一、` sections of
 * `（一）` subsections of run-in `1．标题。正文……` paragraphs, full of asterisk placeholders.
 *
 * Every paragraph and heading is separated by a blank line. Micromark-based parsers
 * (remark and markdownlint) are quadratic on one giant paragraph with many asterisks,
 * which is what a report with one paragraph per line and no blank lines is in CommonMark:
 * on this text without blank lines remark-parse took ~44 s at 1 MB (4.3 s at 400 KB);
 * with them remark and markdownlint take about 1–1.5 s each (2-core machine), which keeps
 * the benchmark bearable and the comparison about parsing rather than that pathology.
 */
export function generateLargeReport(options: LargeReportOptions = {}): string {
  const { seed = 2023, targetBytes = 1_000_000, sections = 10, subsections = 20, paragraphs = 5, blankLines = true } = options;
  const rng = createRng(seed);
  const filler = asteriskFiller(rng);
  const blocks: string[] = [];
  let bytes = 0;
  const push = (block: string) => {
    blocks.push(block);
    bytes += utf8Length(block) + 2;
  };
  push('# **县农业农村局2023年度工作总结');
  push(fill(PREAMBLE, filler));
  let left = sections * subsections * paragraphs;
  for (let s = 1; s <= sections; s++) {
    push(`${chineseNumeral(s)}、${SECTION_TITLES[(s - 1) % SECTION_TITLES.length]}`);
    push(pick(rng, INTROS));
    for (let t = 1; t <= subsections; t++) {
      push(`（${chineseNumeral(t)}）${subsectionTitle(rng)}。`);
      for (let p = 1; p <= paragraphs; p++) {
        // Spread what is left of the byte budget over the paragraphs still to write.
        const budget = (targetBytes - bytes) / left--;
        let para = `${p}．${itemTitle(rng)}。`;
        do para += sentence(rng, filler);
        while (utf8Length(para) < budget - 60);
        push(para);
      }
    }
  }
  return blocks.join(blankLines ? '\n\n' : '\n') + '\n';
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

// ---------------------------------------------------------------------------
// Small random reports.

export interface ReportStyle {
  /** plain lines, `##` headings, `**一、…**` bold lines, or run-in `（一）标题。正文`. */
  headings: 'plain' | 'atx' | 'bold' | 'run-in';
  eol: '\n' | '\r\n';
  bom: boolean;
  frontMatter: boolean;
  title: boolean;
  /** Blank lines between paragraphs (otherwise one paragraph per line, like the example). */
  blankLines: boolean;
  codeBlocks: boolean;
  tables: boolean;
  /** Astral characters and emoji in the body text. */
  exotic: boolean;
  /** 1..6 level-1 sections. */
  sections: number;
}

export interface GeneratedReport {
  text: string;
  style: ReportStyle;
  /** The title as written (without `#`), or null. */
  title: string | null;
  /** Intended outline: per level-1 section, per level-2 subsection, the number of level-3 items. */
  outline: number[][];
}

export function randomStyle(rng: Rng): ReportStyle {
  return {
    headings: pick(rng, ['plain', 'atx', 'bold', 'run-in'] as const),
    eol: chance(rng, 0.3) ? '\r\n' : '\n',
    bom: chance(rng, 0.1),
    frontMatter: chance(rng, 0.2),
    title: chance(rng, 0.7),
    blankLines: chance(rng, 0.5),
    codeBlocks: chance(rng, 0.2),
    tables: chance(rng, 0.2),
    exotic: chance(rng, 0.3),
    sections: int(rng, 1, 6),
  };
}

/** A small random report; style fields not given are drawn from `rng`. */
export function generateReport(rng: Rng, opts: Partial<ReportStyle> = {}): GeneratedReport {
  const style: ReportStyle = { ...randomStyle(rng), ...opts };
  const filler = mixedFiller(rng, style.exotic);
  const h = style.headings;
  const body = (min: number, max: number) => Array.from({ length: int(rng, min, max) }, () => sentence(rng, filler)).join('');
  const blocks: string[] = [];
  const title = style.title ? `${pick(rng, ['**县农业农村局', '××区市场监管局', 'XX镇人民政府'])}${pick(rng, ['2023年度', '20**年度', '上半年'])}工作总结` : null;

  if (style.frontMatter) {
    blocks.push(['---', title ? `title: "${title}"` : 'author: 办公室', 'date: 2024-01-15', '---'].join('\n'));
  }
  if (title && !(style.frontMatter && chance(rng, 0.5))) blocks.push(h === 'atx' || chance(rng, 0.5) ? `# ${title}` : title);
  if (chance(rng, 0.7)) blocks.push(fill(PREAMBLE, filler));

  const outline: number[][] = [];
  const usedTitles = shuffle(rng, SECTION_TITLES);
  for (let s = 1; s <= style.sections; s++) {
    const marker = `${chineseNumeral(s)}、`;
    const text = usedTitles[(s - 1) % usedTitles.length];
    blocks.push(h === 'atx' ? `## ${marker}${text}` : h === 'bold' ? `**${marker}${text}**` : marker + text);
    if (chance(rng, 0.5)) blocks.push(pick(rng, INTROS) + body(0, 1));
    const children: number[] = [];
    for (let t = 1, n = int(rng, 0, 3); t <= n; t++) {
      const sub = `（${chineseNumeral(t)}）${subsectionTitle(rng)}`;
      if (h === 'atx') blocks.push(`### ${sub}`, body(1, 2));
      else if (h === 'bold') blocks.push(`**${sub}**`, body(1, 2));
      else if (h === 'run-in') blocks.push(`${sub}。${body(1, 3)}`);
      else blocks.push(`${sub}。`, body(1, 2));
      const items = int(rng, 0, 3);
      for (let p = 1; p <= items; p++) {
        const item = `${p}${chance(rng, 0.5) ? '．' : '.'}${itemTitle(rng)}`;
        if (h === 'atx') blocks.push(`#### ${item}`, body(1, 2));
        else if (h === 'plain' && chance(rng, 0.5)) blocks.push(item, body(1, 2));
        else blocks.push(`${item}。${body(1, 3)}`);
      }
      children.push(items);
      if (style.codeBlocks && chance(rng, 0.3)) blocks.push(codeBlock(rng, filler));
      if (style.tables && chance(rng, 0.3)) blocks.push(table(rng, filler));
    }
    outline.push(children);
  }

  let text = joinBlocks(blocks, style.blankLines);
  if (style.eol === '\r\n') text = text.replace(/\n/g, '\r\n');
  if (style.bom) text = '\uFEFF' + text;
  return { text, style, title, outline };
}

/** Code blocks and tables always stand between blank lines; other blocks only if asked. */
function joinBlocks(blocks: string[], blankLines: boolean): string {
  let out = '';
  blocks.forEach((block, i) => {
    const fenced = /^(```|---|\|)/.test(block);
    if (i > 0) out += blankLines || fenced || /^(```|---|\|)/.test(blocks[i - 1]) ? '\n\n' : '\n';
    out += block;
  });
  return out + '\n';
}

function codeBlock(rng: Rng, filler: Filler): string {
  return [
    '```text',
    '一、代码块里的编号不是标题',
    `（一）培训人次  ${int(rng, 10, 5000)}`,
    `1．完成率      ${filler('P', '')}`,
    `# 资金        ${filler('A', '')}`,
    '```',
  ].join('\n');
}

function table(rng: Rng, filler: Filler): string {
  return [
    '| 指标 | 目标 | 完成 |',
    '| --- | ---: | ---: |',
    `| 培训次数 | ${int(rng, 1, 50)} | ${filler('C', '次')} |`,
    `| 投入资金 | ${int(rng, 10, 900)}万元 | ${filler('A', '')} |`,
    `| 完成率 | 100% | ${filler('P', '')} |`,
  ].join('\n');
}
