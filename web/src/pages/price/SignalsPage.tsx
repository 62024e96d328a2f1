/**
 * 投诉与巡查: the 12315 complaint counts per item, county and day (D3 3.3;
 * rule R5) and the market patrols' reports of competing purchases, rushes
 * and sell-outs (D3 3.2.3; rule R6), which the detection reads.
 */
import { Button, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { todayInBeijing } from '../../dates.ts';
import { PANIC_KIND_LABELS } from '../../../../src/price/rules/types.ts';
import { COUNTIES, label } from './labels.ts';
import { callerHeaders, PriceFrame, useOperator } from './operator.tsx';
import { beijingTime } from './WarningsPage.tsx';

type Item = ResponseOf<'/api/price/items'>[number];
type Point = ResponseOf<'/api/price/points'>[number];
type Complaint = ResponseOf<'/api/price/complaints'>[number];
type Panic = ResponseOf<'/api/price/panic-reports'>[number];

const countyOptions = Object.entries(COUNTIES).map(([value, text]) => ({ value, label: text }));
const FIELDS = { itemId: '品种', county: '县(市)区', date: '日期', count: '件数', kind: '类型', pointId: '监测点', description: '情况' };

export default function SignalsPage() {
  return (
    <PriceFrame>
      <Signals />
    </PriceFrame>
  );
}

function Signals() {
  const catalogue = useApi(
    async (signal) => ({
      items: await unwrap(api.GET('/api/price/items', { signal })),
      points: await unwrap(api.GET('/api/price/points', { signal })),
    }),
    [],
  );
  const items = catalogue.data?.items ?? [];
  const points = catalogue.data?.points ?? [];

  return (
    <>
      <Typography.Paragraph>
        鸡政办规〔2022〕20号 3.3、3.2.3：12315 投诉举报件数和市场巡查发现的争购、抢购、脱销情况纳入监测；近 7 日投诉举报明显增多（R5）或有抢购、脱销报告（R6）时，检测提出三级预警建议。
      </Typography.Paragraph>
      {catalogue.error ? <ErrorNotice error={catalogue.error} onRetry={catalogue.reload} /> : null}
      <ComplaintsPanel items={items} />
      <PanicPanel items={items} points={points} />
    </>
  );
}

function itemName(items: readonly Item[], id?: string) {
  return items.find((i) => i.id === id)?.name ?? id ?? '—';
}

function ComplaintsPanel({ items }: { items: readonly Item[] }) {
  const [form] = Form.useForm<{ itemId: string; county: string; date: string; count: number }>();
  const [round, setRound] = useState(0);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();
  const { operator } = useOperator();
  const list = useApi((signal) => unwrap(api.GET('/api/price/complaints', { signal })), [round]);

  const save = async (v: { itemId: string; county: string; date: string; count: number }) => {
    setError(undefined);
    setSaved(undefined);
    try {
      await unwrap(api.POST('/api/price/complaints', { headers: callerHeaders(operator), body: { complaints: [v] } }));
      setSaved(`已录入 ${v.date} ${label(COUNTIES, v.county)}${itemName(items, v.itemId)}投诉举报 ${v.count} 件`);
      setRound((r) => r + 1);
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['itemId', 'county', 'date', 'count']);
      setError(failure);
    }
  };

  return (
    <section className="panel" aria-labelledby="complaints-title">
      <Typography.Title level={2} id="complaints-title">
        12315 投诉举报件数
      </Typography.Title>
      <Form form={form} layout="inline" name="complaint" className="page-toolbar" onFinish={save} initialValues={{ date: todayInBeijing(), count: 0 }}>
        <Form.Item name="itemId" label="品种" rules={[{ required: true, message: '请选择品种' }]}>
          <Select style={{ width: 160 }} options={items.map((i) => ({ value: i.id, label: i.name }))} />
        </Form.Item>
        <Form.Item name="county" label="县(市)区" rules={[{ required: true, message: '请选择县(市)区' }]}>
          <Select style={{ width: 140 }} options={countyOptions} />
        </Form.Item>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请填写日期' }]}>
          <Input type="date" style={{ width: 170 }} max={todayInBeijing()} />
        </Form.Item>
        <Form.Item name="count" label="件数" rules={[{ required: true, message: '请填写件数' }]}>
          <InputNumber min={0} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            录入件数
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">同日同品种同县(市)区再次录入时覆盖原数。</Typography.Paragraph>
      <div aria-live="polite">
        {saved ? <Typography.Paragraph className="complaint-saved">{saved}</Typography.Paragraph> : null}
        {error ? <ErrorNotice error={error} fieldLabels={FIELDS} /> : null}
      </div>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      <Table<Complaint>
        size="small"
        rowKey={(c) => `${c.itemId}-${c.county}-${c.date}`}
        loading={list.loading}
        dataSource={list.data ?? []}
        className="complaints-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <span className="table-empty-text">尚未录入投诉举报件数</span> }}
        caption={<span className="sr-only">投诉举报件数</span>}
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '品种', dataIndex: 'itemId', render: (v: string) => itemName(items, v) },
          { title: '县(市)区', dataIndex: 'county', render: (v: string) => label(COUNTIES, v) },
          { title: '件数', dataIndex: 'count', align: 'right' },
        ]}
      />
    </section>
  );
}

