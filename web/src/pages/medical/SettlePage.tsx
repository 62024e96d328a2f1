/**
 * 结算: a clerk enters one claim, sees the bill before anything is saved
 * (预结算, POST /claims/preview), opens each amount's explanation, then
 * confirms (POST /claims). The same claim sent twice gives the same bill.
 */
import { Alert, Button, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';

import { api, unwrap } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Link, navigate } from '../../router.tsx';
import type { BillView } from './bill.ts';
import { BillExplained } from './BillExplained.tsx';
import {
  amountProblem,
  claimBody,
  claimProblems,
  CLAIM_FIELDS,
  personIdProblem,
  type ClaimBody,
  type ClaimFormValues,
} from './claimForm.ts';
import { CLAIM_KINDS, EXCLUSIONS, LEVELS, PLACES } from './labels.ts';
import { PersonSummary } from './PersonSummary.tsx';

const FIELD_LABELS: Record<string, string> = {
  claim_id: '单据号',
  person_id: '身份证号',
  date: '就诊日期',
  kind: '就诊类型',
  level: '医院等级',
  place: '就医地',
  referral: '按规定转诊',
  resident_elsewhere: '异地居住备案',
  emergency: '急诊抢救',
  primary_first_visit: '基层首诊转诊',
  exclusion: '不予支付情形',
  total: '总费用',
  policy_scope: '政策范围内费用',
  basic_paid: '基本医保支付',
  critical_paid: '大病保险支付',
};

const options = (table: Record<string, string>) => Object.entries(table).map(([value, label]) => ({ value, label }));

type FormShape = Omit<ClaimFormValues, 'date'> & { date: Dayjs };

function YesNo({ name, label, required = true }: { name: string; label: string; required?: boolean }) {
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: `请选择是否${label}` }] : []}>
      <Radio.Group aria-label={label} role="radiogroup" optionType="button">
        <Radio value="yes">是</Radio>
        <Radio value="no">否</Radio>
      </Radio.Group>
    </Form.Item>
  );
}

