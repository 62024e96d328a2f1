/**
 * 监测数据: observations imported from the offices' form (项目, 规格等级,
 * 单位, 本期均价, 上期均价, 变动幅度, 备注, optionally 监测点 and 日期) as
 * CSV or XLSX, or entered by hand (D3 3.1–3.2). The whole file is checked
 * first: a bad row refuses it with a report naming row, column, value and
 * reason, which the clerk downloads, fixes and uploads again. Implausible
 * prices are held; an officer confirms or rejects them here.
 */
import { Alert, Button, Checkbox, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';

import { api, saveBlob, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { todayInBeijing } from '../../dates.ts';
import { useQuery } from '../../router.tsx';
import { annotatedCsv, decodeCsv, problemsCsv, toCsv, type BatchProblem } from '../medical/errorReport.ts';
import { COUNTIES, label, OBSERVATION_FIELDS, OBSERVATION_STATUS } from './labels.ts';
import { callerHeaders, PriceFrame, useOperator } from './operator.tsx';

type Report = ResponseOf<'/api/price/observations/import', 'post'>;
type Observation = ResponseOf<'/api/price/observations'>[number];
type Item = ResponseOf<'/api/price/items'>[number];
type Point = ResponseOf<'/api/price/points'>[number];

const TEMPLATE_HEADER = ['监测点', '日期', '项目', '规格等级', '单位', '本期均价', '上期均价', '变动幅度', '备注'];

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export default function ObservationsPage() {
  return (
    <PriceFrame>
      <Observations />
    </PriceFrame>
  );
}

function Observations() {
  const catalogue = useApi(
    async (signal) => ({
      items: await unwrap(api.GET('/api/price/items', { signal })),
      points: await unwrap(api.GET('/api/price/points', { signal })),
    }),
    [],
  );
  const [round, setRound] = useState(0);
  const changed = () => setRound((r) => r + 1);
  const items = catalogue.data?.items ?? [];
  const points = catalogue.data?.points ?? [];

  return (
    <>
      <Typography.Paragraph>
        鸡政办规〔2022〕20号 3.1、3.2：各监测点按期报送价格。可上传各地正在使用的报表（CSV 或 XLSX），也可手工录入。整份文件先逐行检查，有错误时不保存任何数据；超出合理范围的价格暂存为“待核实”，核实后才纳入均价。
      </Typography.Paragraph>
      {catalogue.error ? <ErrorNotice error={catalogue.error} onRetry={catalogue.reload} /> : null}
      <ImportPanel points={points} onImported={changed} />
      <EntryForm items={items} points={points} onSaved={changed} />
      <HeldPanel items={items} points={points} round={round} onDecided={changed} />
      <RecentPanel items={items} points={points} round={round} />
    </>
  );
}

function pointOptions(points: readonly Point[]) {
  return points.map((p) => ({ value: p.id, label: `${p.name}（${label(COUNTIES, p.county)}）` }));
}

function ImportPanel({ points, onImported }: { points: readonly Point[]; onImported: () => void }) {
  const [file, setFile] = useState<File>();
  const [point, setPoint] = useState<string>();
  const [date, setDate] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<ApiError>();
  const input = useRef<HTMLInputElement>(null);
  const { operator } = useOperator();

  const submit = async () => {
    if (!file) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    setMissing(false);
    setError(undefined);
    setReport(undefined);
    setBusy(true);
    try {
      const contentBase64 = base64(new Uint8Array(await file.arrayBuffer()));
      const answer = await unwrap(
        api.POST('/api/price/observations/import', {
          headers: callerHeaders(operator),
          body: { file: { name: file.name, contentBase64 }, ...(point ? { point } : {}), ...(date ? { date } : {}), skipInvalid },
        }),
      );
      setReport(answer);
      onImported();
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setBusy(false);
    }
  };

  const problems = ((error?.problems ?? report?.problems ?? []) as BatchProblem[]).filter((p) => p.row !== undefined || p.field);
  const isCsv = !!file && /\.csv$/i.test(file.name);
  const annotated = async () => {
    if (!file) return;
    const text = decodeCsv(new Uint8Array(await file.arrayBuffer()));
    saveBlob(new Blob([annotatedCsv(text, problems, OBSERVATION_FIELDS)], { type: 'text/csv;charset=utf-8' }), `${file.name.replace(/\.csv$/i, '')}-错误标注.csv`);
  };
  const template = () =>
    saveBlob(new Blob(['\uFEFF' + toCsv([TEMPLATE_HEADER])], { type: 'text/csv;charset=utf-8' }), '价格监测报表模板.csv');

  return (
    <section className="panel" aria-labelledby="import-title">
      <Typography.Title level={2} id="import-title">
        导入报表
      </Typography.Title>
      <Form layout="vertical" name="price-import" onFinish={submit}>
        <Form.Item
          label="报表文件（必填）"
          htmlFor="import-file"
          required
          validateStatus={missing ? 'error' : undefined}
          help={
            <span id="import-file-help">
              {missing ? '请选择报表文件' : '列：项目、规格等级、单位、本期均价、上期均价、变动幅度、备注；可加“监测点”“日期”两列。支持 .csv（UTF-8 或 GBK）与 .xlsx'}
            </span>
          }
        >
          <div className="file-picker">
            <input
              id="import-file"
              ref={input}
              type="file"
              accept=".csv,.xlsx"
              className="file-picker-input"
              aria-describedby="import-file-help import-file-name"
              onChange={(e) => {
                setFile(e.target.files?.[0]);
                setMissing(false);
              }}
            />
            <span className="file-picker-button" aria-hidden="true">
              选择文件
            </span>
            <span id="import-file-name" className="file-picker-name">
              {file ? file.name : '未选择文件'}
            </span>
          </div>
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label="监测点（表中无“监测点”列时）" htmlFor="import-point">
            <Select id="import-point" allowClear style={{ width: 260 }} value={point} options={pointOptions(points)} onChange={(v?: string) => setPoint(v)} />
          </Form.Item>
          <Form.Item label="监测日期（表中无“日期”列时）" htmlFor="import-date">
            <Input id="import-date" type="date" style={{ width: 180 }} value={date} max={todayInBeijing()} onChange={(e) => setDate(e.target.value)} />
          </Form.Item>
        </Space>
        <Form.Item>
          <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)}>
            跳过错误行，先保存正确的行
          </Checkbox>
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy}>
            上传导入
          </Button>
          <Button onClick={template}>下载报表模板（CSV）</Button>
        </Space>
      </Form>

      <div aria-live="polite">
        {error ? <ErrorNotice error={error} fieldLabels={OBSERVATION_FIELDS} /> : null}
        {report ? (
          <Alert
            className="import-result"
            type={report.held || report.skipped ? 'warning' : 'success'}
            showIcon
            title={`本次 ${report.total ?? 0} 行：保存 ${report.stored ?? 0} 条，其中待核实 ${report.held ?? 0} 条；与已导入相同未重复保存 ${report.unchanged ?? 0} 行；跳过错误行 ${report.skipped ?? 0} 行`}
          />
        ) : null}
        {problems.length ? (
          <div className="page-toolbar">
            <Typography.Text>共 {new Set(problems.map((p) => p.row)).size} 行有错误，下载后按“错误说明”改正，再上传整份文件。</Typography.Text>
            {isCsv ? (
              <Button type="primary" onClick={() => void annotated()}>
                下载标注错误的报表（CSV）
              </Button>
            ) : null}
            <Button onClick={() => saveBlob(new Blob([problemsCsv(problems, OBSERVATION_FIELDS)], { type: 'text/csv;charset=utf-8' }), '价格报表错误清单.csv')}>
              下载错误清单（CSV）
            </Button>
          </div>
        ) : null}
      </div>
    </section>
  );
}

