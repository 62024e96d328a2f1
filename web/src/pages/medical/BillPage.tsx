/**
 * 一单制结算单 (D4 §2): the bill of one claim as printed for the insured
 * person — one A4 page, the city's heading, every amount in figures and in
 * Chinese capitals, the articles applied. Reversal (冲销) with a reason.
 */
import { Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { usePolicyIndex, type PolicyIndex } from '../../api/policyIndex.ts';
import { useApi } from '../../api/useApi.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Loading } from '../../components/States.tsx';
import { todayInBeijing } from '../../dates.ts';
import { Link } from '../../router.tsx';
import type { PageProps } from '../../routes.tsx';
import { amountOf, BILL_LINES, capitalOf, type BillView } from './bill.ts';
import { BillExplained } from './BillExplained.tsx';
import { ACCUMULATORS, CATEGORIES, EMPLOYMENTS, label, SCHEMES } from './labels.ts';

export const BILL_HEADING = '鸡西市医疗保障“一站式”结算单';

export default function BillPage({ params }: PageProps) {
  const claimId = params.claimId ?? '';
  const bills = useApi(
    (signal) => unwrap(api.GET('/api/medical/bills/{claimId}', { params: { path: { claimId } }, signal })),
    [claimId],
  );
  const personId = bills.data?.bill?.person_id;
  const person = useApi(
    (signal) =>
      personId
        ? unwrap(api.GET('/api/medical/persons/{personId}', { params: { path: { personId } }, signal }))
        : Promise.resolve(undefined),
    [personId],
  );
  const index = usePolicyIndex();
  const [reversing, setReversing] = useState(false);

  if (bills.loading) return <Loading />;
  if (bills.error) return <ErrorNotice error={bills.error} onRetry={bills.reload} />;
  const bill = bills.data?.bill;
  if (!bill) return null;
  const reversal = bills.data?.reversal ?? undefined;
  const enrolment = person.data?.enrolments?.[person.data.enrolments.length - 1];

  return (
    <>
      <Space className="no-print page-toolbar">
        <Button type="primary" onClick={() => window.print()}>
          打印结算单
        </Button>
        {!reversal ? (
          <Button danger onClick={() => setReversing(true)}>
            冲销
          </Button>
        ) : null}
        <Link to={`/medical/persons/${encodeURIComponent(bill.person_id ?? '')}`}>查看参保人</Link>
      </Space>

      <article className="bill-sheet" aria-labelledby="bill-heading">
        <h2 id="bill-heading" className="bill-heading">
          {BILL_HEADING}
        </h2>
        {reversal ? (
          <p className="bill-stamp" role="note">
            <Flag tone="bad">已冲销</Flag>冲销原因：{reversal.reason}
          </p>
        ) : null}
        <table className="bill-table bill-meta">
          <caption className="sr-only">参保人与单据信息</caption>
          <tbody>
            <tr>
              <th scope="row">单据号</th>
              <td>{bill.claim_id}</td>
              <th scope="row">结算日期</th>
              <td>{bill.date}</td>
            </tr>
            <tr>
              <th scope="row">参保人</th>
              <td>{person.data?.name ?? '—'}</td>
              <th scope="row">身份证号</th>
              <td>{bill.person_id}</td>
            </tr>
            <tr>
              <th scope="row">参保类型</th>
              <td>
                {label(SCHEMES, enrolment?.scheme)}
                {enrolment?.employment ? ` ${label(EMPLOYMENTS, enrolment.employment)}` : ''}
              </td>
              <th scope="row">救助类别</th>
              <td>{label(CATEGORIES, bill.category)}</td>
            </tr>
          </tbody>
        </table>

        <table className="bill-table bill-amounts">
          <caption className="sr-only">结算金额（小写与大写）</caption>
          <thead>
            <tr>
              <th scope="col">项目</th>
              <th scope="col">金额（元）</th>
              <th scope="col">大写</th>
            </tr>
          </thead>
          <tbody>
            {BILL_LINES.map((line) => (
              <tr key={line.key} data-line={line.key}>
                <th scope="row" className={line.partOf ? 'bill-part' : undefined}>
                  {line.label}
                </th>
                <td className="bill-figure">{amountOf(bill, line.key)}</td>
                <td className="capital">{capitalOf(amountOf(bill, line.key))}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <table className="bill-table bill-year">
          <caption>个人账户与本年累计（结算后）</caption>
          <tbody>
            <tr>
              <th scope="row">个人账户余额</th>
              <td>
                支付前 {bill.account_before} 元，支付后 {bill.account_after} 元
              </td>
            </tr>
            {Object.entries(ACCUMULATORS).map(([key, text]) => (
              <tr key={key}>
                <th scope="row">{text}</th>
                <td>{String((bill.accumulators_after as Record<string, unknown> | undefined)?.[key] ?? '0.00')} 元</td>
              </tr>
            ))}
          </tbody>
        </table>

        <ArticlesApplied bill={bill} index={index} />
        {bill.deposit_free ? <p>本次住院按“先诊疗后付费”免交押金（鸡政办规〔2022〕21号 D4 §16）。</p> : null}
        {(bill.notes ?? []).map((n, i) => (
          <p key={i} className="bill-note">
            说明：{n.text}（{n.article}）
          </p>
        ))}
        <p className="bill-sign">
          <span>经办人：________</span>
          <span>参保人（签字）：________</span>
          <span>打印日期：{todayInBeijing()}</span>
        </p>
      </article>

      {reversal ? (
        <section className="panel no-print" aria-labelledby="reversal-title">
          <Typography.Title level={2} id="reversal-title">
            冲销单
          </Typography.Title>
          <Typography.Paragraph>冲销原因：{reversal.reason}</Typography.Paragraph>
          <BillExplained bill={reversal} />
        </section>
      ) : (
        <section className="panel no-print" aria-labelledby="explain-title">
          <Typography.Title level={2} id="explain-title">
            计算依据
          </Typography.Title>
          <BillExplained bill={bill} />
        </section>
      )}

      <ReverseDialog
        open={reversing}
        claimId={claimId}
        onClose={() => setReversing(false)}
        onDone={() => {
          setReversing(false);
          bills.reload();
        }}
      />
    </>
  );
}

function ArticlesApplied({ bill, index }: { bill: BillView; index: PolicyIndex | undefined }) {
  const articles = [...new Set(bill.articles ?? [])];
  return (
    <div className="bill-articles">
      <h3>适用条款</h3>
      <ul>
        {articles.map((a) => {
          const d = index?.describe(a);
          return (
            <li key={a}>
              {d?.number ?? ''} {a}
              {d?.title ? ` ${d.title}` : ''}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function ReverseDialog({ open, claimId, onClose, onDone }: { open: boolean; claimId: string; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(api.POST('/api/medical/claims/{claimId}/reversal', { params: { path: { claimId } }, body: { reason: reason.trim() } }));
      form.resetFields();
      onDone();
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['reason']);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={`冲销单据 ${claimId}`}
      onCancel={onClose}
      okText="确认冲销"
      cancelText="取消"
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>
        冲销后生成冲销单，本单金额退出年度累计，个人账户支付原路退回；此后已结算的单据不重新计算。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="reversal" onFinish={submit}>
        <Form.Item
          name="reason"
          label="冲销原因"
          rules={[
            { required: true, whitespace: true, message: '请填写冲销原因' },
            { min: 2, message: '冲销原因至少 2 个字' },
            { max: 500, message: '冲销原因最多 500 个字' },
          ]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
      {error ? <ErrorNotice error={error} /> : null}
    </Modal>
  );
}
