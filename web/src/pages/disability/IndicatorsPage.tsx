/**
 * 规划指标监测: the eleven indicators of 专栏1 (D1 四(三)) per year and area —
 * value against the 2025 target and this year's step on the path to it,
 * the 约束性 (binding) ones marked in words, an alarm for any binding one
 * off track — and a chart of one indicator's path against the values
 * reached, with its figures in a table beside it.
 */
import { Alert, Select, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';

import { api, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { Chart } from '../../components/Chart.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Loading } from '../../components/States.tsx';
import { todayInBeijing } from '../../dates.ts';
import { useQuery } from '../../router.tsx';
import { useCounties } from './counties.ts';
import { indicatorChartOptions, indicatorSeries, type Monitoring, type Tracked } from './indicatorChart.ts';
import { FLAG_LABELS, INDICATOR_STATUS_LABELS, INDICATOR_STATUS_TONES, KIND_LABELS, label } from './labels.ts';

const YEARS = [2021, 2022, 2023, 2024, 2025];

export default function IndicatorsPage() {
  const [query, setQuery] = useQuery();
  const thisYear = Number(todayInBeijing().slice(0, 4));
  const year = Number(query.get('year') ?? Math.min(Math.max(thisYear, 2021), 2025));
  const county = query.get('county') ?? '';
  const counties = useCounties();
  const [chosen, setChosen] = useState<string>();

  const answers = useApi(
    (signal) =>
      Promise.all(
        YEARS.map((y) =>
          unwrap(api.GET('/api/disability/indicators', { params: { query: { year: y, ...(county ? { county } : {}) } }, signal })),
        ),
      ),
    [county],
  );

  const current: Monitoring | undefined = answers.data?.find((m) => m.year === year);
  const area = current ? (county ? current.counties?.find((c) => c.county === county) : current.city) : undefined;
  const indicators = area?.indicators ?? [];
  const alarms = indicators.filter((i) => i.kind === 'binding' && i.flag === 'alarm');
  const shown = chosen ?? alarms[0]?.id ?? indicators.find((i) => i.kind === 'binding')?.id ?? 'living_coverage';
  const series = useMemo(() => (answers.data ? indicatorSeries(answers.data, shown, county) : undefined), [answers.data, shown, county]);
  const options = useMemo(() => (series ? indicatorChartOptions(series) : undefined), [series]);

  return (
    <>
      <Typography.Paragraph>
        《鸡西市“十四五”残疾人保障和发展规划》专栏1主要指标：能由登记数据计算的按登记名册与发放名册计算，其余由经办人录入。约束性指标进度滞后时预警。
      </Typography.Paragraph>
      <div className="page-toolbar">
        <label htmlFor="ind-year">年度</label>
        <Select id="ind-year" style={{ width: 120 }} value={year} options={YEARS.map((y) => ({ value: y, label: `${y} 年` }))} onChange={(v: number) => setQuery({ year: v })} />
        <label htmlFor="ind-county">地区</label>
        <Select
          id="ind-county"
          allowClear
          placeholder="全市"
          style={{ width: 160 }}
          value={county || undefined}
          options={counties.list.map((c) => ({ value: c.code, label: c.name }))}
          onChange={(v?: string) => setQuery({ county: v ?? '' })}
        />
      </div>

      {answers.loading ? <Loading /> : null}
      {answers.error ? <ErrorNotice error={answers.error} onRetry={answers.reload} /> : null}
      {current?.synthetic ? <Alert type="info" showIcon className="page-toolbar" title="名册含合成演示数据，指标数值仅作演示。" /> : null}

      {area ? (
        <>
          <div aria-live="polite">
            {alarms.length ? (
              <Alert
                type="error"
                showIcon
                className="indicator-alarms page-toolbar"
                title={`约束性指标预警 ${alarms.length} 项`}
                description={
                  <ul>
                    {alarms.map((a) => (
                      <li key={a.id}>
                        指标{a.number} {a.label}：{a.message}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Alert type="success" showIcon className="indicator-alarms page-toolbar" title={`${year} 年${area.name}约束性指标无预警`} />
            )}
          </div>

          <section className="panel" aria-labelledby="ind-table-title">
            <Typography.Title level={2} id="ind-table-title">
              {year} 年{area.name}主要指标（截至 {current?.asOf}）
            </Typography.Title>
            <Table<Tracked>
              size="small"
              rowKey="id"
              dataSource={indicators}
              pagination={false}
              className="indicator-table"
              rowClassName={(i) => (i.kind === 'binding' ? 'indicator-binding' : '')}
              caption={<span className="sr-only">专栏1 主要指标：实际值、当年进度要求、2025年目标、属性与状态</span>}
              columns={[
                { title: '序号', dataIndex: 'number', width: 64 },
                { title: '指标', dataIndex: 'label' },
                {
                  title: '属性',
                  dataIndex: 'kind',
                  render: (v: string) => <Flag tone={v === 'binding' ? 'info' : 'neutral'}>{label(KIND_LABELS, v)}</Flag>,
                },
                { title: '实际值', dataIndex: 'value', align: 'right', render: (v?: string | null) => v ?? '—' },
                { title: '当年进度要求', dataIndex: 'milestone', align: 'right', render: (v?: string | null) => v ?? '—' },
                { title: '2025年目标', dataIndex: 'target', align: 'right' },
                {
                  title: '状态',
                  dataIndex: 'status',
                  render: (v: string, i) => (
                    <>
                      <Flag tone={INDICATOR_STATUS_TONES[v] ?? 'neutral'}>{label(INDICATOR_STATUS_LABELS, v)}</Flag>
                      {i.flag ? (
                        <>
                          {' '}
                          <Flag tone={i.flag === 'alarm' ? 'bad' : 'warn'}>{label(FLAG_LABELS, i.flag)}</Flag>
                        </>
                      ) : null}
                    </>
                  ),
                },
                { title: '说明', dataIndex: 'message' },
                { title: '来源', dataIndex: 'source', render: (v: string) => (v === 'register' ? '登记数据' : '人工录入') },
              ]}
            />
          </section>

          <section className="panel" aria-labelledby="ind-chart-title">
            <Typography.Title level={2} id="ind-chart-title">
              达标路径与实际值
            </Typography.Title>
            <div className="page-toolbar">
              <label htmlFor="ind-pick">指标</label>
              <Select
                id="ind-pick"
                style={{ width: 360 }}
                value={shown}
                options={indicators.map((i) => ({ value: i.id, label: `${i.number}. ${i.label}（${label(KIND_LABELS, i.kind)}）` }))}
                onChange={(v: string) => setChosen(v)}
              />
            </div>
            {series && options ? (
              <>
                <Chart options={options} label={`指标${series.number} ${series.label} 2021—2025年达标路径与实际值折线图，数据见下表`} />
                <Table
                  size="small"
                  rowKey="year"
                  dataSource={series.points}
                  pagination={false}
                  className="indicator-path"
                  caption={<span className="sr-only">逐年达标路径与实际值</span>}
                  columns={[
                    { title: '年度', dataIndex: 'year' },
                    { title: `达标路径（${series.unit}）`, dataIndex: 'milestone', align: 'right', render: (v: number | null) => (v === null ? '—' : v) },
                    { title: `实际值（${series.unit}）`, dataIndex: 'value', align: 'right', render: (v: number | null) => (v === null ? '—' : v) },
                    { title: '状态', dataIndex: 'status', render: (v: string | null) => label(INDICATOR_STATUS_LABELS, v) },
                  ]}
                />
              </>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}
