/**
 * One parameter: what it is, where it comes from, every value it has had,
 * and "which value was in force on D, and why" (GET /api/params/{id}?on=D).
 */
import { Button, DatePicker, Descriptions, Form, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import type { ApiError } from '../../api/errors.ts';
import { toApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Loading, Nothing } from '../../components/States.tsx';
import type { PageProps } from '../../routes.tsx';
import { formatParamValue, unitLabel } from '../../units.ts';

type Param = ResponseOf<'/api/params'>[number];
type Version = NonNullable<Param['versions']>[number];
type InForce = ResponseOf<'/api/params/{id}'>;

export default function ParamDetailPage({ params }: PageProps) {
  const id = params.id ?? '';

  // The list endpoint gives the definition even when no value is in force
  // today (a rule not yet, or no longer, in force).
  const found = useApi(
    async (signal) => {
      const list = await unwrap(api.GET('/api/params', { params: { query: { q: id } }, signal }));
      return list.find((p) => p.id === id) ?? null;
    },
    [id],
  );

  const [answer, setAnswer] = useState<InForce>();
  const [answerError, setAnswerError] = useState<ApiError>();
  const [asking, setAsking] = useState(false);

  const ask = async ({ on }: { on: Dayjs }) => {
    setAsking(true);
    setAnswer(undefined);
    setAnswerError(undefined);
    try {
      setAnswer(
        await unwrap(api.GET('/api/params/{id}', { params: { path: { id }, query: { on: on.format('YYYY-MM-DD') } } })),
      );
    } catch (cause) {
      setAnswerError(toApiError(cause));
    } finally {
      setAsking(false);
    }
  };

  if (found.loading) return <Loading />;
  if (found.error) return <ErrorNotice error={found.error} onRetry={found.reload} />;
  const p = found.data;
  if (!p) return <Nothing text={`没有编号为 ${id} 的政策参数`} />;

  const unit = p.unit ?? '';
  return (
    <>
      <Typography.Title level={2}>{p.label}</Typography.Title>
      <Descriptions bordered size="small" column={1} className="panel" styles={{ label: { width: 160 } }}>
        <Descriptions.Item label="编号">
          <Typography.Text code>{p.id}</Typography.Text>
        </Descriptions.Item>
        {p.labelEn ? <Descriptions.Item label="英文名">{p.labelEn}</Descriptions.Item> : null}
        <Descriptions.Item label="单位">{unitLabel(unit)}</Descriptions.Item>
        <Descriptions.Item label="依据">
          {p.citation?.number} {p.citation?.article}
          {p.citation?.url ? (
            <>
              {' '}
              <a href={p.citation.url} target="_blank" rel="noreferrer">
                文件原文（新窗口打开）
              </a>
            </>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label="性质">
          {p.reading ? <Flag tone="info">解读</Flag> : <Flag>文件明文规定</Flag>}
          {p.reading ? '文件允许多种理解，此为平台采用的理解，可切换。' : null}
        </Descriptions.Item>
        {p.options?.length ? <Descriptions.Item label="可选值">{p.options.join('、')}</Descriptions.Item> : null}
        {p.source ? <Descriptions.Item label="取值来源">{p.source}</Descriptions.Item> : null}
        {p.confirm ? (
          <Descriptions.Item label="待确认">
            <Flag tone="warn">待确认</Flag>
            {p.confirm}
          </Descriptions.Item>
        ) : null}
        {p.description ? <Descriptions.Item label="说明">{p.description}</Descriptions.Item> : null}
        {p.file ? <Descriptions.Item label="参数文件">{p.file}</Descriptions.Item> : null}
      </Descriptions>

      <Typography.Title level={2}>各时期取值</Typography.Title>
      <Table<Version>
        className="panel"
        size="small"
        rowKey={(v) => `${v.from}`}
        pagination={false}
        dataSource={p.versions ?? []}
        caption={<span className="sr-only">{p.label}各时期取值</span>}
        locale={{ emptyText: <Nothing text="没有取值" /> }}
        columns={[
          { title: '生效日期', dataIndex: 'from', width: 120 },
          { title: '截止日期', dataIndex: 'to', width: 120, render: (to?: string) => to ?? '现行有效' },
          { title: '取值', key: 'raw', render: (_: unknown, v) => <ParamValue raw={v.raw} unit={unit} /> },
          { title: '依据', key: 'citation', render: (_: unknown, v) => `${v.citation?.number ?? ''} ${v.citation?.article ?? ''}` },
          { title: '备注', dataIndex: 'note', render: (note?: string, v?: Version) => [note, v?.override ? `调整：${v.override}` : ''].filter(Boolean).join('；') || '—' },
        ]}
      />

      <Typography.Title level={2}>查询某日生效的取值</Typography.Title>
      <div className="panel">
        <Form layout="inline" name="param-on" onFinish={ask} className="page-toolbar">
          <Form.Item label="日期" name="on" rules={[{ required: true, message: '请选择要查询的日期' }]}>
            <DatePicker placeholder="选择日期" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={asking}>
              查询
            </Button>
          </Form.Item>
        </Form>
        <div aria-live="polite">
          {answerError ? <ErrorNotice error={answerError} /> : null}
          {answer ? (
            <Descriptions size="small" column={1} bordered className="param-answer">
              <Descriptions.Item label="查询日期">{answer.on}</Descriptions.Item>
              <Descriptions.Item label="生效取值">
                <ParamValue raw={answer.inForce?.raw} unit={unit} strong />
              </Descriptions.Item>
              <Descriptions.Item label="生效期间">
                {answer.inForce?.from} 至 {answer.inForce?.to ?? '今'}
              </Descriptions.Item>
              <Descriptions.Item label="依据">
                {answer.inForce?.citation?.number} {answer.inForce?.citation?.article}
              </Descriptions.Item>
              {answer.inForce?.note ? <Descriptions.Item label="备注">{answer.inForce.note}</Descriptions.Item> : null}
            </Descriptions>
          ) : null}
        </div>
      </div>
    </>
  );
}

function ParamValue({ raw, unit, strong = false }: { raw: unknown; unit: string; strong?: boolean }) {
  const text = formatParamValue(raw, unit);
  if (raw !== null && typeof raw === 'object') return (
      <pre className="param-table" tabIndex={0} aria-label="表格取值（可滚动）">
        {text}
      </pre>
    );
  return strong ? <strong className="value-cell">{text}</strong> : <span className="value-cell">{text}</span>;
}
