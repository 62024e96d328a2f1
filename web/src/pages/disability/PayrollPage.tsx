/**
 * 两项补贴发放: the monthly payroll (D1 三(一)5). Run a month (a closed
 * month is not recomputed), read its totals per county and what changed,
 * the lines — who is paid what, who stopped and why — filtered and paged on
 * the server, and export the file a finance office pays from.
 */
import { Alert, Button, Descriptions, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, download, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Loading, Nothing } from '../../components/States.tsx';
import { todayInBeijing } from '../../dates.ts';
import { Link, useQuery } from '../../router.tsx';
import { useCounties } from './counties.ts';
import { CHANGE_LABELS, label, LINE_STATUS_LABELS, options, SUBSIDY_LABELS } from './labels.ts';

type Month = ResponseOf<'/api/disability/payroll'>[number];
type Summary = ResponseOf<'/api/disability/payroll/{month}'>;
type Line = NonNullable<ResponseOf<'/api/disability/payroll/{month}/lines'>['items']>[number];
type CountyTotal = NonNullable<Summary['totals']>[number];

const PAGE_SIZE = 50;

export default function PayrollPage() {
  const [query, setQuery] = useQuery();
  const month = query.get('month') ?? '';
  const months = useApi((signal) => unwrap(api.GET('/api/disability/payroll', { signal })), []);

  return (
    <>
      <Typography.Paragraph>
        每月按参照日的登记信息与已批准的申请生成两项补贴发放名册；已完成的月份再次生成不会重算。导出的名册（XLSX 含分县区合计）供财政发放。
      </Typography.Paragraph>
      <RunForm
        initial={month || todayInBeijing().slice(0, 7)}
        onRun={(m) => {
          months.reload();
          setQuery({ month: m, page: '', county: '', status: '', subsidy: '', change: '' });
        }}
      />
      <section className="panel" aria-labelledby="months-title">
        <Typography.Title level={2} id="months-title">
          已生成的月份
        </Typography.Title>
        {months.error ? <ErrorNotice error={months.error} onRetry={months.reload} /> : null}
        <Table<Month>
          size="small"
          rowKey="month"
          loading={months.loading}
          dataSource={[...(months.data ?? [])].sort((a, b) => (b.month ?? '').localeCompare(a.month ?? ''))}
          pagination={{ pageSize: 12, showSizeChanger: false }}
          caption={<span className="sr-only">已生成的发放月份</span>}
          locale={{ emptyText: <Nothing text="尚未生成发放名册" /> }}
          columns={[
            { title: '月份', dataIndex: 'month', render: (v: string) => <Link to={`/disability/payroll?month=${v}`}>{v}</Link> },
            { title: '状态', dataIndex: 'status', render: (v: string) => <Flag tone={v === 'finished' ? 'good' : 'warn'}>{v === 'finished' ? '已完成' : '进行中'}</Flag> },
            { title: '发放人数', dataIndex: 'persons', align: 'right' },
            { title: '金额（元）', dataIndex: 'amountYuan', align: 'right' },
          ]}
        />
      </section>
      {month ? <MonthView key={month} month={month} /> : null}
    </>
  );
}

