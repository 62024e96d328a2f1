/**
 * 残疾人档案: the person, the household status over time (and its change,
 * dynamic management D1 三(一)5), the two subsidies — eligibility on a
 * date with its reasons and articles, the applications and their steps
 * (申请 → 审核 → 批准 / 不予批准, 终止) — the payments month by month and the
 * service records.
 */
import { Alert, Button, Descriptions, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Loading, Nothing } from '../../components/States.tsx';
import { todayInBeijing } from '../../dates.ts';
import { useQuery } from '../../router.tsx';
import type { PageProps } from '../../routes.tsx';
import {
  APPLICATION_TONES,
  BENEFIT_LABELS,
  CHANGE_LABELS,
  HOUSEHOLD_LABELS,
  label,
  LINE_STATUS_LABELS,
  options,
  SERVICE_LABELS,
  SUBSIDY_LABELS,
} from './labels.ts';

type Detail = ResponseOf<'/api/disability/persons/{personId}'>;
type Application = NonNullable<ResponseOf<'/api/disability/applications'>['items']>[number];
type Decision = NonNullable<ResponseOf<'/api/disability/persons/{personId}/eligibility'>['living']>;
type Payment = ResponseOf<'/api/disability/persons/{personId}/payments'>[number];
type Subsidy = 'living' | 'care';
type Household = 'dibao' | 'dibao_marginal' | 'tekun' | 'none';
type Step = 'review' | 'approve' | 'refuse' | 'end';

const SUBSIDIES: readonly Subsidy[] = ['living', 'care'];

