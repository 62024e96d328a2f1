/**
 * 登记残疾人: a person enters the register (D1 三(六)1). The resident ID
 * (GB 11643) and the 残疾人证号 are checked as they are typed, with the
 * platform's own functions; category and grade are read off the card and
 * shown before saving. The server checks everything again.
 */
import { Button, Descriptions, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { todayInBeijing } from '../../dates.ts';
import { checkResidentId } from '../../identity.ts';
import { navigate } from '../../router.tsx';
import { useCounties } from './counties.ts';
import { checkCardNumber, HOUSEHOLD_LABELS, options } from './labels.ts';

interface Values {
  residentId: string;
  name: string;
  county: string;
  cardNumber: string;
  household: 'dibao' | 'dibao_marginal' | 'tekun' | 'none';
  householdFrom: string;
  bankAccount?: string;
}

const FIELDS = ['residentId', 'name', 'county', 'cardNumber', 'household', 'householdFrom', 'bankAccount'];
const LABELS: Record<string, string> = {
  residentId: '身份证号',
  name: '姓名',
  county: '县区',
  cardNumber: '残疾人证号',
  household: '家庭类别',
  householdFrom: '家庭类别起始日期',
  bankAccount: '发放账户',
};

export default function RegisterPage() {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const counties = useCounties();
  const card = Form.useWatch('cardNumber', form) ?? '';
  const derived = card.trim().length === 20 ? checkCardNumber(card) : undefined;

  const save = async (values: Values) => {
    setError(undefined);
    setSaving(true);
    try {
      const detail = await unwrap(
        api.POST('/api/disability/persons', {
          body: {
            ...values,
            residentId: values.residentId.trim().toUpperCase(),
            cardNumber: values.cardNumber.trim().toUpperCase(),
            name: values.name.trim(),
            ...(values.bankAccount?.trim() ? { bankAccount: values.bankAccount.trim() } : { bankAccount: undefined }),
          },
        }),
      );
      navigate(`/disability/persons/${encodeURIComponent(detail.person?.id ?? '')}?registered=1`);
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, FIELDS);
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Typography.Paragraph>
        身份证号与残疾人证号在输入时即校验；残疾类别与等级由残疾人证号第19、20位得出（1视力、2听力、3言语、4肢体、5智力、6精神、7多重；一级最重）。
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        name="disability-register"
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ household: 'none', householdFrom: todayInBeijing() }}
        onFinish={save}
      >
        <Form.Item
          name="residentId"
          label={LABELS.residentId}
          validateFirst
          rules={[
            { required: true, message: '请输入身份证号' },
            {
              validator: (_: unknown, v?: string) => {
                const id = (v ?? '').trim().toUpperCase();
                if (id.length !== 18) return Promise.reject(new Error(`身份证号应为18位，现为${id.length}位`));
                const checked = checkResidentId(id);
                return checked.ok ? Promise.resolve() : Promise.reject(new Error(checked.reason));
              },
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={LABELS.name} rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="county" label={LABELS.county} rules={[{ required: true, message: '请选择县区' }]}>
          <Select options={counties.list.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <Form.Item
          name="cardNumber"
          label={LABELS.cardNumber}
          dependencies={['residentId']}
          validateFirst
          extra="身份证号18位＋类别1位＋等级1位，共20位"
          rules={[
            { required: true, message: '请输入残疾人证号' },
            ({ getFieldValue }) => ({
              validator: (_: unknown, v?: string) => {
                const checked = checkCardNumber(v ?? '');
                if (!checked.ok) return Promise.reject(new Error(checked.problems.map((p) => p.reason).join('；')));
                const id = String(getFieldValue('residentId') ?? '').trim().toUpperCase();
                if (id && checked.residentId !== id) return Promise.reject(new Error('残疾人证号前18位与身份证号不一致'));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
        <div aria-live="polite" className="card-derived">
          {derived?.ok ? (
            <Descriptions size="small" bordered column={2} className="page-toolbar" title="由证号得出">
              <Descriptions.Item label="残疾类别">{derived.categoryLabel}</Descriptions.Item>
              <Descriptions.Item label="残疾等级">{derived.grade} 级</Descriptions.Item>
              <Descriptions.Item label="出生日期">{derived.birthDate}</Descriptions.Item>
              <Descriptions.Item label="性别">{derived.sex === 'male' ? '男' : '女'}</Descriptions.Item>
            </Descriptions>
          ) : null}
        </div>
        <Form.Item name="household" label={LABELS.household} rules={[{ required: true, message: '请选择家庭类别' }]}>
          <Select options={options(HOUSEHOLD_LABELS)} />
        </Form.Item>
        <Form.Item name="householdFrom" label={LABELS.householdFrom} rules={[{ required: true, message: '请填写起始日期' }]}>
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="bankAccount" label={LABELS.bankAccount} extra="可省略；发放名册中按此账户发放">
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" disabled={saving}>
              登记
            </Button>
            <Button onClick={() => navigate('/disability/persons')}>返回名册</Button>
          </Space>
        </Form.Item>
      </Form>
      <div aria-live="polite">
        {error ? <ErrorNotice error={error} fieldLabels={LABELS} /> : null}
      </div>
    </>
  );
}
