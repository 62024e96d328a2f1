/** How a parameter's unit and value read in Chinese. */

const UNIT_LABELS: Record<string, string> = {
  yuan: '元',
  percent: '%',
  percentage_points: '个百分点',
  count: '个',
  integer: '整数',
  days: '天',
  working_days: '个工作日',
  months: '个月',
  years: '年',
  hours: '小时',
  date: '日期',
  time: '时刻',
  boolean: '是/否',
  enum: '选项',
  text: '文字',
  list: '列表',
  table: '表',
};

export function unitLabel(unit: string): string {
  return UNIT_LABELS[unit] ?? unit;
}

/**
 * A parameter value as written in its file, with the unit where it reads
 * well. `compact` (lists of parameters) shortens tables and long lists.
 */
export function formatParamValue(raw: unknown, unit: string, compact = false): string {
  if (raw === null || raw === undefined) return '—';
  if (typeof raw === 'boolean') return raw ? '是' : '否';
  if (Array.isArray(raw)) {
    const items = raw.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)));
    const text = items.join('、');
    return compact && text.length > 60 ? `${items.length} 项，见详情` : text;
  }
  if (typeof raw === 'object') return compact ? '表格，见详情' : JSON.stringify(raw, null, 2);

  const text = String(raw);
  switch (unit) {
    case 'yuan':
      return `${text} 元`;
    case 'percent':
      return `${text}%`;
    case 'percentage_points':
    case 'days':
    case 'working_days':
    case 'months':
    case 'years':
    case 'hours':
      return `${text} ${UNIT_LABELS[unit]}`;
    default:
      return text;
  }
}
