/**
 * 本主体信用 (role 市场主体): the entity's own profile, without a purpose
 * prompt (D2 二(二)3); an objection against a record or the result, with
 * its deadline of 7 working days (D2 二(四)2); a repair application with
 * the conditions checked (D2 二(四)3); its cases; and who read its results.
 */
import { Alert, Button, Checkbox, Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Nothing } from '../../components/States.tsx';
import { todayInBeijing } from '../../dates.ts';
import { CreditFrame, useCaller } from './caller.tsx';
import { CaseQueue } from './CaseQueue.tsx';
import { EntityProfile } from './EntityProfile.tsx';
import { USCC_PATTERN } from './labels.ts';

type RecordView = ResponseOf<'/api/credit/entities/{uscc}/records'>[number];
type Objection = ResponseOf<'/api/credit/objections', 'post'>;
type Repair = ResponseOf<'/api/credit/repairs', 'post'>;

export default function MyCreditPage() {
  return (
    <CreditFrame>
      <Mine />
    </CreditFrame>
  );
}

function Mine() {
  const { caller } = useCaller();
  const [round, setRound] = useState(0);
  const uscc = caller.entity.trim().toUpperCase();

  if (caller.role !== 'entity') {
    return <Alert type="info" showIcon title="本页供市场主体查看本主体信用：请在上方选择角色“市场主体（本主体）”并填写本主体统一社会信用代码。" />;
  }
  if (!USCC_PATTERN.test(uscc)) {
    return <Alert type="info" showIcon title="请在上方填写本主体的18位统一社会信用代码。" />;
  }
  const bump = () => setRound((r) => r + 1);
  return (
    <>
      <EntityProfile uscc={uscc} round={round} />
      <ObjectionForm uscc={uscc} round={round} onFiled={bump} />
      <RepairForm uscc={uscc} round={round} onFiled={bump} />
      <CaseQueue kind="objection" round={round} onChanged={bump} />
      <CaseQueue kind="repair" round={round} onChanged={bump} />
      <ReadLog round={round} />
    </>
  );
}

function useOwnRecords(uscc: string, round: number) {
  const { headers } = useCaller();
  return useApi((signal) => unwrap(api.GET('/api/credit/entities/{uscc}/records', { params: { path: { uscc } }, headers, signal })), [uscc, JSON.stringify(headers), round]);
}

function recordOption(r: RecordView, label: (code: string) => string) {
  return { value: r.id ?? '', label: `${label(r.indicator ?? '')} ${r.decided}${r.documentNumber ? ` ${r.documentNumber}` : ''}（${r.statusLabel}）` };
}