interface EntryValues {
  pointId: string;
  itemId: string;
  date: string;
  price: string;
  previous?: string;
  change?: string;
  note?: string;
}

const YUAN = /^\d+(\.\d{1,2})?$/;

function EntryForm({ items, points, onSaved }: { items: readonly Item[]; points: readonly Point[]; onSaved: () => void }) {
  const [form] = Form.useForm<EntryValues>();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();
  const { operator } = useOperator();

  const save = async (values: EntryValues) => {
    setError(undefined);
    setSaved(undefined);
    const optional = (v?: string) => (v && v.trim() ? v.trim() : undefined);
    const previous = optional(values.previous);
    const change = optional(values.change);
    const note = optional(values.note);
    try {
      const answer = await unwrap(
        api.POST('/api/price/observations', {
          headers: callerHeaders(operator),
          body: {
            observations: [
              {
                pointId: values.pointId,
                itemId: values.itemId,
                date: values.date,
                price: values.price.trim(),
                ...(previous ? { previous } : {}),
                ...(change ? { change } : {}),
                ...(note ? { note } : {}),
              },
            ],
          },
        }),
      );
      setSaved(answer.held ? '已保存，价格超出合理范围，暂存待核实' : answer.unchanged ? '该报价已存在，未重复保存' : '已保存');
      onSaved();
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['pointId', 'itemId', 'date', 'price', 'previous', 'change', 'note']);
      setError(failure);
    }
  };

  return (
    <section className="panel" aria-labelledby="entry-title">
      <Typography.Title level={2} id="entry-title">
        手工录入
      </Typography.Title>
      <Form form={form} layout="vertical" name="price-entry" onFinish={save} initialValues={{ date: todayInBeijing() }}>
        <Space wrap align="start">
          <Form.Item name="pointId" label="监测点" rules={[{ required: true, message: '请选择监测点' }]}>
            <Select style={{ width: 260 }} options={pointOptions(points)} />
          </Form.Item>
          <Form.Item name="itemId" label="项目" rules={[{ required: true, message: '请选择项目' }]}>
            <Select style={{ width: 220 }} options={items.map((i) => ({ value: i.id, label: `${i.name}（${i.unit}）` }))} />
          </Form.Item>
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请填写日期' }]}>
            <Input type="date" style={{ width: 180 }} max={todayInBeijing()} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item
            name="price"
            label="本期均价（元）"
            rules={[
              { required: true, message: '请填写本期均价' },
              { pattern: YUAN, message: '应为元金额，最多两位小数' },
            ]}
          >
            <Input inputMode="decimal" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="previous" label="上期均价（元）" rules={[{ pattern: YUAN, message: '应为元金额，最多两位小数' }]}>
            <Input inputMode="decimal" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="change" label="变动幅度（%）" rules={[{ pattern: /^-?\d+(\.\d{1,2})?$/, message: '应为百分数，如 2.00 或 -1.5' }]}>
            <Input inputMode="decimal" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit">
          保存报价
        </Button>
      </Form>
      <div aria-live="polite">
        {saved ? <Typography.Paragraph className="entry-saved">{saved}</Typography.Paragraph> : null}
        {error ? <ErrorNotice error={error} fieldLabels={OBSERVATION_FIELDS} /> : null}
      </div>
    </section>
  );
}