function RunForm({ initial, onRun }: { initial: string; onRun: (month: string) => void }) {
  const [error, setError] = useState<ApiError>();
  const [running, setRunning] = useState(false);
  const [said, setSaid] = useState<string>();

  const run = async ({ month }: { month: string }) => {
    setError(undefined);
    setSaid(undefined);
    setRunning(true);
    try {
      const summary = await unwrap(api.POST('/api/disability/payroll/{month}/run', { params: { path: { month } } }));
      setSaid(
        summary.rerun
          ? `${month} 已完成，未重新计算：${summary.persons} 人 ${summary.amountYuan} 元`
          : `${month} 发放名册已生成：${summary.persons} 人 ${summary.amountYuan} 元`,
      );
      onRun(month);
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="run-title">
      <Typography.Title level={2} id="run-title">
        生成发放名册
      </Typography.Title>
      <Form layout="inline" name="payroll-run" initialValues={{ month: initial }} onFinish={run} className="page-toolbar">
        <Form.Item name="month" label="发放月份" rules={[{ required: true, pattern: /^\d{4}-\d{2}$/, message: '请填写月份，如 2024-03' }]}>
          <Input type="month" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" disabled={running}>
            生成
          </Button>
        </Form.Item>
      </Form>
      <div aria-live="polite">
        {said ? <Alert type="success" showIcon title={said} className="run-said" /> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    </section>
  );
}

function MonthView({ month }: { month: string }) {
  const [query, setQuery] = useQuery();
  const county = query.get('county') ?? '';
  const status = query.get('status') ?? '';
  const subsidy = query.get('subsidy') ?? '';
  const change = query.get('change') ?? '';
  const page = Number(query.get('page') ?? '1') || 1;
  const counties = useCounties();
  const [exportError, setExportError] = useState<ApiError>();

  const summary = useApi((signal) => unwrap(api.GET('/api/disability/payroll/{month}', { params: { path: { month } }, signal })), [month]);
  const lines = useApi(
    (signal) =>
      unwrap(
        api.GET('/api/disability/payroll/{month}/lines', {
          params: {
            path: { month },
            query: {
              ...(county ? { county } : {}),
              ...(status === 'paid' || status === 'stopped' ? { status } : {}),
              ...(subsidy === 'living' || subsidy === 'care' ? { subsidy } : {}),
              ...(change === 'new' || change === 'continued' || change === 'changed' || change === 'stopped' ? { change } : {}),
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    [month, county, status, subsidy, change, page],
  );

  const exportFile = async (format: 'xlsx' | 'csv') => {
    setExportError(undefined);
    try {
      const q = new URLSearchParams({ format, ...(county ? { county } : {}) });
      await download(`/api/disability/payroll/${month}/export?${q}`, `两项补贴发放名册-${month}.${format}`);
    } catch (cause) {
      setExportError(toApiError(cause));
    }
  };

  if (summary.loading) return <Loading />;
  if (summary.error) return <ErrorNotice error={summary.error} onRetry={summary.reload} />;
  const s = summary.data;
  if (!s) return null;
  const g = s.grandTotal;

  return (
    <section className="panel" aria-labelledby="month-title">
      <Typography.Title level={2} id="month-title">
        {month} 发放名册
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} className="payroll-summary">
        <Descriptions.Item label="参照日">{s.referenceDate}</Descriptions.Item>
        <Descriptions.Item label="状态">{s.status === 'finished' ? '已完成' : s.status}</Descriptions.Item>
        <Descriptions.Item label="发放人数">{s.persons}</Descriptions.Item>
        <Descriptions.Item label="合计（元）">{s.amountYuan}</Descriptions.Item>
        <Descriptions.Item label={SUBSIDY_LABELS.living}>
          {g?.living?.persons ?? 0} 人 {g?.living?.amountYuan ?? '0.00'} 元，停发 {g?.living?.stopped ?? 0}
        </Descriptions.Item>
        <Descriptions.Item label={SUBSIDY_LABELS.care}>
          {g?.care?.persons ?? 0} 人 {g?.care?.amountYuan ?? '0.00'} 元，停发 {g?.care?.stopped ?? 0}
        </Descriptions.Item>
        <Descriptions.Item label="与上月相比">
          新增 {s.changes?.new ?? 0}，续发 {s.changes?.continued ?? 0}，金额变动 {s.changes?.changed ?? 0}，停发 {s.changes?.stopped ?? 0}
        </Descriptions.Item>
        <Descriptions.Item label="生成人">{s.startedBy}</Descriptions.Item>
      </Descriptions>

      <Typography.Title level={3}>分县区合计</Typography.Title>
      <Table<CountyTotal>
        size="small"
        rowKey="county"
        dataSource={s.totals ?? []}
        pagination={false}
        className="county-totals"
        caption={<span className="sr-only">分县区合计</span>}
        locale={{ emptyText: <Nothing text="本月无人发放" /> }}
        columns={[
          { title: '县区', dataIndex: 'countyName' },
          { title: '生活补贴人数', key: 'lp', align: 'right', render: (_: unknown, t) => t.living?.persons ?? 0 },
          { title: '生活补贴（元）', key: 'la', align: 'right', render: (_: unknown, t) => t.living?.amountYuan ?? '0.00' },
          { title: '护理补贴人数', key: 'cp', align: 'right', render: (_: unknown, t) => t.care?.persons ?? 0 },
          { title: '护理补贴（元）', key: 'ca', align: 'right', render: (_: unknown, t) => t.care?.amountYuan ?? '0.00' },
          { title: '合计（元）', dataIndex: 'amountYuan', align: 'right' },
        ]}
      />

      <Typography.Title level={3}>发放明细</Typography.Title>
      <div className="page-toolbar" role="group" aria-label="明细筛选">
        <Space wrap>
          <Select aria-label="县区" allowClear placeholder="全部县区" style={{ width: 150 }} value={county || undefined}
            options={counties.list.map((c) => ({ value: c.code, label: c.name }))} onChange={(v?: string) => setQuery({ county: v ?? '', page: '' })} />
          <Select aria-label="发放或停发" allowClear placeholder="发放与停发" style={{ width: 140 }} value={status || undefined}
            options={options(LINE_STATUS_LABELS)} onChange={(v?: string) => setQuery({ status: v ?? '', page: '' })} />
          <Select aria-label="补贴" allowClear placeholder="两项补贴" style={{ width: 200 }} value={subsidy || undefined}
            options={options(SUBSIDY_LABELS)} onChange={(v?: string) => setQuery({ subsidy: v ?? '', page: '' })} />
          <Select aria-label="与上月相比" allowClear placeholder="全部变动" style={{ width: 140 }} value={change || undefined}
            options={options(CHANGE_LABELS)} onChange={(v?: string) => setQuery({ change: v ?? '', page: '' })} />
          <Button onClick={() => exportFile('xlsx')}>导出 XLSX</Button>
          <Button onClick={() => exportFile('csv')}>导出 CSV</Button>
        </Space>
      </div>
      {exportError ? <ErrorNotice error={exportError} /> : null}
      {lines.error ? <ErrorNotice error={lines.error} onRetry={lines.reload} /> : null}
      <Table<Line>
        size="small"
        rowKey="id"
        loading={lines.loading}
        dataSource={lines.data?.items ?? []}
        className="payroll-lines"
        caption={<span className="sr-only">{month} 发放明细</span>}
        locale={{ emptyText: <Nothing text="没有符合条件的明细" /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: lines.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (next) => setQuery({ page: next === 1 ? '' : next }),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (v: string, l) => <Link to={`/disability/persons/${encodeURIComponent(l.personId ?? '')}`}>{v}</Link> },
          { title: '身份证号', dataIndex: 'residentId', render: (v: string) => <span className="value-cell">{v}</span> },
          { title: '县区', dataIndex: 'countyName' },
          { title: '补贴', dataIndex: 'subsidyLabel' },
          { title: '发放/停发', dataIndex: 'status', render: (v: string) => <Flag tone={v === 'paid' ? 'good' : 'warn'}>{label(LINE_STATUS_LABELS, v)}</Flag> },
          { title: '金额（元）', dataIndex: 'amountYuan', align: 'right' },
          { title: '变动', dataIndex: 'change', render: (v: string, l) => `${label(CHANGE_LABELS, v)}${v === 'changed' && l.previousAmountYuan ? `（原 ${l.previousAmountYuan}）` : ''}` },
          { title: '停发原因', key: 'reasons', render: (_: unknown, l) => (l.status === 'stopped' ? (l.reasons ?? []).map((r) => r.text).join('；') || '—' : '—') },
        ]}
      />
    </section>
  );
}
