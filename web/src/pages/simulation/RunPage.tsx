/**
 * A run's result: total cost and its change, by county (chart and table),
 * by category and item, the distribution of who gains and who loses, the
 * persons or entities crossing a threshold, and the parameters changed
 * with the articles each figure came from. Export writes every row.
 */
import { Button, Descriptions, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';

import { api, download, unwrap } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { Chart } from '../../components/Chart.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, Nothing } from '../../components/States.tsx';
import { formatYuan } from '../../money.ts';
import { Link } from '../../router.tsx';
import type { PageProps } from '../../routes.tsx';
import { formatParamValue } from '../../units.ts';
import { bandLabel, countyChartOptions, distributionChartOptions } from './charts.ts';
import { AREA_TITLES, type AreaResult, type GroupTotal, type RunResult } from './types.ts';

const money = (v?: number) => formatYuan(v ?? 0);

export default function RunPage({ params }: PageProps) {
  const runId = params.runId ?? '';
  const run = useApi((signal) => unwrap(api.GET('/api/simulation/runs/{runId}', { params: { path: { runId } }, signal })), [runId]);

  if (run.loading && !run.data) return <Loading label="正在读取测算结果…" />;
  if (run.error) return <ErrorNotice error={run.error} onRetry={run.reload} />;
  return <Result result={run.data!} />;
}

function Result({ result }: { result: RunResult }) {
  const [error, setError] = useState<ApiError>();
  const countyOptions = useMemo(() => countyChartOptions(result.byCounty ?? [], result.year ?? 0), [result]);
  const totals = result.totals ?? {};

  const exportRun = async () => {
    setError(undefined);
    try {
      await download(`/api/simulation/runs/${result.runId}/export`, `政策测算-${result.year}.xlsx`);
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  return (
    <>
      <section className="panel" aria-labelledby="result-title">
        <Typography.Title level={2} id="result-title">
          {result.scenario?.name}（{result.year} 年）
        </Typography.Title>
        <Descriptions size="small" bordered column={1} className="simulation-totals">
          <Descriptions.Item label="测算目的">{result.scenario?.purpose}</Descriptions.Item>
          <Descriptions.Item label="编制人">{result.scenario?.author}</Descriptions.Item>
          <Descriptions.Item label="比较基线">{result.baseline}</Descriptions.Item>
          <Descriptions.Item label="测算领域">{(result.areas ?? []).map((a) => AREA_TITLES[a] ?? a).join('、')}</Descriptions.Item>
          <Descriptions.Item label="基线合计">{money(totals.baseline)} 元</Descriptions.Item>
          <Descriptions.Item label="方案合计">{money(totals.scenario)} 元</Descriptions.Item>
          <Descriptions.Item label="变化">
            <strong className="simulation-delta">{money(totals.delta)} 元</strong>
          </Descriptions.Item>
          <Descriptions.Item label="用时">{((result.durationMs ?? 0) / 1000).toFixed(1)} 秒</Descriptions.Item>
        </Descriptions>
        <div className="page-toolbar" style={{ marginTop: 12 }}>
          <Button type="primary" onClick={exportRun}>
            导出 XLSX
          </Button>
          <Link to={`/simulation/scenarios/${result.scenario?.id}`}>返回方案</Link>
        </div>
        <div aria-live="polite">{error ? <ErrorNotice error={error} /> : null}</div>
        {(result.results ?? []).flatMap((r) => r.notes ?? []).map((note) => (
          <Typography.Paragraph key={note} type="secondary">
            {note}
          </Typography.Paragraph>
        ))}
      </section>

      <section className="panel" aria-labelledby="params-title">
        <Typography.Title level={2} id="params-title">
          参数调整与依据
        </Typography.Title>
        <Table
          size="small"
          rowKey="id"
          dataSource={result.parameters ?? []}
          pagination={false}
          caption={<span className="sr-only">参数调整</span>}
          columns={[
            { title: '参数', dataIndex: 'label', render: (v: string, p) => <Link to={`/params/${p.id}`}>{v}</Link> },
            { title: '依据', key: 'cite', render: (_: unknown, p) => `${p.number} ${p.article}` },
            { title: '基线', key: 'baseline', render: (_: unknown, p) => versions(p.baseline, p.unit) },
            { title: '方案', key: 'scenario', render: (_: unknown, p) => versions(p.scenario, p.unit) },
          ]}
        />
      </section>

      <section className="panel" aria-labelledby="used-title">
        <Typography.Title level={2} id="used-title">
          测算所用的全部参数
        </Typography.Title>
        <Typography.Paragraph type="secondary">各领域规则在测算期内读取的参数（含未调整的），每个数字都可追溯到这些取值及其文号、条款。</Typography.Paragraph>
        <Table
          size="small"
          rowKey="id"
          dataSource={result.parametersUsed ?? []}
          pagination={(result.parametersUsed ?? []).length > 10 ? { pageSize: 10 } : false}
          caption={<span className="sr-only">所用参数</span>}
          columns={[
            { title: '参数', dataIndex: 'label', render: (v: string, p) => <Link to={`/params/${p.id}`}>{v}</Link> },
            { title: '依据', key: 'cite', render: (_: unknown, p) => `${p.number} ${p.article}` },
            { title: '调整', key: 'changed', render: (_: unknown, p) => ((result.parameters ?? []).some((c) => c.id === p.id) ? '是' : '否') },
            { title: '基线', key: 'baseline', render: (_: unknown, p) => versions(p.baseline, p.unit) },
          ]}
        />
      </section>

      <section className="panel" aria-labelledby="county-title">
        <Typography.Title level={2} id="county-title">
          分县区成本
        </Typography.Title>
        {(result.byCounty ?? []).length ? (
          <>
            <Chart options={countyOptions} label={`${result.year} 年分县区成本，基线与方案对比柱状图，数据见下表`} />
            <Totals groups={result.byCounty ?? []} caption="分县区成本" keyTitle="县区" />
          </>
        ) : (
          <Nothing text="所选年度没有可测算的数据" />
        )}
      </section>

      <section className="panel" aria-labelledby="category-title">
        <Typography.Title level={2} id="category-title">
          分项目与分类别
        </Typography.Title>
        <Totals groups={result.byItem ?? []} caption="分项目成本" keyTitle="项目" />
        <Totals groups={result.byCategory ?? []} caption="分类别成本" keyTitle="类别" />
      </section>

      {(result.results ?? []).map((area) => (
        <AreaSection key={area.area} area={area} />
      ))}

      <section className="panel" aria-labelledby="crossings-title">
        <Typography.Title level={2} id="crossings-title">
          跨越门槛的对象
        </Typography.Title>
        {(result.crossings ?? []).length === 0 ? (
          <Nothing text="没有对象跨越门槛" />
        ) : (
          <>
            <Typography.Paragraph>
              共 {result.crossingsTotal} 项{(result.crossingsTotal ?? 0) > (result.crossings ?? []).length ? `，此处列出前 ${(result.crossings ?? []).length} 项，导出文件含全部` : ''}。
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey={(c) => `${c.kind}:${c.subject}`}
              dataSource={result.crossings ?? []}
              pagination={{ pageSize: 20 }}
              caption={<span className="sr-only">跨越门槛的对象</span>}
              columns={[
                { title: '变化', dataIndex: 'title' },
                { title: '对象', dataIndex: 'subject' },
                { title: '县区', dataIndex: 'county', render: (v: string) => result.counties?.[v] ?? v },
                { title: '依据', key: 'rule', render: (_: unknown, c) => `${c.article}（${c.rule}）` },
              ]}
            />
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="lines-title">
        <Typography.Title level={2} id="lines-title">
          成本明细及所用规则
        </Typography.Title>
        <Table
          size="small"
          rowKey={(l) => `${l.area}:${l.item}:${l.county}:${l.category}`}
          dataSource={result.lines ?? []}
          pagination={{ pageSize: 20 }}
          caption={<span className="sr-only">成本明细</span>}
          columns={[
            { title: '项目', dataIndex: 'itemTitle' },
            { title: '县区', dataIndex: 'county', render: (v: string) => result.counties?.[v] ?? v },
            { title: '类别', dataIndex: 'categoryTitle' },
            { title: '基线（元）', dataIndex: 'baseline', align: 'right', render: money },
            { title: '方案（元）', dataIndex: 'scenario', align: 'right', render: money },
            { title: '变化（元）', dataIndex: 'delta', align: 'right', render: money },
            { title: '人数', dataIndex: 'entities', align: 'right' },
            { title: '条款', dataIndex: 'articles', render: (v: string[]) => (v ?? []).join('、') },
          ]}
        />
      </section>
    </>
  );
}

/** One area's distribution of gains and losses, and the summary tables it adds. */
function AreaSection({ area }: { area: AreaResult }) {
  const title = AREA_TITLES[area.area ?? ''] ?? area.area ?? '';
  const d = area.distribution;
  const grades = d?.unit === 'grades';
  const amount = (v?: number) => (grades ? `${v ?? 0} 级` : `${money(v)} 元`);
  const heading = grades ? `${title}：等级上升与下降` : `${title}：受益与受损`;
  return (
    <section className="panel" aria-labelledby={`dist-${area.area}`}>
      <Typography.Title level={2} id={`dist-${area.area}`}>
        {heading}
      </Typography.Title>
      <Typography.Paragraph>
        共 {d?.entities ?? 0} {grades ? '个主体' : '人（户）'}，{grades ? '上升' : '受益'} {d?.gainers ?? 0}，{grades ? '下降' : '受损'} {d?.losers ?? 0}，不变 {d?.unchanged ?? 0}；
        {grades ? '上升' : '受益'}合计 {amount(d?.gained)}，{grades ? '下降' : '受损'}合计 {amount(d?.lost)}，最大{grades ? '上升' : '受益'} {amount(d?.largestGain)}，最大
        {grades ? '下降' : '受损'} {amount(d?.largestLoss)}。
      </Typography.Paragraph>
      <Chart options={distributionChartOptions(area, title)} label={`${heading}人数柱状图，数据见下表`} height={280} />
      <Table
        size="small"
        rowKey={(b) => String(b.above)}
        dataSource={d?.bands ?? []}
        pagination={false}
        caption={<span className="sr-only">{heading}分布</span>}
        columns={[
          { title: '变化幅度', key: 'band', render: (_: unknown, b) => bandLabel(b.above, b.upTo, d?.unit) },
          { title: grades ? '上升主体数' : '受益人数', dataIndex: 'gainers', align: 'right' },
          { title: grades ? '上升级数合计' : '受益金额（元）', dataIndex: 'gained', align: 'right', render: (v: number) => (grades ? v : money(v)) },
          { title: grades ? '下降主体数' : '受损人数', dataIndex: 'losers', align: 'right' },
          { title: grades ? '下降级数合计' : '受损金额（元）', dataIndex: 'lost', align: 'right', render: (v: number) => (grades ? v : money(v)) },
        ]}
      />
      {(area.tables ?? []).map((table) => (
        <div key={table.key} className="simulation-area-table">
          <Typography.Title level={3}>{table.title}</Typography.Title>
          {(table.rows ?? []).length === 0 ? (
            <Nothing text="无" />
          ) : (
            <Table
              size="small"
              rowKey={(_row, index) => String(index)}
              dataSource={table.rows ?? []}
              pagination={(table.rows ?? []).length > 20 ? { pageSize: 20 } : false}
              caption={<span className="sr-only">{table.title}</span>}
              columns={(table.columns ?? []).map((c) => ({
                title: c.title,
                dataIndex: c.key ?? '',
                align: c.kind === 'text' ? undefined : ('right' as const),
                render: (v: unknown) => (c.kind === 'fen' ? money(Number(v ?? 0)) : String(v ?? '')),
              }))}
            />
          )}
        </div>
      ))}
    </section>
  );
}

function versions(list: NonNullable<RunResult['parameters']>[number]['baseline'], unit?: string) {
  return (list ?? []).map((v) => `${v.from}${v.to ? `至${v.to}` : '起'}：${formatParamValue(v.value, unit ?? '', true)}`).join('；');
}

function Totals({ groups, caption, keyTitle }: { groups: readonly GroupTotal[]; caption: string; keyTitle: string }) {
  return (
    <Table
      size="small"
      rowKey="key"
      dataSource={[...groups]}
      pagination={false}
      caption={<span className="sr-only">{caption}</span>}
      columns={[
        { title: keyTitle, dataIndex: 'title' },
        { title: '基线（元）', dataIndex: 'baseline', align: 'right', render: money },
        { title: '方案（元）', dataIndex: 'scenario', align: 'right', render: money },
        { title: '变化（元）', dataIndex: 'delta', align: 'right', render: money },
        { title: '人数', dataIndex: 'entities', align: 'right' },
      ]}
    />
  );
}
