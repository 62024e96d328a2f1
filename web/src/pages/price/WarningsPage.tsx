/**
 * 预警: every warning with its level, state and what comes next (D3 3.4–
 * 3.6); levels 2 and 1 are entered here from the province's declaration
 * with its document (D3 1.3, 3.5.2, 3.5.3).
 */
import { Button, Checkbox, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Link, navigate, useQuery } from '../../router.tsx';
import { COUNTIES, label, LEVELS, ROLES, WARNING_ACTIONS, WARNING_STATES } from './labels.ts';
import { callerHeaders, PriceFrame, useOperator } from './operator.tsx';

type Warning = ResponseOf<'/api/price/warnings'>[number];

export function stateTone(state: string | undefined) {
  return state === 'published' ? 'bad' : state === 'approved' || state === 'proposed' ? 'warn' : 'neutral';
}

export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export default function WarningsPage() {
  return (
    <PriceFrame>
      <Warnings />
    </PriceFrame>
  );
}

function Warnings() {
  const [query, setQuery] = useQuery();
  const active = query.get('all') !== '1';
  const list = useApi((signal) => unwrap(api.GET('/api/price/warnings', { params: { query: active ? { active: true } : {} }, signal })), [active]);

  return (
    <>
      <Typography.Paragraph>
        鸡政办规〔2022〕20号 3.4：三级预警由市发改委提出建议、市政府分管领导批准，市应急管理局通过市政府突发事件预警信息发布平台发布；二级、一级依省政府发布的预警录入。预警发布后按级别生成定点监测、县(市)区报送和值班任务。
      </Typography.Paragraph>
      <section className="panel" aria-labelledby="warnings-title">
        <Typography.Title level={2} id="warnings-title">
          预警列表
        </Typography.Title>
        <div className="page-toolbar">
          <Checkbox checked={!active} onChange={(e) => setQuery({ all: e.target.checked ? '1' : '' })}>
            含已终止、未批准的预警
          </Checkbox>
        </div>
        {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
        <Table<Warning>
          size="small"
          rowKey={(w) => w.id ?? ''}
          loading={list.loading}
          dataSource={list.data ?? []}
          className="warnings-table"
          locale={{ emptyText: <span className="table-empty-text">没有预警</span> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条` }}
          caption={<span className="sr-only">预警列表</span>}
          columns={[
            { title: '预警', dataIndex: 'title', render: (v: string, w) => <Link to={`/price/warnings/${w.id}`}>{v}</Link> },
            { title: '级别', dataIndex: 'level', render: (v: number) => label(LEVELS, String(v)) },
            { title: '状态', dataIndex: 'state', render: (v: string) => <Flag tone={stateTone(v)}>{label(WARNING_STATES, v)}</Flag> },
            { title: '品种', dataIndex: 'items', render: (v?: Warning['items']) => (v ?? []).map((i) => i.name).join('、') },
            { title: '区域', dataIndex: 'areaNames', render: (v?: string[]) => (v ?? []).join('、') },
            {
              title: '下一步',
              dataIndex: 'next',
              render: (n: Warning['next']) => (n ? `${label(WARNING_ACTIONS, n.action)}（${label(ROLES, n.role)}）` : '—'),
            },
            { title: '提出时间', dataIndex: 'createdAt', render: (v: string) => beijingTime(v) },
          ]}
        />
      </section>
      <DeclarationForm />
    </>
  );
}

interface DeclarationValues {
  level: 1 | 2;
  title: string;
  items: string[];
  areas?: string[];
  number: string;
  issuer: string;
  date: string;
  docTitle?: string;
}

/** Levels 2 and 1 follow the province's (or the State Council's) declaration. */
function DeclarationForm() {
  const [form] = Form.useForm<DeclarationValues>();
  const [error, setError] = useState<ApiError>();
  const { operator } = useOperator();
  const items = useApi((signal) => unwrap(api.GET('/api/price/items', { signal })), []);

  const save = async (v: DeclarationValues) => {
    setError(undefined);
    try {
      const created = await unwrap(
        api.POST('/api/price/warnings', {
          headers: callerHeaders(operator),
          body: {
            level: v.level,
            title: v.title.trim(),
            items: v.items,
            areas: v.areas ?? [],
            document: { number: v.number.trim(), issuer: v.issuer.trim(), date: v.date, ...(v.docTitle?.trim() ? { title: v.docTitle.trim() } : {}) },
          },
        }),
      );
      navigate(`/price/warnings/${created.id}`);
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['level', 'title', 'items', 'areas']);
      setError(failure);
    }
  };

  return (
    <section className="panel" aria-labelledby="declaration-title">
      <Typography.Title level={2} id="declaration-title">
        录入省政府发布的二级、一级预警
      </Typography.Title>
      <Form form={form} layout="vertical" name="declaration" onFinish={save} initialValues={{ level: 2, issuer: '黑龙江省人民政府' }}>
        <Space wrap align="start">
          <Form.Item name="level" label="级别" rules={[{ required: true, message: '请选择级别' }]}>
            <Select style={{ width: 180 }} options={[2, 1].map((l) => ({ value: l, label: label(LEVELS, String(l)) }))} />
          </Form.Item>
          <Form.Item name="title" label="预警标题" rules={[{ required: true, message: '请填写预警标题' }]}>
            <Input style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="items" label="涉及品种" rules={[{ required: true, message: '请选择涉及品种' }]}>
            <Select mode="multiple" style={{ width: 240 }} options={(items.data ?? []).map((i) => ({ value: i.id, label: i.name }))} />
          </Form.Item>
          <Form.Item name="areas" label="警情所在县(市)区（空为全市）">
            <Select mode="multiple" style={{ width: 240 }} options={Object.entries(COUNTIES).map(([value, text]) => ({ value, label: text }))} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="number" label="文号" rules={[{ required: true, message: '请填写文号' }]}>
            <Input style={{ width: 220 }} placeholder="黑政办发〔2022〕12号" />
          </Form.Item>
          <Form.Item name="issuer" label="发布机关" rules={[{ required: true, message: '请填写发布机关' }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="date" label="发布日期" rules={[{ required: true, message: '请填写发布日期' }]}>
            <Input type="date" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="docTitle" label="文件标题">
            <Input style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit">
          录入预警
        </Button>
      </Form>
      <div aria-live="polite">{error ? <ErrorNotice error={error} /> : null}</div>
    </section>
  );
}
