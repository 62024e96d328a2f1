/**
 * 价格临时补贴: each index month decided from CPI and food CPI year on year
 * against the thresholds in force for that month (D3 2.3(5)–(9), 2.4.1(3)
 * (4); 发改价格〔2021〕1553号), with the amounts per person and month for
 * urban and rural recipients, and the payment list per paying department.
 */
import { Button, Descriptions, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Nothing } from '../../components/States.tsx';
import { todayInBeijing } from '../../dates.ts';
import { useQuery } from '../../router.tsx';
import { indicesFromCsv, type MonthFigures } from './csvInput.ts';
import { COUNTIES, label, PAYERS, SUBSIDY_GROUPS, TRIGGERS } from './labels.ts';
import { callerHeaders, PriceFrame, useOperator } from './operator.tsx';

type Decision = ResponseOf<'/api/price/subsidies/indices'>[number];
type PaymentRun = ResponseOf<'/api/price/subsidies/payments/{month}', 'post'>;
type Line = ResponseOf<'/api/price/subsidies/payments/{month}'>[number];

export default function SubsidiesPage() {
  return (
    <PriceFrame>
      <Subsidies />
    </PriceFrame>
  );
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PERCENT = /^-?\d+(\.\d{1,2})?$/;

function Subsidies() {
  const [query, setQuery] = useQuery();
  const year = Number(todayInBeijing().slice(0, 4));
  const from = query.get('from') ?? `${year - 2}-01`;
  const to = query.get('to') ?? `${year}-12`;
  const [round, setRound] = useState(0);
  const decisions = useApi((signal) => unwrap(api.GET('/api/price/subsidies/indices', { params: { query: { from, to } }, signal })), [from, to, round]);
  const triggered = (decisions.data ?? []).filter((d) => d.trigger);

  return (
    <>
      <Typography.Paragraph>
        物价指数同比达到启动条件（CPI 或食品价格同比达到当月适用的阈值）的指数月，由社会救助组按城乡低保标准 × 涨幅计发价格临时补贴，于指数公布当月发放；每个指数月单独判断。
      </Typography.Paragraph>
      <IndicesForm onSaved={() => setRound((r) => r + 1)} />

      <section className="panel" aria-labelledby="months-title">
        <Typography.Title level={2} id="months-title">
          各指数月判断
        </Typography.Title>
        <div className="page-toolbar">
          <label htmlFor="sub-from">起始月</label>
          <Input id="sub-from" type="month" style={{ width: 160 }} value={from} onChange={(e) => setQuery({ from: e.target.value })} />
          <label htmlFor="sub-to">截止月</label>
          <Input id="sub-to" type="month" style={{ width: 160 }} value={to} onChange={(e) => setQuery({ to: e.target.value })} />
          {decisions.data ? (
            <Typography.Text className="months-summary">
              共 {decisions.data.length} 个月，启动 {triggered.length} 个月
              {triggered.length ? `：${triggered.map((d) => d.indexMonth).join('、')}` : ''}
            </Typography.Text>
          ) : null}
        </div>
        {decisions.error ? <ErrorNotice error={decisions.error} onRetry={decisions.reload} /> : null}
        <Table<Decision>
          size="small"
          rowKey={(d) => d.indexMonth ?? ''}
          loading={decisions.loading}
          dataSource={decisions.data ?? []}
          className="months-table"
          locale={{ emptyText: <span className="table-empty-text">该期间尚未录入物价指数</span> }}
          pagination={{ pageSize: 24, hideOnSinglePage: true }}
          caption={<span className="sr-only">各指数月价格临时补贴判断</span>}
          expandable={{
            expandedRowRender: (d) => (
              <ol className="subsidy-steps">
                {(d.steps ?? []).map((s, i) => (
                  <li key={i}>
                    {String(s.text ?? '')}
                    {s.article ? `（${String(s.article)}）` : ''}
                  </li>
                ))}
              </ol>
            ),
          }}
          columns={[
            { title: '指数月', dataIndex: 'indexMonth' },
            { title: 'CPI 同比（%）', dataIndex: 'cpiPercent', align: 'right', render: (v: string | null) => v ?? '未公布' },
            { title: 'CPI 阈值（%）', dataIndex: 'cpiThresholdPercent', align: 'right', render: (v: string | null) => v ?? '—' },
            { title: '食品同比（%）', dataIndex: 'foodPercent', align: 'right', render: (v: string | null) => v ?? '未公布' },
            { title: '食品阈值（%）', dataIndex: 'foodThresholdPercent', align: 'right', render: (v: string | null) => v ?? '—' },
            {
              title: '判断',
              key: 'state',
              render: (_: unknown, d) =>
                d.outcome === 'needs_input' ? (
                  <Flag tone="info">待补数据</Flag>
                ) : d.outcome === 'no_rule_in_force' ? (
                  <Flag tone="bad">无生效规则</Flag>
                ) : d.trigger ? (
                  <Flag tone="warn">启动（{label(TRIGGERS, d.trigger)}）</Flag>
                ) : (
                  <Flag tone="good">不启动</Flag>
                ),
            },
            { title: '计发比例（%）', dataIndex: 'ratePercent', align: 'right', render: (v: string | null, d) => (d.trigger ? (v ?? '—') : '—') },
            { title: '发放月', dataIndex: 'paymentMonth', render: (v: string | null) => v ?? '—' },
            { title: '城市每人每月（元）', dataIndex: 'urbanYuan', align: 'right', render: (v: string | null, d) => (d.trigger ? (v ?? '—') : '—') },
            { title: '农村每人每月（元）', dataIndex: 'ruralYuan', align: 'right', render: (v: string | null, d) => (d.trigger ? (v ?? '—') : '—') },
          ]}
        />
      </section>

      <PaymentsPanel months={triggered.map((d) => d.indexMonth ?? '')} />
    </>
  );
}

function IndicesForm({ onSaved }: { onSaved: () => void }) {
  const [form] = Form.useForm<{ month: string; cpi?: string; food?: string }>();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();
  const { operator } = useOperator();

  const store = async (months: MonthFigures[], source: string) => {
    setError(undefined);
    setSaved(undefined);
    try {
      const answer = await unwrap(api.PUT('/api/price/subsidies/indices', { headers: callerHeaders(operator), body: { months, source } }));
      setSaved(`已保存 ${answer.stored ?? months.length} 个月的物价指数`);
      onSaved();
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['month', 'cpi', 'food']);
      setError(failure);
    }
  };

  const fromFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      await store(indicesFromCsv(await file.text()), file.name);
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  return (
    <section className="panel" aria-labelledby="indices-title">
      <Typography.Title level={2} id="indices-title">
        录入物价指数（数据保障组）
      </Typography.Title>
      <Form
        form={form}
        layout="inline"
        name="indices"
        className="page-toolbar"
        onFinish={(v) => void store([{ month: v.month, cpi: v.cpi?.trim() || null, food: v.food?.trim() || null }], '手工录入')}
      >
        <Form.Item name="month" label="指数月" rules={[{ required: true, message: '请填写指数月' }, { pattern: MONTH, message: '应为 YYYY-MM' }]}>
          <Input type="month" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="cpi" label="CPI 同比（%）" rules={[{ pattern: PERCENT, message: '应为百分数，如 2.5' }]}>
          <Input inputMode="decimal" style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="food" label="食品价格同比（%）" rules={[{ pattern: PERCENT, message: '应为百分数，如 6.3' }]}>
          <Input inputMode="decimal" style={{ width: 100 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form.Item>
      </Form>
      <div className="file-picker">
        <input
          id="indices-file"
          type="file"
          accept=".csv"
          className="file-picker-input"
          aria-describedby="indices-file-help"
          onChange={(e) => void fromFile(e.target.files?.[0])}
        />
        <label htmlFor="indices-file" className="file-picker-button">
          上传物价指数（CSV）
        </label>
        <span id="indices-file-help" className="file-picker-name">
          列：month、cpi_yoy_percent、food_cpi_yoy_percent（国家统计局同比，%）
        </span>
      </div>
      <div aria-live="polite">
        {saved ? <Typography.Paragraph className="indices-saved">{saved}</Typography.Paragraph> : null}
        {error ? <ErrorNotice error={error} fieldLabels={{ month: '指数月', cpi: 'CPI 同比', food: '食品价格同比' }} /> : null}
      </div>
    </section>
  );
}

function PaymentsPanel({ months }: { months: string[] }) {
  const [month, setMonth] = useState<string>();
  const [payer, setPayer] = useState<string>();
  const [run, setRun] = useState<PaymentRun>();
  const [lines, setLines] = useState<Line[]>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const { operator } = useOperator();

  const compile = async () => {
    if (!month) return;
    setError(undefined);
    setBusy(true);
    try {
      const answer = await unwrap(api.POST('/api/price/subsidies/payments/{month}', { headers: callerHeaders(operator), params: { path: { month } } }));
      setRun(answer);
      setLines(await unwrap(api.GET('/api/price/subsidies/payments/{month}', { params: { path: { month }, query: payer ? { payer } : {} } })));
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setBusy(false);
    }
  };

  const filter = async (next?: string) => {
    setPayer(next);
    if (!month || !run) return;
    try {
      setLines(await unwrap(api.GET('/api/price/subsidies/payments/{month}', { params: { path: { month }, query: next ? { payer: next } : {} } })));
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  return (
    <section className="panel" aria-labelledby="payments-title">
      <Typography.Title level={2} id="payments-title">
        发放清单（按发放部门）
      </Typography.Title>
      <div className="page-toolbar">
        <label htmlFor="pay-month">指数月</label>
        <Select
          id="pay-month"
          style={{ width: 160 }}
          value={month}
          placeholder="选择启动月"
          options={months.map((m) => ({ value: m, label: m }))}
          onChange={(v: string) => setMonth(v)}
        />
        <Button type="primary" disabled={!month} loading={busy} onClick={() => void compile()}>
          编制发放清单
        </Button>
        <label htmlFor="pay-payer">发放部门</label>
        <Select
          id="pay-payer"
          allowClear
          placeholder="全部"
          style={{ width: 240 }}
          value={payer}
          options={Object.entries(PAYERS).map(([value, text]) => ({ value, label: text }))}
          onChange={(v?: string) => void filter(v)}
        />
      </div>
      <div aria-live="polite">{error ? <ErrorNotice error={error} /> : null}</div>
      {run ? (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} className="payment-summary">
            <Descriptions.Item label="指数月">{run.decision?.indexMonth}</Descriptions.Item>
            <Descriptions.Item label="发放月">{run.paymentMonth ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="合计（元）">{run.totalYuan}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey={(d) => d.payer ?? ''}
            dataSource={run.departments ?? []}
            pagination={false}
            className="departments-table"
            caption={<span className="sr-only">各发放部门合计</span>}
            columns={[
              { title: '发放部门', dataIndex: 'payer', render: (v: string) => label(PAYERS, v) },
              { title: '人数', dataIndex: 'count', align: 'right' },
              { title: '金额（元）', dataIndex: 'totalYuan', align: 'right' },
            ]}
          />
          {(run.excluded ?? []).length ? (
            <Typography.Paragraph>
              未纳入：{(run.excluded ?? []).map((e) => `${e.recipientId}（${label(SUBSIDY_GROUPS, e.group)}，${e.reason}）`).join('；')}
            </Typography.Paragraph>
          ) : null}
          <Table<Line>
            size="small"
            rowKey={(l) => `${l.payer}-${l.recipient_id}`}
            dataSource={lines ?? []}
            className="lines-table"
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 人` }}
            caption={<span className="sr-only">发放明细</span>}
            columns={[
              { title: '发放部门', dataIndex: 'payer', render: (v: string) => label(PAYERS, v) },
              { title: '对象编号', dataIndex: 'recipient_id' },
              { title: '类别', dataIndex: 'group', render: (v: string) => label(SUBSIDY_GROUPS, v) },
              { title: '城乡', dataIndex: 'residence', render: (v: string) => (v === 'urban' ? '城市' : v === 'rural' ? '农村' : v) },
              { title: '区县', dataIndex: 'county', render: (v: string) => label(COUNTIES, v) },
              { title: '低保标准（元）', dataIndex: 'standard_yuan', align: 'right' },
              { title: '比例（%）', dataIndex: 'rate_percent', align: 'right' },
              { title: '金额（元）', dataIndex: 'amount_yuan', align: 'right' },
            ]}
          />
        </>
      ) : months.length ? null : (
        <Nothing text="所选期间没有启动补贴的指数月" />
      )}
    </section>
  );
}
