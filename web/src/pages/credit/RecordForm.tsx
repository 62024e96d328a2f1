/**
 * 报送信用记录 (D2 二(一)1): entity, indicator, decision date, publicity
 * window, source department and document number. The answer carries the
 * re-score, shown as old grade → new grade.
 */
import { Button, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { todayInBeijing } from '../../dates.ts';
import { useCaller } from './caller.tsx';
import { DOMAINS, options, USCC_PATTERN } from './labels.ts';

type Added = ResponseOf<'/api/credit/records', 'post'>;

interface RecordValues {
  uscc: string;
  indicator: string;
  decided: string;
  until?: string;
  window_years?: number;
  domain?: string;
  source_department: string;
  document_number: string;
}

const FIELDS: Record<string, string> = {
  uscc: '统一社会信用代码',
  indicator: '评价指标',
  decided: '决定日期',
  until: '终止日期',
  window_years: '公示期（年）',
  domain: '领域',
  source_department: '来源部门',
  document_number: '决定文号',
};

export function rescoreSentence(added: Added): string {
  const r = added.rescore;
  if (!r) return '已报送。';
  const change = r.previousGrade && r.previousGrade !== r.grade ? `等级由 ${r.previousGrade}级 变为 ${r.grade}级` : `等级 ${r.grade}级`;
  return `已报送记录 ${added.record?.id ?? ''}，重新评价：${r.score} 分，${change}（${r.category}）${r.measuresEnded ? `，终止原等级措施 ${r.measuresEnded} 项` : ''}。`;
}

export function RecordForm({ uscc, onSaved }: { uscc?: string; onSaved?: (added: Added) => void }) {
  const { headers, indicators } = useCaller();
  const [form] = Form.useForm<RecordValues>();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();
  const deducting = (indicators?.indicators ?? []).map((x) => ({ value: x.code ?? '', label: `${x.label}（${x.rule?.startsWith('earn') ? '加分项' : x.rule === 'operating_years' ? '按经营年限' : '扣分项'}）` }));

  const save = async (values: RecordValues) => {
    setError(undefined);
    setSaved(undefined);
    try {
      const added = await unwrap(
        api.POST('/api/credit/records', {
          body: {
            uscc: (uscc ?? values.uscc).trim().toUpperCase(),
            indicator: values.indicator,
            decided: values.decided,
            ...(values.until ? { until: values.until } : {}),
            ...(values.window_years ? { window_years: values.window_years } : {}),
            ...(values.domain ? { domain: values.domain as never } : {}),
            source_department: values.source_department.trim(),
            document_number: values.document_number.trim(),
          },
          headers,
        }),
      );
      setSaved(rescoreSentence(added));
      form.resetFields(['document_number']);
      onSaved?.(added);
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, Object.keys(FIELDS));
      setError(failure);
    }
  };

  return (
    <section className="panel" aria-labelledby="record-form-title">
      <Typography.Title level={2} id="record-form-title">
        报送信用记录
      </Typography.Title>
      <Form
        form={form}
        name="credit-record"
        layout="vertical"
        onFinish={save}
        initialValues={{ decided: todayInBeijing(), domain: 'general', indicator: 'administrative_penalty' }}
        className="credit-form"
      >
        {uscc ? null : (
          <Form.Item
            name="uscc"
            label={FIELDS.uscc}
            rules={[
              { required: true, message: '请输入统一社会信用代码' },
              { validator: (_: unknown, v?: string) => (!v || USCC_PATTERN.test(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error('应为18位代码'))) },
            ]}
          >
            <Input maxLength={18} style={{ width: 220 }} />
          </Form.Item>
        )}
        <Form.Item name="indicator" label={FIELDS.indicator} rules={[{ required: true, message: '请选择评价指标' }]}>
          <Select style={{ width: 320 }} options={deducting} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="decided" label={FIELDS.decided} rules={[{ required: true, message: '请输入决定日期' }]}>
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="until" label={`${FIELDS.until}（移出名单等，可空）`}>
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="window_years" label={`${FIELDS.window_years}（可空，缺省按参数）`}>
          <InputNumber min={1} max={50} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="domain" label={FIELDS.domain}>
          <Select style={{ width: 160 }} options={options(DOMAINS)} />
        </Form.Item>
        <Form.Item name="source_department" label={FIELDS.source_department} rules={[{ required: true, message: '请输入来源部门' }]}>
          <Input style={{ width: 240 }} maxLength={200} />
        </Form.Item>
        <Form.Item name="document_number" label={FIELDS.document_number} rules={[{ required: true, message: '请输入决定文号' }]}>
          <Input style={{ width: 240 }} maxLength={200} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            报送并重新评价
          </Button>
        </Form.Item>
      </Form>
      <div aria-live="polite">
        {saved ? <Typography.Paragraph className="credit-saved">{saved}</Typography.Paragraph> : null}
        {error ? <ErrorNotice error={error} fieldLabels={FIELDS} /> : null}
      </div>
    </section>
  );
}
