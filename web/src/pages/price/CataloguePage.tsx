/**
 * 监测目录: the items monitored (unit, specification, government-set or
 * not, the plausible band outside which a price is held) and the
 * monitoring points per county (D3 3.1, 3.2.1).
 */
import { Button, Checkbox, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { CATEGORY_LABELS, COUNTIES, label, POINT_KINDS } from './labels.ts';
import { callerHeaders, PriceFrame, useOperator } from './operator.tsx';

type Item = ResponseOf<'/api/price/items'>[number];
type Point = ResponseOf<'/api/price/points'>[number];

const fenText = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : (fen / 100).toFixed(2));
const YUAN = /^\d+(\.\d{1,2})?$/;

export default function CataloguePage() {
  return (
    <PriceFrame>
      <Catalogue />
    </PriceFrame>
  );
}

function Catalogue() {
  const items = useApi((signal) => unwrap(api.GET('/api/price/items', { params: { query: { all: true } }, signal })), []);
  const points = useApi((signal) => unwrap(api.GET('/api/price/points', { params: { query: { all: true } }, signal })), []);

  return (
    <>
      <section className="panel" aria-labelledby="items-title">
        <Typography.Title level={2} id="items-title">
          监测品种
        </Typography.Title>
        {items.error ? <ErrorNotice error={items.error} onRetry={items.reload} /> : null}
        <Table<Item>
          size="small"
          rowKey="id"
          loading={items.loading}
          dataSource={items.data ?? []}
          className="items-table"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          caption={<span className="sr-only">监测品种</span>}
          columns={[
            { title: '代码', dataIndex: 'id' },
            { title: '项目', dataIndex: 'name' },
            { title: '类别', dataIndex: 'category', render: (v: string) => label(CATEGORY_LABELS, v) },
            { title: '规格等级', dataIndex: 'specification', render: (v?: string) => v || '—' },
            { title: '单位', dataIndex: 'unit' },
            { title: '政府定价', dataIndex: 'governmentSet', render: (v?: boolean) => (v ? '是' : '否') },
            { title: '合理下限（元）', dataIndex: 'plausibleMinFen', align: 'right', render: fenText },
            { title: '合理上限（元）', dataIndex: 'plausibleMaxFen', align: 'right', render: fenText },
            { title: '状态', dataIndex: 'active', render: (v?: boolean) => (v === false ? <Flag>已停用</Flag> : <Flag tone="good">在用</Flag>) },
          ]}
        />
        <ItemForm onSaved={items.reload} />
      </section>

      <section className="panel" aria-labelledby="points-title">
        <Typography.Title level={2} id="points-title">
          价格监测点
        </Typography.Title>
        {points.error ? <ErrorNotice error={points.error} onRetry={points.reload} /> : null}
        <Table<Point>
          size="small"
          rowKey="id"
          loading={points.loading}
          dataSource={points.data ?? []}
          className="points-table"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          caption={<span className="sr-only">价格监测点</span>}
          columns={[
            { title: '代码', dataIndex: 'id' },
            { title: '名称', dataIndex: 'name' },
            { title: '县(市)区', dataIndex: 'county', render: (v: string) => label(COUNTIES, v) },
            { title: '类型', dataIndex: 'kind', render: (v: string) => label(POINT_KINDS, v) },
            { title: '状态', dataIndex: 'active', render: (v?: boolean) => (v === false ? <Flag>已停用</Flag> : <Flag tone="good">在用</Flag>) },
          ]}
        />
        <PointForm onSaved={points.reload} />
      </section>
    </>
  );
}

interface ItemValues {
  id: string;
  name: string;
  category: string;
  unit: string;
  specification?: string;
  governmentSet?: boolean;
  plausibleMin?: string;
  plausibleMax?: string;
}

