/**
 * One scenario: its changes, a run over a year of the platform's data, and
 * the runs so far; two or more runs of one year can be compared.
 */
import { Button, Descriptions, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, Nothing } from '../../components/States.tsx';
import { formatYuan } from '../../money.ts';
import { Link, navigate } from '../../router.tsx';
import type { PageProps } from '../../routes.tsx';
import { AREA_TITLES, type RunSummary } from './types.ts';

export default function ScenarioPage({ params }: PageProps) {
  const id = params.id ?? '';
  const scenario = useApi((signal) => unwrap(api.GET('/api/simulation/scenarios/{id}', { params: { path: { id } }, signal })), [id]);
  const areas = useApi((signal) => unwrap(api.GET('/api/simulation/areas', { signal })), []);

  if (scenario.loading && !scenario.data) return <Loading />;
  if (scenario.error) return <ErrorNotice error={scenario.error} onRetry={scenario.reload} />;
  const s = scenario.data!;
  // The years the scenario's areas hold data for (every area's when it reaches none).
  const reached = new Set((s.changes ?? []).map((c) => (c.id ?? '').split('.')[0]));
  const own = (areas.data ?? []).filter((a) => reached.has(a.area ?? ''));
  const years = [...new Set((own.length ? own : (areas.data ?? [])).flatMap((a) => a.years ?? []))].sort();

  return (
    <>
      <section className="panel" aria-labelledby="scenario-title">
        <Typography.Title level={2} id="scenario-title">
          {s.name}
        </Typography.Title>
        <Descriptions size="small" bordered column={1}>
          <Descriptions.Item label="测算目的">{s.purpose}</Descriptions.Item>
          <Descriptions.Item label="编制人">{s.author}</Descriptions.Item>
          <Descriptions.Item label="更新时间">{s.updatedAt?.slice(0, 16).replace('T', ' ')}</Descriptions.Item>
        </Descriptions>
        <Table
          size="small"
          rowKey={(c) => `${c.id}:${c.from ?? ''}`}
          dataSource={s.changes ?? []}
          pagination={false}
          caption={<span className="sr-only">参数调整</span>}
          columns={[
            { title: '参数', dataIndex: 'id', render: (v: string) => <Link to={`/params/${v}`}>{v}</Link> },
            { title: '调整后取值', dataIndex: 'value', render: (v: unknown) => (typeof v === 'object' ? JSON.stringify(v) : String(v)) },
            { title: '起始日期', dataIndex: 'from', render: (v?: string) => v ?? '不限' },
            { title: '截止日期', dataIndex: 'to', render: (v?: string) => v ?? '不限' },
          ]}
        />
      </section>

      <RunForm id={id} years={years} />
      <Runs runs={s.runs ?? []} />
    </>
  );
}

function RunForm({ id, years }: { id: string; years: number[] }) {
  const [year, setYear] = useState<number | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ApiError>();
  const chosen = year ?? years.at(-1) ?? null;

  const run = async () => {
    if (!chosen) return;
    setError(undefined);
    setRunning(true);
    try {
      const result = await unwrap(api.POST('/api/simulation/scenarios/{id}/runs', { params: { path: { id } }, body: { year: chosen } }));
      navigate(`/simulation/runs/${result.runId}`);
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="run-title">
      <Typography.Title level={2} id="run-title">
        测算
      </Typography.Title>
      <div className="page-toolbar">
        <label htmlFor="run-year">测算年度</label>
        {years.length > 0 ? (
          <Select id="run-year" style={{ width: 120 }} value={chosen ?? undefined} onChange={(v: number) => setYear(v)} options={years.map((y) => ({ value: y, label: `${y} 年` }))} />
        ) : (
          <InputNumber id="run-year" min={2000} max={2100} value={chosen} onChange={(v) => setYear(v)} />
        )}
        <Button type="primary" onClick={run} loading={running} disabled={!chosen}>
          开始测算
        </Button>
      </div>
      <Typography.Paragraph type="secondary">测算只在内存中重算所选年度的数据，不改动任何已结算、已发放的记录。</Typography.Paragraph>
      <div aria-live="polite">{error ? <ErrorNotice error={error} /> : null}</div>
    </section>
  );
}

function Runs({ runs }: { runs: RunSummary[] }) {
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <section className="panel" aria-labelledby="runs-title">
      <Typography.Title level={2} id="runs-title">
        测算记录
      </Typography.Title>
      {runs.length === 0 ? (
        <Nothing text="尚未测算" />
      ) : (
        <>
          <Table
            size="small"
            rowKey="id"
            dataSource={runs}
            pagination={false}
            rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), columnTitle: '选择' }}
            caption={<span className="sr-only">测算记录</span>}
            columns={[
              { title: '测算时间', dataIndex: 'createdAt', render: (v: string, r) => <Link to={`/simulation/runs/${r.id}`}>{v?.slice(0, 19).replace('T', ' ')}</Link> },
              { title: '年度', dataIndex: 'year' },
              { title: '领域', dataIndex: 'areas', render: (v: string[]) => (v ?? []).map((a) => AREA_TITLES[a] ?? a).join('、') },
              { title: '基线（元）', dataIndex: 'baselineTotal', align: 'right', render: (v: number) => formatYuan(v ?? 0) },
              { title: '方案（元）', dataIndex: 'scenarioTotal', align: 'right', render: (v: number) => formatYuan(v ?? 0) },
              { title: '变化（元）', dataIndex: 'delta', align: 'right', render: (v: number) => formatYuan(v ?? 0) },
              { title: '测算人', dataIndex: 'createdBy', render: (v?: string | null) => v ?? '—' },
            ]}
          />
          <Space className="page-toolbar">
            <Button disabled={selected.length < 2} onClick={() => navigate(`/simulation/compare?runs=${selected.join(',')}`)}>
              比较所选测算
            </Button>
          </Space>
        </>
      )}
    </section>
  );
}
