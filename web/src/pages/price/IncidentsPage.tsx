/**
 * 突发事件报告时限: from the moment an event is found, every deadline of D3
 * 4.1 — the monitoring officer to the county within 1 hour, county and city
 * to the city's duty offices by phone and in writing, on to the province —
 * with who owes it, met or missed; and the content 4.1(2) asks each report
 * to carry (time, place, source, nature, scope, trend, measures).
 */
import { Button, Descriptions, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';

import { useCapabilities } from '../../api/capabilities.tsx';
import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag, type Tone } from '../../components/Flag.tsx';
import { useQuery } from '../../router.tsx';
import { CLOCK_MODES, CLOCK_STATUS, COUNTIES, label, LEVELS } from './labels.ts';
import { callerHeaders, PriceFrame, useOperator } from './operator.tsx';
import { beijingTime } from './WarningsPage.tsx';

type Incident = ResponseOf<'/api/price/incidents/{id}'>;
type Clock = NonNullable<Incident['clocks']>[number];

const CLOCK_TONE: Record<string, Tone> = { met: 'good', done: 'good', missed: 'bad', overdue: 'bad', pending: 'info' };

const CONTENT: Record<string, string> = {
  place: '地点',
  source: '信息来源',
  nature: '事件性质',
  scope: '影响范围',
  trend: '发展趋势',
  measures: '已采取的措施',
};

export default function IncidentsPage() {
  return (
    <PriceFrame>
      <Incidents />
    </PriceFrame>
  );
}