function ItemForm({ onSaved }: { onSaved: () => void }) {
  const [form] = Form.useForm<ItemValues>();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();
  const { operator } = useOperator();

  const save = async (v: ItemValues) => {
    setError(undefined);
    setSaved(undefined);
    try {
      await unwrap(
        api.PUT('/api/price/items', {
          headers: callerHeaders(operator),
          body: {
            items: [
              {
                id: v.id.trim(),
                name: v.name.trim(),
                category: v.category,
                unit: v.unit.trim(),
                specification: v.specification?.trim() ?? '',
                governmentSet: !!v.governmentSet,
                ...(v.plausibleMin?.trim() ? { plausibleMin: v.plausibleMin.trim() } : {}),
                ...(v.plausibleMax?.trim() ? { plausibleMax: v.plausibleMax.trim() } : {}),
              },
            ],
          },
        }),
      );
      setSaved(`已保存品种 ${v.name.trim()}`);
      onSaved();
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['id', 'name', 'category', 'unit', 'specification', 'plausibleMin', 'plausibleMax']);
      setError(failure);
    }
  };

  return (
    <>
      <Typography.Title level={3}>新增或修改品种</Typography.Title>
      <Form form={form} layout="vertical" name="item" onFinish={save}>
        <Space wrap align="start">
          <Form.Item name="id" label="品种代码" rules={[{ required: true, message: '请填写品种代码' }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="name" label="项目名称" rules={[{ required: true, message: '请填写项目名称' }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select style={{ width: 140 }} options={Object.entries(CATEGORY_LABELS).map(([value, text]) => ({ value, label: text }))} />
          </Form.Item>
          <Form.Item name="unit" label="计价单位" rules={[{ required: true, message: '请填写计价单位' }]}>
            <Input style={{ width: 120 }} placeholder="元/500克" />
          </Form.Item>
          <Form.Item name="specification" label="规格等级">
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="plausibleMin" label="合理下限（元）" rules={[{ pattern: YUAN, message: '应为元金额' }]}>
            <Input inputMode="decimal" style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="plausibleMax" label="合理上限（元）" rules={[{ pattern: YUAN, message: '应为元金额' }]}>
            <Input inputMode="decimal" style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="governmentSet" valuePropName="checked" label="定价方式">
            <Checkbox>政府定价</Checkbox>
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit">
          保存品种
        </Button>
      </Form>
      <div aria-live="polite">
        {saved ? <Typography.Paragraph>{saved}</Typography.Paragraph> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    </>
  );
}

type PointValues = { id: string; name: string; county: string; kind: string; warningId?: string };

function PointForm({ onSaved }: { onSaved: () => void }) {
  const [form] = Form.useForm<PointValues>();
  const kind = Form.useWatch('kind', form);
  // A temporary point belongs to the warning it was designated for (D3 3.2.1).
  const warnings = useApi(
    async (signal) => (kind === 'temporary' ? unwrap(api.GET('/api/price/warnings', { params: { query: { active: true } }, signal })) : []),
    [kind],
  );
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();
  const { operator } = useOperator();

  const save = async (v: PointValues) => {
    setError(undefined);
    setSaved(undefined);
    try {
      await unwrap(
        api.PUT('/api/price/points', {
          headers: callerHeaders(operator),
          body: {
            points: [
              {
                id: v.id.trim(),
                name: v.name.trim(),
                county: v.county,
                kind: v.kind as 'market',
                ...(v.kind === 'temporary' && v.warningId ? { warningId: v.warningId } : {}),
              },
            ],
          },
        }),
      );
      setSaved(`已保存监测点 ${v.name.trim()}`);
      onSaved();
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['id', 'name', 'county', 'kind']);
      setError(failure);
    }
  };

  return (
    <>
      <Typography.Title level={3}>新增或修改监测点</Typography.Title>
      <Form form={form} layout="vertical" name="point" onFinish={save}>
        <Space wrap align="start">
          <Form.Item name="id" label="监测点代码" rules={[{ required: true, message: '请填写监测点代码' }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="name" label="监测点名称" rules={[{ required: true, message: '请填写监测点名称' }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="county" label="县(市)区" rules={[{ required: true, message: '请选择县(市)区' }]}>
            <Select style={{ width: 140 }} options={Object.entries(COUNTIES).map(([value, text]) => ({ value, label: text }))} />
          </Form.Item>
          <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select style={{ width: 140 }} options={Object.entries(POINT_KINDS).map(([value, text]) => ({ value, label: text }))} />
          </Form.Item>
          {kind === 'temporary' ? (
            <Form.Item name="warningId" label="所属预警" rules={[{ required: true, message: '请选择临时监测点所属的预警' }]}>
              <Select
                style={{ width: 260 }}
                loading={warnings.loading}
                options={(warnings.data ?? []).map((w) => ({ value: w.id ?? '', label: w.title ?? w.id ?? '' }))}
              />
            </Form.Item>
          ) : null}
        </Space>
        <Button type="primary" htmlType="submit">
          保存监测点
        </Button>
      </Form>
      <div aria-live="polite">
        {saved ? <Typography.Paragraph>{saved}</Typography.Paragraph> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    </>
  );
}
