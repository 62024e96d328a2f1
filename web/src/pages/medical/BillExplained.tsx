/**
 * A bill on screen: every amount with its Chinese capitals and, expanded,
 * its explanation — the rules and articles applied, the parameter values
 * used (linked to their page), the accumulators before and after.
 */
import { Descriptions, Table, Typography } from 'antd';

import { Flag } from '../../components/Flag.tsx';
import { Link } from '../../router.tsx';
import type { ExplanationStep } from '../../../../src/core/explain.ts';
import { amountOf, BILL_LINES, capitalOf, explainLine, otherSteps, type BillLine, type BillView } from './bill.ts';
import { CATEGORIES, label, STEP_VALUES } from './labels.ts';

export function BillExplained({ bill }: { bill: BillView }) {
  const rows = BILL_LINES.map((line) => ({ line, key: line.key }));
  const general = otherSteps(bill);
  const explained = (bill.steps ?? []).length > 0;

  return (
    <div className="bill-explained">
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} className="bill-head">
        <Descriptions.Item label="单据号">{bill.claim_id}</Descriptions.Item>
        <Descriptions.Item label="就诊日期">{bill.date}</Descriptions.Item>
        <Descriptions.Item label="救助类别">{label(CATEGORIES, bill.category)}</Descriptions.Item>
        <Descriptions.Item label="先诊疗后付费">{bill.deposit_free ? '是，免交住院押金（D4 §16）' : '否'}</Descriptions.Item>
      </Descriptions>

      {explained ? null : (
        <Typography.Paragraph>本单结算时未保存计算步骤（如批量结算），各项依据见下方“适用条款”。</Typography.Paragraph>
      )}
      <Table
        size="small"
        className="bill-lines"
        pagination={false}
        dataSource={rows}
        caption={<span className="sr-only">结算金额及其计算依据，展开各行查看说明</span>}
        expandable={{
          expandedRowRender: ({ line }) => <LineDetail bill={bill} line={line} />,
          rowExpandable: () => true,
        }}
        columns={[
          {
            title: '项目',
            key: 'label',
            render: (_: unknown, { line }) => <span className={line.partOf ? 'bill-part' : undefined}>{line.label}</span>,
          },
          {
            title: '金额（元）',
            key: 'amount',
            align: 'right',
            render: (_: unknown, { line }) => <span className="amount" data-amount={line.key}>{amountOf(bill, line.key)}</span>,
          },
          { title: '大写', key: 'capital', render: (_: unknown, { line }) => capitalOf(amountOf(bill, line.key)) },
          {
            title: '依据',
            key: 'articles',
            render: (_: unknown, { line }) => {
              const articles = [...new Set(explainLine(bill, line).steps.map((s) => s.article))];
              return articles.length ? articles.join('、') : line.given ? '随单据传入' : '—';
            },
          },
        ]}
      />

      {general.length ? (
        <>
          <Typography.Title level={3} className="bill-subtitle">
            结算条件
          </Typography.Title>
          <StepList steps={general} />
        </>
      ) : null}
      <Typography.Paragraph className="bill-articles">
        适用条款：{(bill.articles ?? []).join('、') || '—'}
      </Typography.Paragraph>
    </div>
  );
}

function LineDetail({ bill, line }: { bill: BillView; line: BillLine }) {
  const why = explainLine(bill, line);
  return (
    <div className="line-detail" data-line={line.key}>
      {why.given ? <Typography.Paragraph>{why.given}</Typography.Paragraph> : null}
      {why.steps.length ? <StepList steps={why.steps} /> : null}
      {why.notes.map((n, i) => (
        <Typography.Paragraph key={i}>
          <Flag tone="warn">提示</Flag>
          {n.text}（{n.article}）
        </Typography.Paragraph>
      ))}
      {why.accumulators.length || why.account ? (
        <Table
          size="small"
          pagination={false}
          className="line-accumulators"
          caption={<span className="sr-only">{line.label}相关的年度累计，结算前与结算后</span>}
          dataSource={[
            ...why.accumulators,
            ...(why.account ? [{ key: 'account', label: '个人账户余额', before: why.account.before, after: why.account.after }] : []),
          ]}
          columns={[
            { title: '年度累计', dataIndex: 'label' },
            { title: '结算前（元）', dataIndex: 'before', align: 'right' },
            { title: '结算后（元）', dataIndex: 'after', align: 'right' },
          ]}
        />
      ) : null}
      {!why.given && !why.steps.length && !why.accumulators.length && !why.account ? (
        <Typography.Paragraph>本项没有适用的规则。</Typography.Paragraph>
      ) : null}
    </div>
  );
}

function StepList({ steps }: { steps: ExplanationStep[] }) {
  return (
    <ol className="step-list">
      {steps.map((s, i) => (
        <li key={`${s.rule}-${i}`}>
          <div>
            <strong>{s.article}</strong> {s.text}
          </div>
          <div className="step-meta">
            规则 <Typography.Text code>{s.rule}</Typography.Text>
            {(s.params ?? []).map((p) => (
              <span key={p.id} className="step-param">
                参数 <Link to={`/params/${encodeURIComponent(p.id)}`}>{p.id}</Link> = {String(p.value)}（自 {p.from} 起，
                {p.citation.number} {p.citation.article}）
              </span>
            ))}
          </div>
          {s.values && Object.keys(s.values).length ? (
            <div className="step-values">
              {Object.entries(s.values).map(([k, v]) => (
                <span key={k}>
                  {STEP_VALUES[k] ?? k}：{String(v)}
                </span>
              ))}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