function names(items: readonly Item[], points: readonly Point[]) {
  return {
    item: (id?: string) => items.find((i) => i.id === id)?.name ?? id ?? '—',
    point: (id?: string) => points.find((p) => p.id === id)?.name ?? id ?? '—',
  };
}

function HeldPanel({ items, points, round, onDecided }: { items: readonly Item[]; points: readonly Point[]; round: number; onDecided: () => void }) {
  const held = useApi((signal) => unwrap(api.GET('/api/price/observations', { params: { query: { status: 'held', limit: 500 } }, signal })), [round]);
  const [rejecting, setRejecting] = useState<Observation>();
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const { operator } = useOperator();
  const name = names(items, points);

  const decide = async (row: Observation, decision: 'confirm' | 'reject', why: string) => {
    setError(undefined);
    const path = decision === 'confirm' ? '/api/price/observations/{id}/confirm' : '/api/price/observations/{id}/reject';
    try {
      await unwrap(api.POST(path, { headers: callerHeaders(operator), params: { path: { id: row.id ?? '' } }, body: { reason: why } }));
      setDone(`${name.point(row.pointId)}${row.date} ${name.item(row.itemId)} ${row.price} 元${decision === 'confirm' ? '已核实采用' : '已作废'}`);
      setRejecting(undefined);
      onDecided();
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  return (
    <section className="panel" aria-labelledby="held-title">
      <Typography.Title level={2} id="held-title">
        待核实报价
      </Typography.Title>
      <div aria-live="polite">
        {done ? <Typography.Paragraph className="held-done">{done}</Typography.Paragraph> : null}
        {error ? <ErrorNotice error={error} /> : null}
        {held.error ? <ErrorNotice error={held.error} onRetry={held.reload} /> : null}
      </div>
      <Table<Observation>
        size="small"
        rowKey={(r) => r.id ?? ''}
        loading={held.loading}
        dataSource={held.data ?? []}
        className="held-table"
        locale={{ emptyText: <span className="table-empty-text">没有待核实的报价</span> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条` }}
        caption={<span className="sr-only">待核实报价</span>}
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '监测点', dataIndex: 'pointId', render: (v: string) => name.point(v) },
          { title: '项目', dataIndex: 'itemId', render: (v: string) => name.item(v) },
          { title: '本期均价（元）', dataIndex: 'price', align: 'right' },
          { title: '暂存原因', dataIndex: 'holdReason' },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, row) => (
              <Space>
                <Button
                  size="small"
                  type="primary"
                  onClick={() => void decide(row, 'confirm', '')}
                  aria-label={`核实采用 ${name.point(row.pointId)} ${name.item(row.itemId)} ${row.price} 元`}
                >
                  核实采用
                </Button>
                <Button
                  size="small"
                  danger
                  onClick={() => {
                    setRejecting(row);
                    setReason('');
                    setReasonMissing(false);
                  }}
                  aria-label={`作废 ${name.point(row.pointId)} ${name.item(row.itemId)} ${row.price} 元`}
                >
                  作废
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!rejecting}
        title="作废报价"
        okText="确认作废"
        cancelText="取消"
        onCancel={() => setRejecting(undefined)}
        onOk={() => {
          if (!reason.trim()) {
            setReasonMissing(true);
            return;
          }
          if (rejecting) void decide(rejecting, 'reject', reason.trim());
        }}
      >
        <Form layout="vertical">
          <Form.Item label="作废原因" htmlFor="reject-reason" required validateStatus={reasonMissing ? 'error' : undefined} help={reasonMissing ? '请填写作废原因' : undefined}>
            <Input.TextArea id="reject-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}

const PAGE = 20;

function RecentPanel({ items, points, round }: { items: readonly Item[]; points: readonly Point[]; round: number }) {
  const [query, setQuery] = useQuery();
  const page = Math.max(1, Number(query.get('page') ?? 1));
  const itemId = query.get('item') ?? '';
  const status = query.get('status') ?? '';
  const rows = useApi(
    (signal) =>
      unwrap(
        api.GET('/api/price/observations', {
          params: {
            query: {
              limit: PAGE + 1,
              offset: (page - 1) * PAGE,
              ...(itemId ? { itemId } : {}),
              ...(status ? { status: status as 'accepted' | 'held' | 'rejected' } : {}),
            },
          },
          signal,
        }),
      ),
    [page, itemId, status, round],
  );
  const name = names(items, points);
  const shown = (rows.data ?? []).slice(0, PAGE);
  const more = (rows.data ?? []).length > PAGE;

  return (
    <section className="panel" aria-labelledby="recent-title">
      <Typography.Title level={2} id="recent-title">
        已报送数据
      </Typography.Title>
      <div className="page-toolbar">
        <label htmlFor="recent-item">项目</label>
        <Select
          id="recent-item"
          allowClear
          placeholder="全部"
          style={{ width: 180 }}
          value={itemId || undefined}
          options={items.map((i) => ({ value: i.id, label: i.name }))}
          onChange={(v?: string) => setQuery({ item: v ?? '', page: '' })}
        />
        <label htmlFor="recent-status">状态</label>
        <Select
          id="recent-status"
          allowClear
          placeholder="全部"
          style={{ width: 140 }}
          value={status || undefined}
          options={Object.entries(OBSERVATION_STATUS).map(([value, text]) => ({ value, label: text }))}
          onChange={(v?: string) => setQuery({ status: v ?? '', page: '' })}
        />
      </div>
      {rows.error ? <ErrorNotice error={rows.error} onRetry={rows.reload} /> : null}
      <Table<Observation>
        size="small"
        rowKey={(r) => r.id ?? ''}
        loading={rows.loading}
        dataSource={shown}
        className="recent-table"
        pagination={false}
        locale={{ emptyText: <span className="table-empty-text">暂无数据</span> }}
        caption={<span className="sr-only">已报送的价格监测数据</span>}
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '监测点', dataIndex: 'pointId', render: (v: string) => name.point(v) },
          { title: '区县', dataIndex: 'county', render: (v: string) => label(COUNTIES, v) },
          { title: '项目', dataIndex: 'itemId', render: (v: string) => name.item(v) },
          { title: '本期均价（元）', dataIndex: 'price', align: 'right' },
          { title: '上期均价（元）', dataIndex: 'previous', align: 'right', render: (v: string | null) => v ?? '—' },
          { title: '报表变动幅度（%）', dataIndex: 'reportedChangePercent', align: 'right', render: (v: string | null) => v ?? '—' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (v: string) => <Flag tone={v === 'held' ? 'warn' : v === 'rejected' ? 'bad' : 'good'}>{label(OBSERVATION_STATUS, v)}</Flag>,
          },
        ]}
      />
      <Space className="page-toolbar">
        <Button disabled={page <= 1} onClick={() => setQuery({ page: page - 1 })}>
          上一页
        </Button>
        <Typography.Text>第 {page} 页</Typography.Text>
        <Button disabled={!more} onClick={() => setQuery({ page: page + 1 })}>
          下一页
        </Button>
      </Space>
    </section>
  );
}
