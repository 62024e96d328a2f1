/**
 * 依申请救助 (D4 §14) on the person page: enter the application date and
 * the deciding document, see the retroactive assistance of the 12 months
 * before (preview, nothing stored), then apply it. Applying twice returns
 * the same result; a second application in the same year is refused.
 */
import { Alert, Button, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Nothing } from '../../components/States.tsx';
import { Link } from '../../router.tsx';

type Result = ResponseOf<'/api/medical/persons/{personId}/retroactive/preview', 'post'>;
type ClaimRow = NonNullable<Result['claims']>[number];

interface Values {
  date: string;
  decided_by: string;
  valid_to?: string;
}

const OUTCOMES: Record<string, string> = {
  settled: '追溯救助',
  outside_window: '不在追溯期内',
  no_rule_in_force: '暂行办法施行前',
  not_covered: '不属救助范围',
  already_assisted: '已救助',
  reversed: '已冲销',
};

const HEADLINES: Record<string, string> = {
  preview: '预览（尚未办理）',
  applied: '已办理',
  existing: '该申请已办理，以下为办理结果',
};

export function RetroactivePanel({ personId, onApplied }: { personId: string; onApplied: () => void }) {
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<Result>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState<'preview' | 'apply'>();

  const run = async (mode: 'preview' | 'apply') => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = {
      date: values.date,
      category: 'illness_poverty' as const,
      decided_by: values.decided_by.trim(),
      ...(values.valid_to ? { valid_to: values.valid_to } : {}),
    };
    const path = { personId };

    setBusy(mode);
    setError(undefined);
    try {
      const answer =
        mode === 'preview'
          ? await unwrap(api.POST('/api/medical/persons/{personId}/retroactive/preview', { params: { path }, body }))
          : await unwrap(api.POST('/api/medical/persons/{personId}/retroactive', { params: { path }, body }));
      setResult(answer);
      if (mode === 'apply') onApplied();
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['date', 'decided_by', 'valid_to']);
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="panel">
      <Typography.Paragraph>
        认定为因病致贫重病患者后，申请之日前 12 个月内本人发生的个人负担的政策范围内费用计入医疗救助，每张单据按其所属年度的起付标准与年度限额计算；每年申请一次（D4 第十四条）。
      </Typography.Paragraph>
      <Form form={form} layout="inline" name="retroactive">
        <Form.Item name="date" label="申请日期" rules={[{ required: true, message: '请填写申请日期' }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="decided_by"
          label="认定文书"
          rules={[
            { required: true, whitespace: true, message: '请填写认定文书或文号' },
            { min: 2, message: '认定文书至少 2 个字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="valid_to" label="有效期至（可空）">
          <Input type="date" />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button onClick={() => run('preview')} loading={busy === 'preview'}>
              预览追溯救助
            </Button>
            <Button type="primary" onClick={() => run('apply')} loading={busy === 'apply'}>
              办理
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {error ? <ErrorNotice error={error} /> : null}
      {result ? <RetroactiveResult result={result} /> : null}
    </div>
  );
}

function RetroactiveResult({ result }: { result: Result }) {
  if (result.outcome === 'not_eligible' || result.outcome === 'no_rule_in_force') {
    return <Alert type="warning" showIcon message="不能办理" description={(result.reasons ?? []).join('；')} />;
  }
  return (
    <>
      <Typography.Paragraph role="status">
        {HEADLINES[result.outcome ?? ''] ?? result.outcome}：追溯期 {result.window_from} 至 {result.window_to}，追溯救助合计{' '}
        <strong className="value-cell">{result.total} 元</strong>
      </Typography.Paragraph>
      <Table<ClaimRow>
        size="small"
        rowKey={(c) => c.claim_id ?? ''}
        dataSource={result.claims ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        caption={<span className="sr-only">追溯救助的单据</span>}
        locale={{ emptyText: <Nothing text="追溯期内没有单据" /> }}
        columns={[
          {
            title: '单据号',
            dataIndex: 'claim_id',
            render: (c: string) => <Link to={`/medical/bills/${encodeURIComponent(c)}`}>{c}</Link>,
          },
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '结果', dataIndex: 'outcome', render: (o?: string) => OUTCOMES[o ?? ''] ?? o },
          { title: '医疗救助（元）', dataIndex: 'assistance', align: 'right' },
          { title: '其中倾斜（元）', dataIndex: 'assistance_tilt', align: 'right' },
          { title: '说明', dataIndex: 'reason' },
        ]}
      />
    </>
  );
}