interface PanicValues {
  itemId: string;
  county: string;
  pointId?: string;
  date: string;
  kind: 'competing' | 'rush' | 'sold_out';
  description?: string;
}

function PanicPanel({ items, points }: { items: readonly Item[]; points: readonly Point[] }) {
  const [form] = Form.useForm<PanicValues>();
  const [round, setRound] = useState(0);
  const [error, setError] = useState<ApiError>();
  const { operator } = useOperator();
  const list = useApi((signal) => unwrap(api.GET('/api/price/panic-reports', { signal })), [round]);
  const county = Form.useWatch('county', form);

  const save = async (v: PanicValues) => {
    setError(undefined);
    try {
      await unwrap(
        api.POST('/api/price/panic-reports', {
          headers: callerHeaders(operator),
          body: {
            itemId: v.itemId,
            county: v.county,
            pointId: v.pointId ?? null,
            date: v.date,
            kind: v.kind,
            ...(v.description?.trim() ? { description: v.description.trim() } : {}),
          },
        }),
      );
      form.resetFields(['description']);
      setRound((r) => r + 1);
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['itemId', 'county', 'pointId', 'date', 'kind', 'description']);
      setError(failure);
    }
  };

  return (
    <section className="panel" aria-labelledby="panic-title">
      <Typography.Title level={2} id="panic-title">
        市场巡查：争购、抢购、脱销报告
      </Typography.Title>
      <Form form={form} layout="vertical" name="panic" onFinish={save} initialValues={{ date: todayInBeijing(), kind: 'rush' }}>
        <Space wrap align="start">
          <Form.Item name="itemId" label="品种" rules={[{ required: true, message: '请选择品种' }]}>
            <Select style={{ width: 160 }} options={items.map((i) => ({ value: i.id, label: i.name }))} />
          </Form.Item>
          <Form.Item name="county" label="县(市)区" rules={[{ required: true, message: '请选择县(市)区' }]}>
            <Select style={{ width: 140 }} options={countyOptions} />
          </Form.Item>
          <Form.Item name="pointId" label="监测点（可选）">
            <Select allowClear style={{ width: 200 }} options={points.filter((p) => !county || p.county === county).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请填写日期' }]}>
            <Input type="date" style={{ width: 170 }} max={todayInBeijing()} />
          </Form.Item>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select style={{ width: 120 }} options={Object.entries(PANIC_KIND_LABELS).map(([value, text]) => ({ value, label: text }))} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label="情况">
          <Input.TextArea rows={2} style={{ maxWidth: 640 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          报告
        </Button>
      </Form>
      <div aria-live="polite">{error ? <ErrorNotice error={error} fieldLabels={FIELDS} /> : null}</div>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      <Table<Panic>
        size="small"
        rowKey={(p) => p.id ?? ''}
        loading={list.loading}
        dataSource={list.data ?? []}
        className="panic-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <span className="table-empty-text">尚无巡查报告</span> }}
        caption={<span className="sr-only">巡查报告</span>}
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '品种', dataIndex: 'itemId', render: (v: string) => itemName(items, v) },
          { title: '县(市)区', dataIndex: 'county', render: (v: string) => label(COUNTIES, v) },
          { title: '监测点', dataIndex: 'pointId', render: (v: string | null) => points.find((p) => p.id === v)?.name ?? v ?? '—' },
          { title: '类型', dataIndex: 'kindLabel' },
          { title: '情况', dataIndex: 'description', render: (v?: string) => v || '—' },
          { title: '报告', key: 'by', render: (_: unknown, p) => `${p.reportedBy ?? ''} ${beijingTime(p.reportedAt)}` },
        ]}
      />
    </section>
  );
}
