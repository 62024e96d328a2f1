/**
 * 信用承诺 made in approvals (D2 二(一)2): registered by the approving
 * department, later verified as kept or broken; a broken pledge becomes a
 * 违反承诺 record and the entity is re-scored at once.
 */
import { Alert, Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Nothing } from '../../components/States.tsx';
import { todayInBeijing } from '../../dates.ts';
import { useCaller } from './caller.tsx';
import { options, PLEDGE_TYPES } from './labels.ts';

type Pledge = ResponseOf<'/api/credit/entities/{uscc}/pledges'>[number];
interface PledgeValues {
  pledge_type: string;
  approval_number: string;
  department: string;
  pledged_on: string;
  due_on?: string;
}

export function PledgesPanel({ uscc, round, onChanged }: { uscc: string; round: number; onChanged: () => void }) {
  const { headers, may } = useCaller();
  const [form] = Form.useForm<PledgeValues>();
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const [changed, setChanged] = useState(0);
  const pledges = useApi(
    (signal) => unwrap(api.GET('/api/credit/entities/{uscc}/pledges', { params: { path: { uscc } }, headers, signal })),
    [uscc, JSON.stringify(headers), round, changed],
  );
  const write = may('record.write');

  const register = async (v: PledgeValues) => {
    setError(undefined);
    setDone(undefined);
    try {
      await unwrap(
        api.POST('/api/credit/pledges', {
          body: { uscc, pledge_type: v.pledge_type as never, approval_number: v.approval_number.trim(), department: v.department.trim(), pledged_on: v.pledged_on, ...(v.due_on ? { due_on: v.due_on } : {}) },
          headers,
        }),
      );
      setDone('已登记信用承诺。');
      form.resetFields(['approval_number']);
      setChanged((n) => n + 1);
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['pledge_type', 'approval_number', 'department', 'pledged_on', 'due_on']);
      setError(failure);
    }
  };

  const verify = async (p: Pledge, kept: boolean) => {
    setError(undefined);
    setDone(undefined);
    try {
      const answer = await unwrap(api.POST('/api/credit/pledges/{id}/verify', { params: { path: { id: p.id ?? '' } }, body: { kept, verified_on: todayInBeijing() }, headers }));
      const r = answer.rescore;
      setDone(kept ? '已核实：承诺已履行。' : `已核实：承诺未履行，形成违反承诺记录${r ? `；重新评价 ${r.score} 分 ${r.grade}级` : ''}。`);
      setChanged((n) => n + 1);
      onChanged();
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  return (
    <section className="panel" aria-labelledby="pledges-title">
      <Typography.Title level={2} id="pledges-title">
        信用承诺及履约
      </Typography.Title>
      {pledges.error ? <ErrorNotice error={pledges.error} /> : null}
      <Table<Pledge>
        size="small"
        rowKey={(p) => p.id ?? ''}
        dataSource={pledges.data ?? []}
        pagination={(pledges.data ?? []).length > 10 ? { pageSize: 10 } : false}
        caption={<span className="sr-only">审批中作出的信用承诺</span>}
        locale={{ emptyText: <Nothing text="没有信用承诺" /> }}
        columns={[
          { title: '承诺类型', dataIndex: 'pledge_type', render: (v: string) => PLEDGE_TYPES[v] ?? v },
          { title: '审批文号', dataIndex: 'approval_number' },
          { title: '审批部门', dataIndex: 'department' },
          { title: '承诺日', dataIndex: 'pledged_on' },
          { title: '履行期限', dataIndex: 'due_on', render: (v?: string | null) => v ?? '—' },
          {
            title: '履约情况',
            key: 'kept',
            render: (_: unknown, p) =>
              p.kept === null || p.kept === undefined ? (
                write ? (
                  <Space>
                    <Button size="small" onClick={() => verify(p, true)}>已履行</Button>
                    <Button size="small" danger onClick={() => verify(p, false)}>未履行</Button>
                  </Space>
                ) : (
                  <Flag tone="info">待核实</Flag>
                )
              ) : p.kept ? (
                <Flag tone="good">已履行 {p.verified_on}</Flag>
              ) : (
                <Flag tone="bad">未履行 {p.verified_on}</Flag>
              ),
          },
        ]}
      />
      {write ? (
        <Form form={form} name="pledge" layout="inline" className="page-toolbar" onFinish={register} initialValues={{ pledge_type: 'notification_commitment', pledged_on: todayInBeijing() }}>
          <Form.Item name="pledge_type" label="承诺类型">
            <Select style={{ width: 150 }} options={options(PLEDGE_TYPES)} />
          </Form.Item>
          <Form.Item name="approval_number" label="审批文号" rules={[{ required: true, message: '请输入审批文号' }]}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="department" label="审批部门" rules={[{ required: true, message: '请输入审批部门' }]}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="pledged_on" label="承诺日" rules={[{ required: true, message: '请输入承诺日' }]}>
            <Input type="date" style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="due_on" label="履行期限">
            <Input type="date" style={{ width: 170 }} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">登记承诺</Button>
          </Form.Item>
        </Form>
      ) : null}
      <div aria-live="polite">
        {done ? <Alert type="success" showIcon title={done} /> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    </section>
  );
}
