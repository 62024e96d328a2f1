/**
 * 救助资金: the assistance fund ledger of a year (D4 §19) — budgets per
 * county, spending by certifying county, the gap, what the accumulated
 * surplus covers and what falls to each county — with a chart of spending
 * against budget and the same figures as a table.
 */
import { Button, Descriptions, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';

import { api, unwrap } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import type { FundView } from '../../api/pending.ts';
import { useApi } from '../../api/useApi.ts';
import { Chart } from '../../components/Chart.tsx';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, Nothing } from '../../components/States.tsx';
import { todayInBeijing } from '../../dates.ts';
import { useDefaultYear } from './defaultYear.ts';
import { parseYuan } from '../../money.ts';
import { useQuery } from '../../router.tsx';
import { fundChartOptions, fundRows } from './fundChart.ts';
import { COUNTIES, label } from './labels.ts';

const countyOptions = Object.entries(COUNTIES).map(([value, text]) => ({ value, label: text }));

async function loadFund(year: number, county: string, signal: AbortSignal): Promise<FundView> {
  const answer = await unwrap(
    api.GET('/api/medical/fund/{year}', {
      params: { path: { year }, query: county ? { county: county as never } : {} },
      parseAs: 'json',
      signal,
    }),
  );
  return answer as unknown as FundView;
}

export default function FundPage() {
  const [query, setQuery] = useQuery();
  const fallbackYear = useDefaultYear();
  const year = Number(query.get('year') ?? fallbackYear ?? todayInBeijing().slice(0, 4));
  const county = query.get('county') ?? '';
  const ledger = useApi((signal) => loadFund(year, county, signal), [year, county]);
  const options = useMemo(() => (ledger.data ? fundChartOptions(ledger.data) : undefined), [ledger.data]);

  return (
    <>
      <Typography.Paragraph>
        医疗救助基金市级统筹（鸡政办规〔2022〕21号 第十九条）：支出超过收入时先由累计结余弥补，仍有缺口的由认定救助对象的市或县（市）承担。
      </Typography.Paragraph>
      <div className="page-toolbar">
        <label htmlFor="fund-year">年度</label>
        <InputNumber id="fund-year" min={2000} max={2100} value={year} onChange={(v) => v && setQuery({ year: v })} />
        <label htmlFor="fund-county">区县</label>
        <Select
          id="fund-county"
          allowClear
          placeholder="全市"
          style={{ width: 160 }}
          value={county || undefined}
          options={countyOptions}
          onChange={(v?: string) => setQuery({ county: v ?? '' })}
        />
      </div>

      {ledger.loading ? <Loading /> : null}
      {ledger.error ? <ErrorNotice error={ledger.error} onRetry={ledger.reload} /> : null}
      {ledger.data && options ? (
        <>
          <section className="panel" aria-labelledby="fund-chart-title">
            <Typography.Title level={2} id="fund-chart-title">
              支出与预算
            </Typography.Title>
            {fundRows(ledger.data).length ? (
              <>
                <Chart options={options} label={`${year} 年各区县医疗救助支出与预算柱状图，数据见下表`} />
                <FundTable ledger={ledger.data} />
              </>
            ) : (
              <Nothing text={`${year} 年尚无预算和救助支出`} />
            )}
          </section>
          <section className="panel" aria-labelledby="fund-gap-title">
            <Typography.Title level={2} id="fund-gap-title">
              缺口分担
            </Typography.Title>
            <Descriptions size="small" bordered column={1} className="fund-shortfall">
              <Descriptions.Item label="累计结余">{ledger.data.accumulated_surplus} 元</Descriptions.Item>
              <Descriptions.Item label="支出超过预算的缺口">{ledger.data.shortfall.gap} 元</Descriptions.Item>
              <Descriptions.Item label="累计结余弥补">{ledger.data.shortfall.from_surplus} 元</Descriptions.Item>
              <Descriptions.Item label="仍有缺口">{ledger.data.shortfall.remaining} 元</Descriptions.Item>
              <Descriptions.Item label="由认定地承担">
                {ledger.data.shortfall.by_certifier.length
                  ? ledger.data.shortfall.by_certifier.map((c) => `${label(COUNTIES, c.county)} ${c.amount} 元`).join('；')
                  : '无'}
              </Descriptions.Item>
              <Descriptions.Item label="依据">{ledger.data.shortfall.articles.join('、') || '—'}</Descriptions.Item>
            </Descriptions>
          </section>
        </>
      ) : null}

      <BudgetForm year={year} onSaved={ledger.reload} />
    </>
  );
}

function FundTable({ ledger }: { ledger: FundView }) {
  const rows = fundRows(ledger).map((r) => ({
    ...r,
    recipients: ledger.spending.find((s) => s.county === r.county)?.recipients ?? 0,
    budgetText: ledger.budgets.find((b) => b.county === r.county)?.budget ?? '0.00',
    spendingText: ledger.spending.find((s) => s.county === r.county)?.spending ?? '0.00',
  }));
  return (
    <Table
      size="small"
      rowKey="county"
      dataSource={rows}
      pagination={false}
      className="fund-table"
      caption={<span className="sr-only">各区县预算与支出</span>}
      columns={[
        { title: '区县', dataIndex: 'name' },
        { title: '预算（元）', dataIndex: 'budgetText', align: 'right' },
        { title: '支出（元）', dataIndex: 'spendingText', align: 'right' },
        { title: '救助人数', dataIndex: 'recipients', align: 'right' },
        {
          title: '执行情况',
          key: 'state',
          render: (_: unknown, r) => (r.spending > r.budget ? `超出预算 ${(r.spending - r.budget).toFixed(2)} 元` : '未超预算'),
        },
      ]}
    />
  );
}

function BudgetForm({ year, onSaved }: { year: number; onSaved: () => void }) {
  const [form] = Form.useForm<{ county: string; budget: string }>();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();

  const save = async ({ county, budget }: { county: string; budget: string }) => {
    setError(undefined);
    setSaved(undefined);
    try {
      await unwrap(
        api.PUT('/api/medical/fund/{year}/budgets/{county}', {
          params: { path: { year, county: county as never } },
          body: { budget: budget.trim() },
        }),
      );
      setSaved(`已设定 ${year} 年${label(COUNTIES, county)}预算 ${budget.trim()} 元`);
      onSaved();
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['budget']);
      setError(failure);
    }
  };

  return (
    <section className="panel" aria-labelledby="budget-title">
      <Typography.Title level={2} id="budget-title">
        设定预算
      </Typography.Title>
      <Form form={form} layout="inline" name="budget" onFinish={save} className="page-toolbar">
        <Form.Item name="county" label="区县" rules={[{ required: true, message: '请选择区县' }]}>
          <Select style={{ width: 160 }} options={countyOptions} />
        </Form.Item>
        <Form.Item
          name="budget"
          label="预算（元）"
          rules={[
            { required: true, message: '请输入预算' },
            {
              validator: (_: unknown, v?: string) =>
                !v || (parseYuan(v.trim()) ?? -1) >= 0 ? Promise.resolve() : Promise.reject(new Error('预算应为非负的元金额，最多两位小数')),
            },
          ]}
        >
          <Input inputMode="decimal" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              保存
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <div aria-live="polite">
        {saved ? <Typography.Paragraph>{saved}</Typography.Paragraph> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    </section>
  );
}
