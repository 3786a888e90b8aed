/**
 * Common blocks of a report, offered at the start of a line. Their names and text are
 * Chinese whatever the UI language: they are the report's own words.
 */
export interface BlockSnippet {
  label: string;
  /** What the block is, shown next to the label. */
  description: string;
  /** Snippet text (tab stops already in place). */
  body: string;
}

export function blockSnippets(eol: string): BlockSnippet[] {
  return [
    { label: '落款', description: '署名和成文日期', body: `\${1:[单位名称]}${eol}\${2:20××年×月×日}` },
    { label: '一是二是', description: '分条列举：一是……；二是……；三是……。', body: '一是${1:……}；二是${2:……}；三是${3:……}。' },
    {
      label: '附件说明',
      description: '正文之后列出附件的名称和序号',
      body: `附件：1．\${1:[附件名称]}${eol}　　　2．\${2:[附件名称]}`,
    },
    { label: '报告如下', description: '开头的过渡语：现将……报告如下：', body: '现将${1:……}情况报告如下：' },
    { label: '特此报告', description: '报告的结束语', body: '特此报告。' },
  ];
}