export default function PersonPage({ params }: PageProps) {
  const personId = params.personId ?? '';
  const path = { personId };
  const [query] = useQuery();
  const [on, setOn] = useState(todayInBeijing());

  const detail = useApi((signal) => unwrap(api.GET('/api/disability/persons/{personId}', { params: { path }, signal })), [personId]);
  const eligibility = useApi(
    (signal) => unwrap(api.GET('/api/disability/persons/{personId}/eligibility', { params: { path, query: { on } }, signal })),
    [personId, on, detail.data],
  );
  const applications = useApi(
    (signal) => unwrap(api.GET('/api/disability/applications', { params: { query: { personId, limit: 100, offset: 0 } }, signal })),
    [personId],
  );
  const payments = useApi((signal) => unwrap(api.GET('/api/disability/persons/{personId}/payments', { params: { path }, signal })), [personId]);

  if (detail.loading && !detail.data) return <Loading />;
  if (detail.error) return <ErrorNotice error={detail.error} onRetry={detail.reload} />;
  const d = detail.data;
  const p = d?.person;
  if (!d || !p) return null;

  return (
    <>
      {query.get('registered') ? <Alert type="success" showIcon className="page-toolbar" title={`已登记：${p.name}`} /> : null}
      <Typography.Title level={2}>
        {p.name}{' '}
        {p.synthetic ? <Flag>合成演示数据</Flag> : null} {p.masked ? <Flag>已脱敏</Flag> : null}
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, lg: 3 }} className="person-summary">
        <Descriptions.Item label="身份证号">{p.residentId}</Descriptions.Item>
        <Descriptions.Item label="残疾人证号">{p.cardNumber}</Descriptions.Item>
        <Descriptions.Item label="县区">{p.countyName}</Descriptions.Item>
        <Descriptions.Item label="残疾类别">{p.categoryLabel}</Descriptions.Item>
        <Descriptions.Item label="残疾等级">{p.grade} 级</Descriptions.Item>
        <Descriptions.Item label="性别、出生日期">
          {p.sex === 'male' ? '男' : p.sex === 'female' ? '女' : p.sex}，{p.birthDate}
        </Descriptions.Item>
        <Descriptions.Item label="当前家庭类别">{p.householdLabel}</Descriptions.Item>
        <Descriptions.Item label="发放账户">{p.bankAccount ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="状态">{p.deceasedOn ? `已故（${p.deceasedOn}）` : p.movedAwayOn ? `迁出（${p.movedAwayOn}）` : '在册'}</Descriptions.Item>
      </Descriptions>

      <HouseholdPanel personId={personId} detail={d} onChanged={() => { detail.reload(); applications.reload(); }} />

      <section className="panel" aria-labelledby="subsidies-title">
        <Typography.Title level={2} id="subsidies-title">
          两项补贴
        </Typography.Title>
        <div className="page-toolbar">
          <label htmlFor="subsidy-on">资格判断与办理日期</label>
          <Input id="subsidy-on" type="date" style={{ width: 180 }} value={on} onChange={(e) => e.target.value && setOn(e.target.value)} />
        </div>
        {eligibility.error ? <ErrorNotice error={eligibility.error} onRetry={eligibility.reload} /> : null}
        {applications.error ? <ErrorNotice error={applications.error} onRetry={applications.reload} /> : null}
        {SUBSIDIES.map((subsidy) => (
          <SubsidyPanel
            key={subsidy}
            personId={personId}
            subsidy={subsidy}
            on={on}
            decision={eligibility.data?.[subsidy]}
            applications={(applications.data?.items ?? []).filter((a) => a.subsidy === subsidy)}
            onChanged={() => { applications.reload(); eligibility.reload(); }}
          />
        ))}
        {eligibility.data ? (
          <Typography.Paragraph>
            {eligibility.data.on} 两项合计每月 <strong>{eligibility.data.monthlyTotalYuan}</strong> 元
          </Typography.Paragraph>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="payments-title">
        <Typography.Title level={2} id="payments-title">
          发放记录
        </Typography.Title>
        {payments.error ? <ErrorNotice error={payments.error} onRetry={payments.reload} /> : null}
        <Table<Payment>
          size="small"
          rowKey="id"
          loading={payments.loading}
          dataSource={payments.data ?? []}
          pagination={false}
          className="payments-table"
          caption={<span className="sr-only">历月发放与停发</span>}
          locale={{ emptyText: <Nothing text="尚无发放记录" /> }}
          columns={[
            { title: '月份', dataIndex: 'month' },
            { title: '补贴', dataIndex: 'subsidyLabel' },
            { title: '发放/停发', dataIndex: 'status', render: (v: string) => <Flag tone={v === 'paid' ? 'good' : 'warn'}>{label(LINE_STATUS_LABELS, v)}</Flag> },
            { title: '金额（元）', dataIndex: 'amountYuan', align: 'right' },
            { title: '变动', dataIndex: 'change', render: (v: string) => label(CHANGE_LABELS, v) },
            { title: '原因', key: 'reasons', render: (_: unknown, l) => (l.reasons ?? []).map((r) => r.text).join('；') || '—' },
          ]}
        />
      </section>

      <section className="panel" aria-labelledby="records-title">
        <Typography.Title level={2} id="records-title">
          服务记录与其他待遇
        </Typography.Title>
        <Table
          size="small"
          rowKey="id"
          dataSource={d.records ?? []}
          pagination={false}
          caption={<span className="sr-only">服务记录</span>}
          locale={{ emptyText: <Nothing text="尚无服务记录" /> }}
          columns={[
            { title: '记录', dataIndex: 'kind', render: (v: string) => label(SERVICE_LABELS, v) },
            { title: '日期', dataIndex: 'on' },
            { title: '至', dataIndex: 'until', render: (v?: string | null) => v ?? '—' },
            { title: '说明', dataIndex: 'detail', render: (v?: string | null) => v ?? '—' },
            { title: '登记人', dataIndex: 'recordedBy' },
          ]}
        />
        {(d.benefits ?? []).length ? (
          <Table
            size="small"
            rowKey={(b) => `${b.kind}-${b.from}`}
            dataSource={d.benefits ?? []}
            pagination={false}
            caption={<span className="sr-only">其他待遇</span>}
            columns={[
              { title: '其他待遇', dataIndex: 'kind', render: (v: string) => label(BENEFIT_LABELS, v) },
              { title: '起', dataIndex: 'from' },
              { title: '止', dataIndex: 'to', render: (v?: string | null) => v ?? '—' },
            ]}
          />
        ) : null}
      </section>
    </>
  );
}

function HouseholdPanel({ personId, detail, onChanged }: { personId: string; detail: Detail; onChanged: () => void }) {
  const [form] = Form.useForm<{ status: Household; from: string }>();
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();

  const change = async (values: { status: Household; from: string }) => {
    setError(undefined);
    setDone(undefined);
    try {
      const answer = await unwrap(
        api.POST('/api/disability/persons/{personId}/household', { params: { path: { personId } }, body: values }),
      );
      setDone(
        answer.outcome === 'unchanged'
          ? '家庭类别未变，未作记录'
          : `家庭类别自 ${values.from} 起为“${label(HOUSEHOLD_LABELS, values.status)}”`,
      );
      onChanged();
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  return (
    <section className="panel" aria-labelledby="household-title">
      <Typography.Title level={2} id="household-title">
        家庭类别
      </Typography.Title>
      <Table
        size="small"
        rowKey={(h) => `${h.status}-${h.from}`}
        dataSource={detail.households ?? []}
        pagination={false}
        className="household-table"
        caption={<span className="sr-only">家庭类别的历史</span>}
        columns={[
          { title: '家庭类别', dataIndex: 'status', render: (v: string) => label(HOUSEHOLD_LABELS, v) },
          { title: '起', dataIndex: 'from' },
          { title: '止', dataIndex: 'to', render: (v?: string | null) => v ?? '至今' },
          { title: '登记人', dataIndex: 'recordedBy' },
        ]}
      />
      <Form form={form} layout="inline" name="household-change" className="page-toolbar" onFinish={change} initialValues={{ from: todayInBeijing() }}>
        <Form.Item name="status" label="新的家庭类别" rules={[{ required: true, message: '请选择家庭类别' }]}>
          <Select style={{ width: 160 }} options={options(HOUSEHOLD_LABELS)} />
        </Form.Item>
        <Form.Item name="from" label="自" rules={[{ required: true, message: '请填写起始日期' }]}>
          <Input type="date" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">变更家庭类别</Button>
        </Form.Item>
      </Form>
      <div aria-live="polite">
        {done ? <Typography.Paragraph className="household-done">{done}</Typography.Paragraph> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    </section>
  );
}

function SubsidyPanel({
  personId,
  subsidy,
  on,
  decision,
  applications,
  onChanged,
}: {
  personId: string;
  subsidy: Subsidy;
  on: string;
  decision: Decision | undefined;
  applications: Application[];
  onChanged: () => void;
}) {
  const [error, setError] = useState<ApiError>();
  const [note, setNote] = useState('');
  const [channel, setChannel] = useState<'local' | 'cross_province'>('local');
  const [acceptedAt, setAcceptedAt] = useState('');
  const [busy, setBusy] = useState(false);
  const title = SUBSIDY_LABELS[subsidy];
  const open = applications.find((a) => a.status === 'received' || a.status === 'reviewed' || a.status === 'approved');

  const act = async (run: () => Promise<unknown>) => {
    setError(undefined);
    setBusy(true);
    try {
      await run();
      setNote('');
      onChanged();
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setBusy(false);
    }
  };
  const apply = () =>
    act(() =>
      unwrap(
        api.POST('/api/disability/applications', {
          body: {
            personId,
            subsidy,
            receivedOn: on,
            channel,
            ...(channel === 'cross_province' ? { acceptedAt: acceptedAt.trim() } : {}),
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        }),
      ),
    );
  const step = (id: string, action: Step) =>
    act(() =>
      unwrap(
        api.POST(`/api/disability/applications/{applicationId}/${action}`, {
          params: { path: { applicationId: id } },
          body: { on, ...(note.trim() ? { note: note.trim() } : {}), ...(action === 'refuse' || action === 'end' ? { reasons: note.trim() ? [note.trim()] : [] } : {}) },
        }),
      ),
    );

  const amount = decision?.outcome === 'eligible' ? `每月 ${((decision.amount ?? 0) / 100).toFixed(2)} 元` : '';
  return (
    <section className={`subsidy subsidy-${subsidy}`} aria-labelledby={`subsidy-${subsidy}-title`}>
      <Typography.Title level={3} id={`subsidy-${subsidy}-title`}>
        {title}
      </Typography.Title>
      {decision ? (
        <div className="subsidy-decision">
          <Typography.Paragraph>
            {on}：{decision.outcome === 'eligible' ? <Flag tone="good">符合条件</Flag> : <Flag tone="warn">不符合条件</Flag>} {amount}
            {decision.basis === 'county_extension' ? '（本县区扩面）' : ''}
          </Typography.Paragraph>
          <ul>
            {(decision.reasons ?? []).map((r) => (
              <li key={`${r.code}-${r.rule}`}>
                {r.text}（{r.article}）
              </li>
            ))}
          </ul>
          {(decision.articles ?? []).length ? <Typography.Text type="secondary">依据：{(decision.articles ?? []).join('、')}</Typography.Text> : null}
        </div>
      ) : null}

      <Table<Application>
        size="small"
        rowKey="id"
        dataSource={applications}
        pagination={false}
        className="applications-table"
        caption={<span className="sr-only">{title}申请</span>}
        locale={{ emptyText: <Nothing text="尚无申请" /> }}
        columns={[
          { title: '受理日期', dataIndex: 'receivedOn' },
          { title: '渠道', dataIndex: 'channel', render: (v: string, a) => (v === 'cross_province' ? `跨省通办（${a.acceptedAt ?? '—'}）` : '本地') },
          { title: '状态', dataIndex: 'statusLabel', render: (v: string, a) => <Flag tone={APPLICATION_TONES[a.status ?? ''] ?? 'neutral'}>{v}</Flag> },
          { title: '审核日期', dataIndex: 'reviewedOn', render: (v?: string | null) => v ?? '—' },
          { title: '决定日期', dataIndex: 'decidedOn', render: (v?: string | null) => v ?? '—' },
          { title: '终止日期', dataIndex: 'endedOn', render: (v?: string | null) => v ?? '—' },
          { title: '理由', key: 'reasons', render: (_: unknown, a) => (a.reasons ?? []).join('；') || '—' },
        ]}
      />
      <Space wrap className="page-toolbar">
        <Input
          aria-label={`${title}：意见或理由`}
          placeholder="意见或理由（不予批准、终止时必填）"
          style={{ width: 300 }}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {!open ? (
          <>
            <Select
              aria-label={`${title}：受理渠道`}
              style={{ width: 130 }}
              value={channel}
              options={[{ value: 'local', label: '本地受理' }, { value: 'cross_province', label: '跨省通办' }]}
              onChange={(v: 'local' | 'cross_province') => setChannel(v)}
            />
            {channel === 'cross_province' ? (
              <Input aria-label={`${title}：跨省通办受理地`} placeholder="受理地（省份）" style={{ width: 160 }} value={acceptedAt} onChange={(e) => setAcceptedAt(e.target.value)} />
            ) : null}
          </>
        ) : null}
        {!open ? (
          <Button type="primary" disabled={busy} onClick={apply} aria-label={`受理申请：${title}`}>
            受理申请
          </Button>
        ) : null}
        {open?.status === 'received' ? (
          <Button type="primary" disabled={busy} onClick={() => step(open.id!, 'review')} aria-label={`审核：${title}`}>
            审核
          </Button>
        ) : null}
        {open?.status === 'reviewed' ? (
          <>
            <Button type="primary" disabled={busy} onClick={() => step(open.id!, 'approve')} aria-label={`批准：${title}`}>
              批准
            </Button>
            <Button danger disabled={busy} onClick={() => step(open.id!, 'refuse')} aria-label={`不予批准：${title}`}>
              不予批准
            </Button>
          </>
        ) : null}
        {open?.status === 'approved' ? (
          <Button danger disabled={busy} onClick={() => step(open.id!, 'end')} aria-label={`终止：${title}`}>
            终止
          </Button>
        ) : null}
      </Space>
      <div aria-live="polite">{error ? <ErrorNotice error={error} /> : null}</div>
    </section>
  );
}
