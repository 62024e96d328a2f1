/**
 * 双随机抽查 (D2 二(三)): the inspector register with the entities each must
 * not inspect; a plan for a sector, a period and a base ratio, drawn per
 * grade at its ratio with inspectors who have no conflict; the seed shown
 * so the plan can be drawn again; exports for the inspectors.
 */
import { Alert, Button, Descriptions, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, download, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Nothing } from '../../components/States.tsx';
import { todayInBeijing } from '../../dates.ts';
import { useQuery } from '../../router.tsx';
import { CreditFrame, useCaller } from './caller.tsx';
import { GradeFlag } from './EntityProfile.tsx';

type Plan = ResponseOf<'/api/credit/plans/{id}'>;

export default function PlansPage() {
  return (
    <CreditFrame>
      <Plans />
    </CreditFrame>
  );
}

function Plans() {
  const { headers, may } = useCaller();
  const [query, setQuery] = useQuery();
  const chosen = query.get('plan') ?? '';
  const [round, setRound] = useState(0);
  const key = JSON.stringify(headers);
  const sectors = useApi((signal) => unwrap(api.GET('/api/credit/sectors', { headers, signal })), [key]);
  const plans = useApi(
    async (signal) => (may('plan.read') ? unwrap(api.GET('/api/credit/plans', { headers, signal })) : []),
    [key, round, may('plan.read')],
  );
  const sectorLabel = (code: string) => sectors.data?.sectors?.find((s) => s.code === code)?.label ?? code;
  const sectorOptions = (sectors.data?.sectors ?? []).map((s) => ({ value: s.code ?? '', label: s.label ?? '' }));

  if (!may('plan.read')) return <Alert type="info" showIcon title="当前角色不能查看抽查计划。" />;

  return (
    <>
      <Inspectors sectorOptions={sectorOptions} />
      {may('plan.write') ? <PlanForm sectorOptions={sectorOptions} onDrawn={(id) => { setRound((r) => r + 1); setQuery({ plan: id }); }} /> : null}
      <section className="panel" aria-labelledby="plans-title">
        <Typography.Title level={2} id="plans-title">
          抽查计划
        </Typography.Title>
        {plans.error ? <ErrorNotice error={plans.error} /> : null}
        <Table
          size="small"
          rowKey={(p) => String(p.id)}
          dataSource={(plans.data ?? []) as Array<Record<string, unknown>>}
          pagination={false}
          caption={<span className="sr-only">抽查计划列表</span>}
          locale={{ emptyText: <Nothing text="尚无抽查计划" /> }}
          columns={[
            { title: '计划编号', dataIndex: 'id', render: (v: string) => <Button type="link" onClick={() => setQuery({ plan: v })}>{v}</Button> },
            { title: '行业领域', dataIndex: 'sector', render: (v: string) => sectorLabel(v) },
            { title: '抽查期间', key: 'period', render: (_: unknown, p) => `${String(p.periodFrom)} 至 ${String(p.periodTo)}` },
            { title: '基准比例', dataIndex: 'baseRatioPercent', align: 'right', render: (v: number) => `${v}%` },
            { title: '随机种子', dataIndex: 'seed', render: (v: string) => <span className="value-cell">{v}</span> },
          ]}
        />
      </section>
      {chosen ? <PlanDetail id={chosen} sectorLabel={sectorLabel} /> : null}
    </>
  );
}

