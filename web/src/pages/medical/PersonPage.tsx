/**
 * 参保人详情: scheme, categories and their dates, the personal account and
 * its movements, the year-to-date accumulators, the claims and bills, and
 * 依申请救助 (D4 §14) for those who may apply it.
 */
import { Descriptions, Select, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { useCapabilities } from '../../api/capabilities.tsx';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Loading, Nothing } from '../../components/States.tsx';
import { todayInBeijing } from '../../dates.ts';
import { Link } from '../../router.tsx';
import type { PageProps } from '../../routes.tsx';
import { ACCUMULATORS, CATEGORIES, COUNTIES, EMPLOYMENTS, label, MOVEMENTS, SCHEMES, SEXES } from './labels.ts';
import { RetroactivePanel } from './RetroactivePanel.tsx';

type Bill = ResponseOf<'/api/medical/persons/{personId}/bills'>[number];
type Movement = NonNullable<ResponseOf<'/api/medical/persons/{personId}/account'>['movements']>[number];

export default function PersonPage({ params }: PageProps) {
  const personId = (params.personId ?? '').toUpperCase();
  const path = { personId };
  const { caps } = useCapabilities();

  const person = useApi((signal) => unwrap(api.GET('/api/medical/persons/{personId}', { params: { path }, signal })), [personId]);
  const bills = useApi((signal) => unwrap(api.GET('/api/medical/persons/{personId}/bills', { params: { path }, signal })), [personId]);
  const account = useApi(
    async (signal) => {
      try {
        return await unwrap(api.GET('/api/medical/persons/{personId}/account', { params: { path }, signal }));
      } catch (cause) {
        // Residents and 单建统筹 members have no personal account (D5 §4).
        if ((cause as { code?: string }).code === 'ERR_MEDICAL_NO_ACCOUNT') return null;
        throw cause;
      }
    },
    [personId],
  );

  const years = [...new Set((bills.data ?? []).map((b) => Number((b.date ?? '').slice(0, 4))).filter(Boolean))].sort((a, b) => b - a);
  const thisYear = Number(todayInBeijing().slice(0, 4));
  const [chosenYear, setYear] = useState<number>();
  const year = chosenYear ?? years[0] ?? thisYear;
  // The year shown is the latest with bills: wait for the bills before
  // asking, so the page never flashes this year's empty totals first.
  const yearKnown = chosenYear !== undefined || !bills.loading;
  const accumulators = useApi(
    (signal) =>
      yearKnown
        ? unwrap(api.GET('/api/medical/persons/{personId}/accumulators/{year}', { params: { path: { personId, year } }, signal }))
        : new Promise<never>(() => {}),
    [personId, year, yearKnown],
  );

  // A reload (after 依申请救助) keeps the page, and the panel's result, shown.
  if (person.loading && !person.data) return <Loading />;
  if (person.error) return <ErrorNotice error={person.error} onRetry={person.reload} />;
  const p = person.data;
  if (!p) return null;

  const reversed = new Set((bills.data ?? []).filter((b) => b.kind === 'reversal').map((b) => b.reverses));
  const settlements = (bills.data ?? []).filter((b) => b.kind !== 'reversal');

  return (
    <>
      <Typography.Title level={2}>{p.name ?? '（未登记姓名）'}</Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} className="panel">
        <Descriptions.Item label="身份证号">{p.person_id}</Descriptions.Item>
        <Descriptions.Item label="性别、出生日期">
          {label(SEXES, p.sex)}，{p.birth_date ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label="区县">{label(COUNTIES, p.county)}</Descriptions.Item>
        <Descriptions.Item label="数据来源">{p.source ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="参保" span={2}>
          <ul className="plain-list">
            {(p.enrolments ?? []).map((e, i) => (
              <li key={i}>
                {label(SCHEMES, e.scheme)}
                {e.employment ? ` ${label(EMPLOYMENTS, e.employment)}` : ''}（{e.from ?? '—'} 至 {e.to ?? '今'}）
              </li>
            ))}
          </ul>
        </Descriptions.Item>
        <Descriptions.Item label="救助类别" span={2}>
          {(p.categories ?? []).length ? (
            <ul className="plain-list">
              {(p.categories ?? []).map((c, i) => (
                <li key={i}>
                  {label(CATEGORIES, c.code)}（{c.from ?? '—'} 至 {c.to ?? '今'}）
                </li>
              ))}
            </ul>
          ) : (
            '无'
          )}
        </Descriptions.Item>
      </Descriptions>

      <Typography.Title level={2}>个人账户</Typography.Title>
      {account.error ? <ErrorNotice error={account.error} onRetry={account.reload} /> : null}
      {account.loading ? <Loading /> : null}
      {account.data === null ? <Typography.Paragraph>该参保人没有个人账户（城乡居民医保与单建统筹灵活就业人员不设个人账户，D5 第四条）。</Typography.Paragraph> : null}
      {account.data ? (
        <div className="panel">
          <Typography.Paragraph>
            当前余额：<strong className="value-cell">{account.data.balance} 元</strong>
          </Typography.Paragraph>
          <Table<Movement>
            size="small"
            rowKey={(m) => m.id ?? String(m.seq)}
            dataSource={account.data.movements ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            caption={<span className="sr-only">个人账户收支明细</span>}
            locale={{ emptyText: <Nothing text="没有收支记录" /> }}
            columns={[
              { title: '日期', dataIndex: 'date', width: 120 },
              { title: '类型', dataIndex: 'kind', render: (k?: string) => label(MOVEMENTS, k) },
              { title: '金额（元）', dataIndex: 'amount', align: 'right' },
              { title: '余额（元）', dataIndex: 'balance_after', align: 'right' },
              {
                title: '单据',
                dataIndex: 'claim_id',
                render: (c?: string | null) => (c ? <Link to={`/medical/bills/${encodeURIComponent(c)}`}>{c}</Link> : '—'),
              },
              { title: '说明', dataIndex: 'note', render: (n?: string | null) => n ?? '—' },
            ]}
          />
        </div>
      ) : null}

      <Typography.Title level={2}>年度累计</Typography.Title>
      <div className="panel">
        <div className="page-toolbar">
          <label htmlFor="acc-year">年度</label>
          <Select
            id="acc-year"
            value={year}
            style={{ width: 120 }}
            onChange={(v: number) => setYear(v)}
            options={[...new Set([thisYear, ...years])].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y} 年` }))}
          />
        </div>
        {accumulators.error ? <ErrorNotice error={accumulators.error} onRetry={accumulators.reload} /> : null}
        {accumulators.data ? (
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} className="accumulators">
            <Descriptions.Item label="已结算单据">{accumulators.data.claims ?? 0} 张</Descriptions.Item>
            {Object.entries(ACCUMULATORS).map(([key, text]) => (
              <Descriptions.Item key={key} label={text}>
                {String((accumulators.data?.accumulators as Record<string, unknown> | undefined)?.[key] ?? '0.00')} 元
              </Descriptions.Item>
            ))}
          </Descriptions>
        ) : accumulators.loading ? (
          <Loading />
        ) : null}
      </div>

      {caps?.has('POST /api/medical/persons/{personId}/retroactive') ? (
        <>
          <Typography.Title level={2}>依申请救助（因病致贫重病患者）</Typography.Title>
          <RetroactivePanel
            personId={personId}
            onApplied={() => {
              person.reload();
              bills.reload();
              accumulators.reload();
            }}
          />
        </>
      ) : null}

      <Typography.Title level={2}>结算单</Typography.Title>
      {bills.error ? <ErrorNotice error={bills.error} onRetry={bills.reload} /> : null}
      <Table<Bill>
        className="panel"
        size="small"
        rowKey={(b) => `${b.kind}-${b.claim_id}`}
        loading={bills.loading}
        dataSource={settlements}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        caption={<span className="sr-only">该参保人的结算单</span>}
        locale={{ emptyText: <Nothing text="尚无结算单" /> }}
        columns={[
          {
            title: '单据号',
            dataIndex: 'claim_id',
            render: (c: string) => <Link to={`/medical/bills/${encodeURIComponent(c)}`}>{c}</Link>,
          },
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '总费用', dataIndex: 'total', align: 'right' },
          { title: '门诊统筹', dataIndex: 'pooling', align: 'right' },
          { title: '医疗救助', dataIndex: 'assistance', align: 'right' },
          { title: '个人账户', dataIndex: 'account_paid', align: 'right' },
          { title: '现金', dataIndex: 'cash_paid', align: 'right' },
          {
            title: '状态',
            key: 'status',
            render: (_: unknown, b) =>
              reversed.has(b.claim_id) ? (
                <Flag tone="bad">已冲销</Flag>
              ) : b.kind === 'retroactive' ? (
                <Flag tone="good">依申请追溯救助</Flag>
              ) : (
                <Flag tone="good">已结算</Flag>
              ),
          },
        ]}
      />
    </>
  );
}
