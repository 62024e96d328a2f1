/**
 * 价格监测: the averages of one item per 旬 (or day, month) for the city
 * and each county with the R1 thresholds of D3 1.3 drawn, and the FAO
 * indicator of price anomalies (IFPA) of a monthly series with its class
 * bands. Every chart has its figures in a table beside it.
 */
import { Button, Input, Radio, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { Chart } from '../../components/Chart.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag, type Tone } from '../../components/Flag.tsx';
import { Loading, Nothing } from '../../components/States.tsx';
import { todayInBeijing } from '../../dates.ts';
import { useQuery } from '../../router.tsx';
import { seriesFromCsv } from './csvInput.ts';
import { CATEGORY_LABELS, COUNTIES, IFPA_CLASSES, label } from './labels.ts';
import {
  ifpaChartOptions,
  ifpaRowsWithValue,
  priceChartOptions,
  priceRows,
  type AreaSeries,
  type IfpaBounds,
  type IfpaRow,
  type R1Thresholds,
} from './priceChart.ts';

type Item = ResponseOf<'/api/price/items'>[number];
type Granularity = 'xun' | 'date' | 'month';

const GRANULARITY: Record<Granularity, string> = { xun: '按旬', date: '按日', month: '按月' };

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function paramRaw<T>(id: string, on: string, signal: AbortSignal): Promise<T | undefined> {
  try {
    const found = await unwrap(api.GET('/api/params/{id}', { params: { path: { id }, query: { on } }, signal }));
    return found.inForce?.raw as T | undefined;
  } catch {
    return undefined;
  }
}

export default function DashboardPage() {
  const [query, setQuery] = useQuery();
  const to = query.get('to') ?? todayInBeijing();
  const from = query.get('from') ?? addDays(to, -90);
  const by = (query.get('by') as Granularity | null) ?? 'xun';
  const items = useApi((signal) => unwrap(api.GET('/api/price/items', { signal })), []);
  const itemId = query.get('item') ?? items.data?.[0]?.id ?? '';
  const item = items.data?.find((i) => i.id === itemId);

  return (
    <>
      <Typography.Paragraph>
        鸡政办规〔2022〕20号 1.3、3.1：重要商品价格按旬监测。折线为全市及各县(市)区均价；虚线为下一期达到旬环比黄灯、红灯阈值的价格（上期全市均价 ×（1 + 阈值）），价格线越过即可能提出三级预警建议。
      </Typography.Paragraph>
      <div className="page-toolbar">
        <label htmlFor="dash-item">品种</label>
        <Select
          id="dash-item"
          style={{ width: 200 }}
          value={itemId || undefined}
          placeholder="选择品种"
          loading={items.loading}
          options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.name}${i.specification ? `（${i.specification}）` : ''}` }))}
          onChange={(v: string) => setQuery({ item: v })}
        />
        <label htmlFor="dash-from">起始日期</label>
        <Input id="dash-from" type="date" style={{ width: 160 }} value={from} onChange={(e) => setQuery({ from: e.target.value })} />
        <label htmlFor="dash-to">截止日期</label>
        <Input id="dash-to" type="date" style={{ width: 160 }} value={to} onChange={(e) => setQuery({ to: e.target.value })} />
        <Radio.Group
          aria-label="统计周期"
          value={by}
          optionType="button"
          options={(Object.keys(GRANULARITY) as Granularity[]).map((g) => ({ value: g, label: GRANULARITY[g] }))}
          onChange={(e) => setQuery({ by: e.target.value as string })}
        />
      </div>

      {items.error ? <ErrorNotice error={items.error} onRetry={items.reload} /> : null}
      {items.data && items.data.length === 0 ? <Nothing text="尚无监测品种：请先在“监测目录”登记品种和监测点" /> : null}
      {item ? <PriceLines item={item} from={from} to={to} by={by} /> : null}
      <IfpaPanel item={item} to={to} />
    </>
  );
}

function PriceLines({ item, from, to, by }: { item: Item; from: string; to: string; by: Granularity }) {
  const data = useApi(
    async (signal) => {
      const points = await unwrap(api.GET('/api/price/points', { signal }));
      const counties = [...new Set(points.map((p) => p.county))].sort();
      const series = async (county?: string) =>
        unwrap(api.GET('/api/price/averages', { params: { query: { itemId: item.id, from, to, by, ...(county ? { county } : {}) } }, signal }));
      const areas: AreaSeries[] = [{ area: 'city', name: '全市', points: await series() }];
      for (const county of counties) areas.push({ area: county, name: label(COUNTIES, county), points: await series(county) });
      const table = await paramRaw<Record<string, R1Thresholds>>('price.d3.art1_3.r1_thresholds', to, signal);
      return { areas, thresholds: by === 'xun' ? table?.[item.category] : undefined };
    },
    [item.id, from, to, by],
  );
  const input = useMemo(
    () => (data.data ? { itemName: item.name, unit: item.unit, areas: data.data.areas, thresholds: data.data.thresholds } : undefined),
    [data.data, item.name, item.unit],
  );
  const options = useMemo(() => (input ? priceChartOptions(input) : undefined), [input]);
  const rows = input ? priceRows(input) : [];

  return (
    <section className="panel" aria-labelledby="lines-title">
      <Typography.Title level={2} id="lines-title">
        {item.name}均价走势
      </Typography.Title>
      <Typography.Paragraph>
        类别：{label(CATEGORY_LABELS, item.category)}；单位：{item.unit}
        {item.governmentSet ? '；政府定价（调价不触发预警）' : ''}
        {data.data && !data.data.thresholds
          ? by === 'xun'
            ? '；该类别无旬环比阈值（由 R2、R3 等规则判断）'
            : '；旬环比阈值只在按旬统计时画出'
          : data.data?.thresholds
            ? `；旬环比阈值：黄灯 ${data.data.thresholds.yellow}%，红灯 ${data.data.thresholds.red}%（参数 price.d3.art1_3.r1_thresholds）`
            : ''}
      </Typography.Paragraph>
      {data.loading ? <Loading /> : null}
      {data.error ? <ErrorNotice error={data.error} onRetry={data.reload} /> : null}
      {options && rows.length ? (
        <div className="chart-with-table">
          <Chart options={options} label={`${item.name}全市及各县(市)区均价折线图，含旬环比阈值，数据见旁边的表格`} height={360} />
          <Table
            size="small"
            rowKey="period"
            className="price-table"
            dataSource={rows}
            pagination={false}
            scroll={{ x: true }}
            caption={<span className="sr-only">{item.name}各期均价（元）</span>}
            columns={[
              { title: '期间', dataIndex: 'label', fixed: 'left' as const },
              ...(input?.areas ?? []).map((a) => ({
                title: a.name,
                key: a.area,
                align: 'right' as const,
                render: (_: unknown, r: (typeof rows)[number]) => r.values[a.area] ?? '—',
              })),
              ...(input?.thresholds
                ? [
                    { title: '黄灯阈值价', dataIndex: 'yellow', align: 'right' as const, render: (v: string | null) => v ?? '—' },
                    { title: '红灯阈值价', dataIndex: 'red', align: 'right' as const, render: (v: string | null) => v ?? '—' },
                  ]
                : []),
            ]}
          />
        </div>
      ) : data.data ? (
        <Nothing text={`${from} 至 ${to} 没有${item.name}的已采用报价`} />
      ) : null}
    </section>
  );
}

const CLASS_TONE: Record<string, Tone> = {
  abnormally_high: 'bad',
  moderately_high: 'warn',
  normal: 'good',
  moderately_low: 'info',
  abnormally_low: 'info',
};

function IfpaPanel({ item, to }: { item: Item | undefined; to: string }) {
  const [rows, setRows] = useState<IfpaRow[]>();
  const [source, setSource] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const bounds = useApi(
    async (signal) => (await paramRaw<IfpaBounds>('price.d3.art1_3.r4_ifpa_classes', to, signal)) ?? { abnormal: 1, moderate: 0.5 },
    [to],
  );

  const compute = async (series: Array<{ month: string; price: number }>, name: string) => {
    setError(undefined);
    setBusy(true);
    try {
      setRows(await unwrap(api.POST('/api/price/indicators/ifpa', { body: { series, on: to } })));
      setSource(name);
    } catch (cause) {
      setRows(undefined);
      setError(toApiError(cause));
    } finally {
      setBusy(false);
    }
  };

  const fromMonitoring = async () => {
    if (!item) return;
    try {
      const start = `${Number(to.slice(0, 4)) - 10}${to.slice(4, 8)}01`;
      const months = await unwrap(api.GET('/api/price/averages', { params: { query: { itemId: item.id, from: start, to, by: 'month' } } }));
      await compute(months.map((p) => ({ month: (p.period ?? '').slice(0, 7), price: Number(p.average) })), `${item.name}全市月均价`);
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  const fromFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      await compute(seriesFromCsv(await file.text()), file.name);
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  const shown = rows ? ifpaRowsWithValue(rows) : [];
  const options = useMemo(
    () => (rows && bounds.data ? ifpaChartOptions(rows, bounds.data, `价格异常指标 IFPA：${source ?? ''}`) : undefined),
    [rows, bounds.data, source],
  );

  return (
    <section className="panel" aria-labelledby="ifpa-title">
      <Typography.Title level={2} id="ifpa-title">
        价格异常指标（IFPA）
      </Typography.Title>
      <Typography.Paragraph>
        粮农组织价格异常指标：IFPA = 0.4 × 季度复合增长率的 z 值 + 0.6 × 年度复合增长率的 z 值（R4，鸡政办规〔2022〕20号 1.3）。
        {bounds.data ? `≥ ${bounds.data.abnormal} 异常偏高，${bounds.data.moderate}～${bounds.data.abnormal} 中度偏高，±${bounds.data.moderate} 以内正常。` : ''}
        需至少 4 个往年同月数据。
      </Typography.Paragraph>
      <Space wrap className="page-toolbar">
        <Button onClick={() => void fromMonitoring()} disabled={!item || busy}>
          用{item ? item.name : '所选品种'}的全市月均价计算
        </Button>
        <div className="file-picker">
          <input
            id="ifpa-file"
            type="file"
            accept=".csv"
            className="file-picker-input"
            aria-describedby="ifpa-file-help"
            onChange={(e) => void fromFile(e.target.files?.[0])}
          />
          <label htmlFor="ifpa-file" className="file-picker-button">
            上传月度价格序列（CSV）
          </label>
          <span id="ifpa-file-help" className="file-picker-name">
            列：month（YYYY-MM）、price
          </span>
        </div>
      </Space>
      <div aria-live="polite">
        {busy ? <Loading label="正在计算…" /> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
      {rows && options ? (
        shown.length ? (
          <div className="chart-with-table">
            <Chart options={options} label={`${source ?? ''}价格异常指标折线图，含分级区间，数据见旁边的表格`} height={340} />
            <Table<IfpaRow>
              key={source}
              size="small"
              rowKey={(r) => r.month ?? ''}
              className="ifpa-table"
              dataSource={shown}
              // The latest year first; earlier years a page back each.
              pagination={{ pageSize: 12, hideOnSinglePage: true, defaultCurrent: Math.ceil(shown.length / 12) }}
              caption={<span className="sr-only">各月价格异常指标</span>}
              columns={[
                { title: '月份', dataIndex: 'month' },
                { title: 'CQGR', dataIndex: 'cqgr', align: 'right' },
                { title: 'CAGR', dataIndex: 'cagr', align: 'right' },
                { title: 'IFPA', dataIndex: 'ifpa', align: 'right' },
                {
                  title: '分级',
                  dataIndex: 'class',
                  render: (c: string) => <Flag tone={CLASS_TONE[c] ?? 'neutral'}>{label(IFPA_CLASSES, c)}</Flag>,
                },
              ]}
            />
          </div>
        ) : (
          <Nothing text="历史数据不足，尚不能计算 IFPA（需至少 4 个往年同月数据）" />
        )
      ) : null}
    </section>
  );
}