function Inspectors({ sectorOptions }: { sectorOptions: { value: string; label: string }[] }) {
  const { headers, may } = useCaller();
  const [round, setRound] = useState(0);
  const [form] = Form.useForm<{ id: string; name: string; department: string; sectors?: string[]; conflicts?: string }>();
  const [error, setError] = useState<ApiError>();
  const list = useApi((signal) => unwrap(api.GET('/api/credit/inspectors', { headers, signal })), [JSON.stringify(headers), round]);

  const save = async (v: { id: string; name: string; department: string; sectors?: string[]; conflicts?: string }) => {
    setError(undefined);
    try {
      const conflicts = (v.conflicts ?? '').split(/[\s,，、；;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
      await unwrap(api.POST('/api/credit/inspectors', { body: { id: v.id.trim(), name: v.name.trim(), department: v.department.trim(), sectors: v.sectors ?? [], conflicts }, headers }));
      form.resetFields();
      setRound((r) => r + 1);
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['id', 'name', 'department', 'conflicts']);
      setError(failure);
    }
  };

  return (
    <section className="panel" aria-labelledby="inspectors-title">
      <Typography.Title level={2} id="inspectors-title">
        检查人员名录
      </Typography.Title>
      {list.error ? <ErrorNotice error={list.error} /> : null}
      <Table
        size="small"
        rowKey={(i) => i.id ?? ''}
        dataSource={list.data ?? []}
        pagination={(list.data ?? []).length > 10 ? { pageSize: 10 } : false}
        caption={<span className="sr-only">检查人员及需回避的主体</span>}
        locale={{ emptyText: <Nothing text="尚无检查人员" /> }}
        columns={[
          { title: '编号', dataIndex: 'id' },
          { title: '姓名', dataIndex: 'name' },
          { title: '部门', dataIndex: 'department' },
          { title: '行业领域', dataIndex: 'sectors', render: (v: string[]) => (v?.length ? v.map((c) => sectorOptions.find((s) => s.value === c)?.label ?? c).join('、') : '不限') },
          { title: '需回避的主体（利害关系）', dataIndex: 'conflicts', render: (v: string[]) => (v?.length ? v.join('、') : '无') },
          { title: '在岗', dataIndex: 'active', render: (v: boolean) => (v ? '是' : '否') },
        ]}
      />
      {may('plan.write') ? (
        <Form form={form} name="inspector" layout="inline" className="page-toolbar" onFinish={save}>
          <Form.Item name="id" label="编号" rules={[{ required: true, message: '请输入编号' }]}>
            <Input style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请输入姓名' }]}>
            <Input style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="department" label="部门" rules={[{ required: true, message: '请输入部门' }]}>
            <Input style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="sectors" label="行业领域">
            <Select mode="multiple" allowClear style={{ width: 220 }} placeholder="不限" options={sectorOptions} />
          </Form.Item>
          <Form.Item name="conflicts" label="需回避的主体代码">
            <Input style={{ width: 220 }} placeholder="多个用逗号分隔" />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit">登记检查人员</Button>
          </Form.Item>
        </Form>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

function PlanForm({ sectorOptions, onDrawn }: { sectorOptions: { value: string; label: string }[]; onDrawn: (id: string) => void }) {
  const { headers } = useCaller();
  const [form] = Form.useForm<{ sector: string; period_from: string; period_to: string; base_ratio_percent: number; seed?: string }>();
  const [error, setError] = useState<ApiError>();

  const draw = async (v: { sector: string; period_from: string; period_to: string; base_ratio_percent: number; seed?: string }) => {
    setError(undefined);
    try {
      const plan = await unwrap(
        api.POST('/api/credit/plans', {
          body: { sector: v.sector, period_from: v.period_from, period_to: v.period_to, base_ratio_percent: v.base_ratio_percent, ...(v.seed?.trim() ? { seed: v.seed.trim() } : {}) },
          headers,
        }),
      );
      onDrawn(plan.id ?? '');
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['sector', 'period_from', 'period_to', 'base_ratio_percent', 'seed']);
      setError(failure);
    }
  };

  return (
    <section className="panel" aria-labelledby="plan-form-title">
      <Typography.Title level={2} id="plan-form-title">
        生成抽查计划
      </Typography.Title>
      <Form form={form} name="plan" layout="inline" className="page-toolbar" onFinish={draw} initialValues={{ period_from: todayInBeijing(), base_ratio_percent: 10 }}>
        <Form.Item name="sector" label="行业领域" rules={[{ required: true, message: '请选择行业领域' }]}>
          <Select style={{ width: 200 }} options={sectorOptions} />
        </Form.Item>
        <Form.Item name="period_from" label="开始" rules={[{ required: true, message: '请输入开始日期' }]}>
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="period_to" label="结束" rules={[{ required: true, message: '请输入结束日期' }]}>
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="base_ratio_percent" label="基准比例（%）" rules={[{ required: true, message: '请输入基准比例' }]}>
          <InputNumber min={0.01} max={100} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="seed" label="随机种子（可空，重抽时填原种子）">
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            抽取
          </Button>
        </Form.Item>
      </Form>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

function PlanDetail({ id, sectorLabel }: { id: string; sectorLabel: (c: string) => string }) {
  const { headers } = useCaller();
  const plan = useApi((signal) => unwrap(api.GET('/api/credit/plans/{id}', { params: { path: { id } }, headers, signal })), [id, JSON.stringify(headers)]);
  const [error, setError] = useState<ApiError>();
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setError(undefined);
    try {
      await download(`/api/credit/plans/${encodeURIComponent(id)}/export?format=${format}`, `${id}.${format}`, { headers });
    } catch (cause) {
      setError(toApiError(cause));
    }
  };
  const p: Plan | undefined = plan.data;

  return (
    <section className="panel" aria-labelledby="plan-detail-title">
      <Typography.Title level={2} id="plan-detail-title">
        抽查名单 {id}
      </Typography.Title>
      {plan.error ? <ErrorNotice error={plan.error} /> : null}
      {p ? (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="行业领域">{sectorLabel(p.sector ?? '')}</Descriptions.Item>
            <Descriptions.Item label="抽查期间">{p.periodFrom} 至 {p.periodTo}</Descriptions.Item>
            <Descriptions.Item label="基准比例">{p.baseRatioPercent}%</Descriptions.Item>
            <Descriptions.Item label="随机种子">
              <span className="value-cell plan-seed">{p.seed}</span>
            </Descriptions.Item>
            <Descriptions.Item label="每户检查人员">{p.inspectorsPerEntity} 名</Descriptions.Item>
            <Descriptions.Item label="依据">{(p.articles ?? []).join('、')}</Descriptions.Item>
          </Descriptions>
          <Space className="page-toolbar">
            <Button onClick={() => exportAs('xlsx')}>导出 XLSX</Button>
            <Button onClick={() => exportAs('csv')}>导出 CSV</Button>
          </Space>
          {error ? <ErrorNotice error={error} /> : null}
          <Typography.Title level={3}>按信用等级抽取</Typography.Title>
          <Table
            size="small"
            rowKey={(g) => g.grade ?? ''}
            pagination={false}
            dataSource={p.grades ?? []}
            caption={<span className="sr-only">各等级的主体数、抽查比例与抽中数</span>}
            columns={[
              { title: '等级', dataIndex: 'grade', render: (g: string) => <GradeFlag grade={g} /> },
              { title: '主体数', dataIndex: 'population', align: 'right' },
              { title: '抽查比例', dataIndex: 'ratioPercent', align: 'right', render: (v: number) => `${v}%` },
              { title: '抽中', dataIndex: 'drawn', align: 'right' },
            ]}
          />
          <Typography.Title level={3}>抽中主体与检查人员</Typography.Title>
          <Table
            size="small"
            rowKey={(t) => String(t.order)}
            pagination={(p.targets ?? []).length > 20 ? { pageSize: 20 } : false}
            dataSource={p.targets ?? []}
            caption={<span className="sr-only">抽中主体及匹配的检查人员</span>}
            locale={{ emptyText: <Nothing text="没有抽中的主体" /> }}
            columns={[
              { title: '序号', dataIndex: 'order', align: 'right' },
              { title: '统一社会信用代码', dataIndex: 'uscc', render: (v: string) => <span className="value-cell">{v}</span> },
              { title: '等级', dataIndex: 'grade', render: (g: string) => <GradeFlag grade={g} /> },
              { title: '检查人员', dataIndex: 'inspectors', render: (v: string[]) => v?.join('、') || '—' },
              { title: '不足说明', dataIndex: 'shortfall', render: (v?: string | null) => v ?? '—' },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
