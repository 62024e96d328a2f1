/**
 * From a detection that proposes level 3 to a warning proposal (D3 3.4(2)):
 * the items and counties of its findings, the detection attached, a title
 * the officer may reword. The deputy mayor then approves on the warning's page.
 */
import { Button, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Link, navigate } from '../../router.tsx';
import { COUNTIES } from './labels.ts';
import { callerHeaders, useOperator } from './operator.tsx';

type Detection = ResponseOf<'/api/price/detections/{id}'>;

interface Values {
  title: string;
  items: string[];
  areas: string[];
  note?: string;
}

export function ProposeWarning({ detection }: { detection: Detection }) {
  const findings = detection.findings ?? [];
  const items = [...new Map(findings.filter((f) => f.itemId && f.itemId !== 'vegetable_basket').map((f) => [f.itemId!, f.itemName ?? f.itemId!])).entries()];
  // A city-wide finding warns the whole city (no areas); otherwise the counties that held.
  const cityWide = findings.some((f) => f.scope === 'city');
  const areas = cityWide ? [] : [...new Set(findings.flatMap((f) => f.counties ?? []))].sort();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError>();
  const { operator } = useOperator();
  // One warning per detection: once proposed, the detection links to it.
  const existing = useApi(
    async (signal) => (await unwrap(api.GET('/api/price/warnings', { signal }))).filter((w) => w.detectionId && w.detectionId === detection.id),
    [detection.id],
  );

  const submit = async (v: Values) => {
    setError(undefined);
    try {
      const created = await unwrap(
        api.POST('/api/price/warnings', {
          headers: callerHeaders(operator),
          body: {
            level: 3,
            title: v.title.trim(),
            items: v.items,
            areas: v.areas ?? [],
            detectionId: detection.id ?? null,
            description: findings.map((f) => f.text ?? '').join('；'),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        }),
      );
      navigate(`/price/warnings/${created.id}`);
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['title', 'items', 'areas', 'note']);
      setError(failure);
    }
  };

  if (existing.data?.length) {
    return (
      <div className="propose-warning">
        <Typography.Paragraph>
          已据此检测结果提出预警：
          {existing.data.map((w) => (
            <Link key={w.id} to={`/price/warnings/${w.id}`}>
              {w.title}
            </Link>
          ))}
        </Typography.Paragraph>
      </div>
    );
  }
  if (existing.loading) return null;

  return (
    <div className="propose-warning">
      <Typography.Title level={3}>提出三级预警建议</Typography.Title>
      <Form
        form={form}
        layout="vertical"
        name="propose"
        onFinish={submit}
        initialValues={{ title: `${items.map(([, name]) => name).join('、')}价格异常波动三级预警`, items: items.map(([id]) => id), areas }}
      >
        <Space wrap align="start">
          <Form.Item name="title" label="预警标题" rules={[{ required: true, message: '请填写预警标题' }]}>
            <Input style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="items" label="涉及品种" rules={[{ required: true, message: '请选择涉及品种' }]}>
            <Select mode="multiple" style={{ width: 220 }} options={items.map(([value, name]) => ({ value, label: name }))} />
          </Form.Item>
          <Form.Item name="areas" label="警情所在县(市)区（空为全市）">
            <Select mode="multiple" style={{ width: 240 }} options={Object.entries(COUNTIES).map(([value, text]) => ({ value, label: text }))} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="研判意见">
          <Input.TextArea rows={2} style={{ maxWidth: 640 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          提出预警建议，报分管副市长批准
        </Button>
      </Form>
      <div aria-live="polite">{error ? <ErrorNotice error={error} /> : null}</div>
    </div>
  );
}