function amountRule(name: string) {
  return {
    validator: (_: unknown, value: string | undefined) => {
      const problem = amountProblem(value, name);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}

export default function SettlePage() {
  const [form] = Form.useForm<FormShape>();
  const [preview, setPreview] = useState<{ body: ClaimBody; bill: BillView }>();
  const [settled, setSettled] = useState<BillView>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState<'preview' | 'confirm'>();
  const personId = Form.useWatch('person_id', form);

  const onPreview = async (values: FormShape) => {
    setError(undefined);
    setSettled(undefined);
    const cross = claimProblems({ ...values, date: values.date.format('YYYY-MM-DD') });
    if (cross.length) {
      form.setFields(cross.map((p) => ({ name: p.field, errors: [p.reason] })));
      return;
    }

    const body = claimBody({ ...values, date: values.date.format('YYYY-MM-DD') });
    setBusy('preview');
    try {
      const bill = await unwrap(api.POST('/api/medical/claims/preview', { body }));
      setPreview({ body, bill });
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, CLAIM_FIELDS);
      setError(failure);
      setPreview(undefined);
    } finally {
      setBusy(undefined);
    }
  };

  const onConfirm = async () => {
    if (!preview) return;
    setError(undefined);
    setBusy('confirm');
    try {
      // explain: the stored bill keeps its steps, so its page can still explain it.
      setSettled(await unwrap(api.POST('/api/medical/claims', { body: { ...preview.body, explain: true } })));
      setPreview(undefined);
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setBusy(undefined);
    }
  };

  const reset = () => {
    form.resetFields();
    setPreview(undefined);
    setSettled(undefined);
    setError(undefined);
  };

  return (
    <>
      <Typography.Paragraph>
        录入一张费用单据。先“预结算”查看结算单（不保存），逐项展开查看计算依据，确认无误后“确认结算”。同一单据重复提交不会重复结算。
      </Typography.Paragraph>

      <Form<FormShape>
        form={form}
        name="claim"
        layout="vertical"
        className="panel"
        onFinish={onPreview}
        onValuesChange={() => setPreview(undefined)}
        disabled={!!settled}
        initialValues={{
          kind: 'outpatient',
          level: '2',
          place: 'city',
          referral: 'yes',
          resident_elsewhere: 'no',
          emergency: 'no',
          basic_paid: '0.00',
          critical_paid: '0.00',
        }}
        scrollToFirstError
      >
        <fieldset>
          <legend>单据与参保人</legend>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="claim_id" label="单据号" rules={[{ required: true, whitespace: true, message: '请输入单据号' }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="person_id"
                label="身份证号"
                required
                validateFirst
                rules={[
                  {
                    validator: (_: unknown, value: string | undefined) => {
                      const problem = personIdProblem(value);
                      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                    },
                  },
                ]}
              >
                <Input autoComplete="off" maxLength={18} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="date" label="就诊日期" rules={[{ required: true, message: '请选择就诊日期' }]}>
                <DatePicker style={{ width: '100%' }} placeholder="YYYY-MM-DD" />
              </Form.Item>
            </Col>
          </Row>
          <PersonSummary personId={personIdProblem(personId) ? undefined : String(personId).trim().toUpperCase()} />
        </fieldset>

        <fieldset>
          <legend>就诊情况</legend>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="kind" label="就诊类型" rules={[{ required: true, message: '请选择就诊类型' }]}>
                <Select options={options(CLAIM_KINDS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="level" label="医院等级" rules={[{ required: true, message: '请选择医院等级' }]}>
                <Select options={options(LEVELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="place" label="就医地" rules={[{ required: true, message: '请选择就医地' }]}>
                <Select options={options(PLACES)} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <YesNo name="referral" label="按规定转诊" />
            </Col>
            <Col xs={12} md={6}>
              <YesNo name="resident_elsewhere" label="异地居住备案" />
            </Col>
            <Col xs={12} md={6}>
              <YesNo name="emergency" label="急诊抢救" />
            </Col>
            <Col xs={12} md={6}>
              <YesNo name="primary_first_visit" label="基层首诊转诊" required={false} />
            </Col>
          </Row>
          <Form.Item name="exclusion" label="不予支付情形（D5 第九条）">
            <Select allowClear placeholder="无" options={options(EXCLUSIONS)} />
          </Form.Item>
        </fieldset>

        <fieldset>
          <legend>费用（元）</legend>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item name="total" label="总费用" required rules={[amountRule('总费用')]}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="policy_scope" label="政策范围内费用" required rules={[amountRule('政策范围内费用')]}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="basic_paid" label="基本医保支付" required rules={[amountRule('基本医保支付')]}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="critical_paid" label="大病保险支付" required rules={[amountRule('大病保险支付')]}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
          </Row>
        </fieldset>

        <Space>
          <Button type="primary" htmlType="submit" loading={busy === 'preview'}>
            预结算
          </Button>
          <Button onClick={reset} disabled={false}>
            清空
          </Button>
        </Space>
      </Form>

      <div aria-live="polite">
        {error ? <ErrorNotice error={error} fieldLabels={FIELD_LABELS} /> : null}

        {preview ? (
          <section className="panel" aria-labelledby="preview-title">
            <Typography.Title level={2} id="preview-title">
              预结算单（尚未保存）
            </Typography.Title>
            <BillExplained bill={preview.bill} />
            <Space>
              <Button type="primary" onClick={onConfirm} loading={busy === 'confirm'}>
                确认结算
              </Button>
              <Button onClick={() => setPreview(undefined)}>返回修改</Button>
            </Space>
          </section>
        ) : null}

        {settled ? (
          <section className="panel" aria-labelledby="settled-title">
            <Typography.Title level={2} id="settled-title">
              结算完成
            </Typography.Title>
            <Alert
              type="success"
              showIcon
              title={`单据 ${settled.claim_id} 已结算，个人现金支付 ${settled.cash_paid} 元`}
              className="settled-notice"
            />
            <BillExplained bill={settled} />
            <Space>
              <Button
                type="primary"
                href={`/medical/bills/${encodeURIComponent(settled.claim_id ?? '')}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/medical/bills/${encodeURIComponent(settled.claim_id ?? '')}`);
                }}
              >
                打印一单制结算单
              </Button>
              <Link to={`/medical/persons/${encodeURIComponent(settled.person_id ?? '')}`}>查看参保人</Link>
              <Button onClick={reset}>结算下一张</Button>
            </Space>
          </section>
        ) : null}
      </div>
    </>
  );
}