function Incidents() {
  const [query, setQuery] = useQuery();
  const selected = query.get('id') ?? '';
  const [round, setRound] = useState(0);
  const list = useApi((signal) => unwrap(api.GET('/api/price/incidents', { signal })), [round]);

  return (
    <>
      <Typography.Paragraph>
        鸡政办规〔2022〕20号 4.1：发现价格异常波动事件后，监测人员 1 小时内报告县(市)区价格主管部门；较大事件由县(市)区和市应急指挥部办公室 20 分钟内电话、1 小时内书面报告市委、市政府总值班室，再 30 分钟内电话、2 小时内书面报告省委、省政府总值班室；重大、特别重大事件 1 小时内简要书面报告、3 小时内详细书面报告。
      </Typography.Paragraph>
      <NewIncident
        onCreated={(id) => {
          setRound((r) => r + 1);
          setQuery({ id });
        }}
      />
      {selected ? <IncidentDetail id={selected} onChanged={() => setRound((r) => r + 1)} /> : null}
      <DrillsPanel />
      <section className="panel" aria-labelledby="incidents-title">
        <Typography.Title level={2} id="incidents-title">
          事件列表
        </Typography.Title>
        {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
        <Table
          size="small"
          rowKey={(i) => i.id ?? ''}
          loading={list.loading}
          dataSource={list.data ?? []}
          className="incidents-table"
          locale={{ emptyText: <span className="table-empty-text">尚无登记的事件</span> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          caption={<span className="sr-only">突发事件列表</span>}
          columns={[
            { title: '发现时间', dataIndex: 'discoveredAt', render: (v: string) => beijingTime(v) },
            { title: '级别', dataIndex: 'level', render: (v: number) => label(LEVELS, String(v)) },
            { title: '县(市)区', dataIndex: 'county', render: (v: string) => label(COUNTIES, v) },
            { title: '地点', dataIndex: 'place', render: (v?: string) => v || '—' },
            { title: '超时环节', dataIndex: 'missed', render: (v?: number) => (v ? <Flag tone="bad">{v} 个环节超时</Flag> : <Flag tone="good">无超时</Flag>) },
            {
              title: '查看',
              key: 'open',
              render: (_: unknown, i) => (
                <Button size="small" onClick={() => setQuery({ id: i.id ?? '' })} aria-label={`查看 ${beijingTime(i.discoveredAt)} 发现的事件`}>
                  查看时限
                </Button>
              ),
            },
          ]}
        />
      </section>
    </>
  );
}

interface NewValues {
  level: 1 | 2 | 3;
  discoveredAt: string;
  county: string;
  place?: string;
  source?: string;
  nature?: string;
  scope?: string;
  trend?: string;
  measures?: string;
}

function NewIncident({ onCreated }: { onCreated: (id: string) => void }) {
  const [form] = Form.useForm<NewValues>();
  const [error, setError] = useState<ApiError>();
  const { operator } = useOperator();

  const save = async (v: NewValues) => {
    setError(undefined);
    const content = Object.fromEntries(Object.keys(CONTENT).flatMap((k) => {
      const text = (v[k as keyof NewValues] as string | undefined)?.trim();
      return text ? [[k, text]] : [];
    }));
    try {
      const created = await unwrap(
        api.POST('/api/price/incidents', {
          headers: callerHeaders(operator),
          body: { level: v.level, discoveredAt: `${v.discoveredAt}:00+08:00`, county: v.county, ...content },
        }),
      );
      form.resetFields();
      onCreated(created.id ?? '');
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['level', 'discoveredAt', 'county', ...Object.keys(CONTENT)]);
      setError(failure);
    }
  };

  return (
    <section className="panel" aria-labelledby="new-incident-title">
      <Typography.Title level={2} id="new-incident-title">
        登记事件
      </Typography.Title>
      <Form form={form} layout="vertical" name="incident" onFinish={save} initialValues={{ level: 3 }}>
        <Space wrap align="start">
          <Form.Item name="level" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
            <Select style={{ width: 180 }} options={[3, 2, 1].map((l) => ({ value: l, label: label(LEVELS, String(l)) }))} />
          </Form.Item>
          <Form.Item name="discoveredAt" label="发现时间（北京时间）" rules={[{ required: true, message: '请填写发现时间' }]}>
            <Input type="datetime-local" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="county" label="县(市)区" rules={[{ required: true, message: '请选择县(市)区' }]}>
            <Select style={{ width: 160 }} options={Object.entries(COUNTIES).map(([value, text]) => ({ value, label: text }))} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          {Object.entries(CONTENT).map(([k, text]) => (
            <Form.Item key={k} name={k} label={text}>
              <Input style={{ width: 200 }} />
            </Form.Item>
          ))}
        </Space>
        <Button type="primary" htmlType="submit">
          登记并计算报告时限
        </Button>
      </Form>
      <div aria-live="polite">{error ? <ErrorNotice error={error} /> : null}</div>
    </section>
  );
}

function IncidentDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const [round, setRound] = useState(0);
  const incident = useApi((signal) => unwrap(api.GET('/api/price/incidents/{id}', { params: { path: { id } }, signal })), [id, round]);
  const [error, setError] = useState<ApiError>();
  const { operator } = useOperator();
  const i = incident.data;

  const report = async (clock: Clock) => {
    setError(undefined);
    try {
      await unwrap(
        api.POST('/api/price/incidents/{id}/reports', {
          headers: callerHeaders(operator),
          params: { path: { id } },
          body: { step: clock.step ?? '', owner: clock.owner ?? '' },
        }),
      );
      setRound((r) => r + 1);
      onChanged();
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  return (
    <section className="panel incident-detail" aria-labelledby="incident-title">
      <Typography.Title level={2} id="incident-title">
        报告时限
      </Typography.Title>
      {incident.error ? <ErrorNotice error={incident.error} onRetry={incident.reload} /> : null}
      <div aria-live="polite">{error ? <ErrorNotice error={error} /> : null}</div>
      {i ? (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="发现时间">{beijingTime(i.discoveredAt)}</Descriptions.Item>
            <Descriptions.Item label="级别">{label(LEVELS, String(i.level))}</Descriptions.Item>
            <Descriptions.Item label="县(市)区">{i.countyName ?? label(COUNTIES, i.county)}</Descriptions.Item>
            {Object.entries(CONTENT).map(([k, text]) => (
              <Descriptions.Item key={k} label={text}>
                {String((i as Record<string, unknown>)[k] ?? '') || '—'}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label="尚缺内容（4.1(2)）" span={3}>
              {(i.missingContent ?? []).join('、') || '无'}
            </Descriptions.Item>
          </Descriptions>
          <Table<Clock>
            size="small"
            rowKey={(c) => `${c.step}-${c.owner}`}
            dataSource={i.clocks ?? []}
            pagination={false}
            className="clocks-table"
            caption={<span className="sr-only">各报告环节时限</span>}
            columns={[
              { title: '环节', dataIndex: 'title' },
              { title: '方式', dataIndex: 'mode', render: (v: string) => label(CLOCK_MODES, v) },
              { title: '责任单位', dataIndex: 'ownerLabel', render: (v: string, c) => v || c.owner },
              { title: '报送对象', dataIndex: 'recipients', render: (v?: string[]) => (v ?? []).join('、') || '—' },
              { title: '时限', key: 'deadline', render: (_: unknown, c) => (c.deadline ? `${beijingTime(c.deadline)}（${c.limitMinutes} 分钟）` : '立即') },
              { title: '报告时间', dataIndex: 'doneAt', render: (v: string | null) => beijingTime(v) },
              {
                title: '状态',
                dataIndex: 'status',
                render: (v: string, c) => (
                  <Flag tone={CLOCK_TONE[v] ?? 'neutral'}>
                    {label(CLOCK_STATUS, v)}
                    {c.minutesLate ? `（超 ${c.minutesLate} 分钟）` : ''}
                  </Flag>
                ),
              },
              {
                title: '操作',
                key: 'report',
                render: (_: unknown, c) =>
                  c.doneAt ? null : (
                    <Button size="small" onClick={() => void report(c)} aria-label={`登记已报告：${c.title ?? ''}`}>
                      登记已报告
                    </Button>
                  ),
              },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}

const DRILL_KINDS: Record<string, string> = { comprehensive: '综合应急演练', tabletop: '桌面推演', field: '实战演练' };

/** D3 7.1: a comprehensive drill at least once every 3 years; when the next is due. */
function DrillsPanel() {
  const { caps } = useCapabilities();
  const offered = !!caps?.has('GET /api/price/drills') && !!caps?.has('POST /api/price/drills');
  const [round, setRound] = useState(0);
  const [form] = Form.useForm<{ date: string; kind: string; note?: string }>();
  const [error, setError] = useState<ApiError>();
  const { operator } = useOperator();
  const drills = useApi(async (signal) => (offered ? unwrap(api.GET('/api/price/drills', { signal })) : undefined), [offered, round]);
  if (!offered) return null;
  const next = drills.data?.next;

  const save = async (v: { date: string; kind: string; note?: string }) => {
    setError(undefined);
    try {
      await unwrap(
        api.POST('/api/price/drills', {
          headers: callerHeaders(operator),
          body: { date: v.date, kind: v.kind as 'comprehensive', ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
        }),
      );
      form.resetFields();
      setRound((r) => r + 1);
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  return (
    <section className="panel" aria-labelledby="drills-title">
      <Typography.Title level={2} id="drills-title">
        应急演练
      </Typography.Title>
      {drills.error ? <ErrorNotice error={drills.error} onRetry={drills.reload} /> : null}
      {next ? (
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} className="drill-next">
          <Descriptions.Item label="上次综合演练">{next.lastComprehensive ?? '无记录'}</Descriptions.Item>
          <Descriptions.Item label="下次最迟">
            {next.due}
            {next.overdue ? <Flag tone="bad">已逾期</Flag> : <Flag tone="good">剩 {next.daysLeft} 天</Flag>}
          </Descriptions.Item>
          <Descriptions.Item label="依据">{[next.article, next.basis].filter(Boolean).join('：')}</Descriptions.Item>
        </Descriptions>
      ) : null}
      <Form form={form} layout="inline" name="drill" className="page-toolbar" onFinish={save} initialValues={{ kind: 'comprehensive' }}>
        <Form.Item name="date" label="演练日期" rules={[{ required: true, message: '请填写演练日期' }]}>
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="kind" label="演练类型" rules={[{ required: true, message: '请选择演练类型' }]}>
          <Select style={{ width: 160 }} options={Object.entries(DRILL_KINDS).map(([value, text]) => ({ value, label: text }))} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            登记演练
          </Button>
        </Form.Item>
      </Form>
      <div aria-live="polite">{error ? <ErrorNotice error={error} /> : null}</div>
      <Table
        size="small"
        rowKey={(d) => d.id ?? ''}
        dataSource={drills.data?.drills ?? []}
        pagination={false}
        className="drills-table"
        locale={{ emptyText: <span className="table-empty-text">尚无演练记录</span> }}
        caption={<span className="sr-only">演练记录</span>}
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '类型', dataIndex: 'kind', render: (v: string) => label(DRILL_KINDS, v) },
          { title: '备注', dataIndex: 'note', render: (v?: string) => v || '—' },
          { title: '登记人', dataIndex: 'enteredBy' },
        ]}
      />
    </section>
  );
}