function ObjectionForm({ uscc, round, onFiled }: { uscc: string; round: number; onFiled: () => void }) {
  const { headers, indicators } = useCaller();
  const records = useOwnRecords(uscc, round);
  const [form] = Form.useForm<{ record_id?: string; claim: string; received_on: string }>();
  const [filed, setFiled] = useState<Objection>();
  const [error, setError] = useState<ApiError>();
  const label = (code: string) => indicators?.indicators?.find((x) => x.code === code)?.label ?? code;

  const file = async (values: { record_id?: string; claim: string; received_on: string }) => {
    setError(undefined);
    setFiled(undefined);
    try {
      const body = { uscc, claim: values.claim.trim(), received_on: values.received_on, ...(values.record_id ? { record_id: values.record_id } : {}) };
      setFiled(await unwrap(api.POST('/api/credit/objections', { body, headers })));
      form.resetFields(['claim']);
      onFiled();
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['record_id', 'claim', 'received_on']);
      setError(failure);
    }
  };

  return (
    <section className="panel" aria-labelledby="objection-form-title">
      <Typography.Title level={2} id="objection-form-title">
        提出异议
      </Typography.Title>
      <Typography.Paragraph>认为信用记录或评价结果有误的，可提出异议；有关部门在受理后7个工作日内核查处理（受理当日不计，法定节假日不计，调休上班日计入）。</Typography.Paragraph>
      <Form form={form} name="objection" layout="vertical" onFinish={file} initialValues={{ received_on: todayInBeijing() }}>
        <Form.Item name="record_id" label="异议所涉记录（不选则对评价结果提出异议）">
          <Select allowClear style={{ width: 480 }} placeholder="评价结果" options={(records.data ?? []).map((r) => recordOption(r, label))} />
        </Form.Item>
        <Form.Item name="claim" label="异议内容" rules={[{ required: true, message: '请写明异议内容与理由' }]}>
          <Input.TextArea rows={3} maxLength={4000} style={{ width: 480 }} />
        </Form.Item>
        <Form.Item name="received_on" label="受理日期" rules={[{ required: true, message: '请输入受理日期' }]}>
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            提交异议
          </Button>
        </Form.Item>
      </Form>
      <div aria-live="polite">
        {filed ? (
          <Alert
            type="success"
            showIcon
            className="objection-filed"
            title={`异议已受理（编号 ${filed.id}），办理期限：${filed.deadline}`}
            description={`受理日 ${filed.receivedOn}，7个工作日内核查处理；${filed.stateLabel}。依据：${(filed.articles ?? []).join('、')}`}
          />
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    </section>
  );
}

function RepairForm({ uscc, round, onFiled }: { uscc: string; round: number; onFiled: () => void }) {
  const { headers, indicators } = useCaller();
  const records = useOwnRecords(uscc, round);
  const [form] = Form.useForm<{ record_id: string; applied_on: string; obligations_fulfilled: boolean; pledge_submitted: boolean }>();
  const [applied, setApplied] = useState<Repair>();
  const [error, setError] = useState<ApiError>();
  const label = (code: string) => indicators?.indicators?.find((x) => x.code === code)?.label ?? code;
  const active = (records.data ?? []).filter((r) => r.status === 'active');

  const apply = async (values: { record_id: string; applied_on: string; obligations_fulfilled: boolean; pledge_submitted: boolean }) => {
    setError(undefined);
    setApplied(undefined);
    try {
      const body = { record_id: values.record_id, applied_on: values.applied_on, obligations_fulfilled: !!values.obligations_fulfilled, pledge_submitted: !!values.pledge_submitted };
      setApplied(await unwrap(api.POST('/api/credit/repairs', { body, headers })));
      onFiled();
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['record_id', 'applied_on']);
      setError(failure);
    }
  };

  return (
    <section className="panel" aria-labelledby="repair-form-title">
      <Typography.Title level={2} id="repair-form-title">
        申请信用修复
      </Typography.Title>
      <Form form={form} name="repair" layout="vertical" onFinish={apply} initialValues={{ applied_on: todayInBeijing(), obligations_fulfilled: false, pledge_submitted: false }}>
        <Form.Item name="record_id" label="申请修复的记录" rules={[{ required: true, message: '请选择记录' }]}>
          <Select style={{ width: 480 }} options={active.map((r) => recordOption(r, label))} notFoundContent="没有可修复的有效记录" />
        </Form.Item>
        <Form.Item name="applied_on" label="申请日期" rules={[{ required: true, message: '请输入申请日期' }]}>
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="obligations_fulfilled" valuePropName="checked">
          <Checkbox>已履行行政处罚等法定义务</Checkbox>
        </Form.Item>
        <Form.Item name="pledge_submitted" valuePropName="checked">
          <Checkbox>已提交信用修复承诺书</Checkbox>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            提交修复申请
          </Button>
        </Form.Item>
      </Form>
      <div aria-live="polite">
        {applied ? (
          <Alert
            type={applied.check?.eligible ? 'success' : 'warning'}
            showIcon
            title={`修复申请已提交（编号 ${applied.id}），办理期限：${applied.deadline}`}
            description={applied.check?.eligible ? '修复条件已满足，待部门审核。' : `修复条件未满足：${(applied.check?.unmet ?? []).join('；')}；最早可修复日 ${applied.check?.earliest}。`}
          />
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    </section>
  );
}

function ReadLog({ round }: { round: number }) {
  const { headers } = useCaller();
  const log = useApi((signal) => unwrap(api.GET('/api/credit/access-log', { params: { query: { limit: 50 } }, headers, signal })), [JSON.stringify(headers), round]);
  return (
    <section className="panel" aria-labelledby="read-log-title">
      <Typography.Title level={2} id="read-log-title">
        谁查询了本主体的信用评价结果
      </Typography.Title>
      {log.error ? <ErrorNotice error={log.error} /> : null}
      <AccessLogTable items={log.data?.items ?? []} loading={log.loading} />
    </section>
  );
}

export function AccessLogTable({ items, loading }: { items: NonNullable<ResponseOf<'/api/credit/access-log'>['items']>; loading: boolean }) {
  return (
    <Table
      size="small"
      rowKey={(r) => r.id ?? ''}
      loading={loading}
      dataSource={items}
      pagination={items.length > 10 ? { pageSize: 10 } : false}
      caption={<span className="sr-only">查询记录</span>}
      locale={{ emptyText: <Nothing text="没有查询记录" /> }}
      columns={[
        { title: '时间（北京时间）', dataIndex: 'at', render: (v: string) => (v ? new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—') },
        { title: '查询人', dataIndex: 'user' },
        { title: '角色', dataIndex: 'role' },
        { title: '查询对象', dataIndex: 'subject', render: (v?: string | null) => v ?? '—' },
        { title: '内容', dataIndex: 'resource' },
        { title: '用途', dataIndex: 'purpose' },
        { title: '结果', dataIndex: 'outcome', render: (v: string) => (v === 'granted' ? '已查看' : '被拒绝') },
      ]}
    />
  );
}
