/**
 * 测算方案: the scenarios officers have written, and a form for a new one:
 * a name, the purpose, the author, and parameter changes (any parameter of
 * an area the simulation runs, over any dates) on top of the rules in
 * force. Saving checks the whole scenario and names every problem.
 */
import { Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading, Nothing } from '../../components/States.tsx';
import { todayInBeijing, withinInterval } from '../../dates.ts';
import { Link, navigate } from '../../router.tsx';
import { formatParamValue, unitLabel } from '../../units.ts';
import { scenarioBody, type ScenarioFormValues } from './scenarioForm.ts';
import { AREA_TITLES } from './types.ts';

type Param = ResponseOf<'/api/params'>[number];

const FIELD_LABELS: Record<string, string> = { name: '方案名称', purpose: '测算目的', author: '编制人', changes: '参数调整', id: '参数', value: '取值', from: '起始日期', to: '截止日期' };

export default function SimulationPage() {
  const scenarios = useApi((signal) => unwrap(api.GET('/api/simulation/scenarios', { signal })), []);

  return (
    <>
      <Typography.Paragraph>
        政策测算在现行规则之上调整任意参数（任意时段），用平台中一个年度的真实数据在内存中重新计算，显示成本变化、分县区和分类别汇总、受益与受损的分布以及跨越门槛的对象；已结算、已发放的数据一律不改动。
        依据：鸡政办规〔2022〕22号 第十六条（门诊待遇随基金运行调整）、21号 第十条（起付标准逐年调整）、鸡政规〔2022〕8号 三(一)5（补贴标准动态调整）等。
      </Typography.Paragraph>

      <section className="panel" aria-labelledby="scenario-list-title">
        <Typography.Title level={2} id="scenario-list-title">
          已有方案
        </Typography.Title>
        {scenarios.loading ? <Loading /> : null}
        {scenarios.error ? <ErrorNotice error={scenarios.error} onRetry={scenarios.reload} /> : null}
        {scenarios.data && scenarios.data.length === 0 ? <Nothing text="尚无测算方案，请在下方新建" /> : null}
        {scenarios.data && scenarios.data.length > 0 ? (
          <Table
            size="small"
            rowKey="id"
            dataSource={scenarios.data}
            pagination={scenarios.data.length > 20 ? { pageSize: 20 } : false}
            caption={<span className="sr-only">测算方案</span>}
            columns={[
              { title: '方案名称', dataIndex: 'name', render: (name: string, s) => <Link to={`/simulation/scenarios/${s.id}`}>{name}</Link> },
              { title: '测算目的', dataIndex: 'purpose' },
              { title: '编制人', dataIndex: 'author' },
              { title: '调整参数', key: 'changes', render: (_: unknown, s) => (s.changes ?? []).map((c) => c.id).join('、') },
              { title: '更新时间', dataIndex: 'updatedAt', render: (v: string) => v?.slice(0, 16).replace('T', ' ') },
            ]}
          />
        ) : null}
      </section>

      <NewScenario />
    </>
  );
}

function NewScenario() {
  const [form] = Form.useForm<ScenarioFormValues>();
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const params = useApi((signal) => unwrap(api.GET('/api/params', { signal })), []);
  const areas = useApi((signal) => unwrap(api.GET('/api/simulation/areas', { signal })), []);
  const today = todayInBeijing();

  const runnable = useMemo(() => new Set((areas.data ?? []).filter((a) => a.runnable).map((a) => a.area)), [areas.data]);
  const byId = useMemo(() => new Map((params.data ?? []).map((p) => [p.id ?? '', p])), [params.data]);
  const options = useMemo(
    () =>
      (params.data ?? [])
        .filter((p) => runnable.has((p.id ?? '').split('.')[0] ?? ''))
        .map((p) => ({ value: p.id ?? '', label: `${AREA_TITLES[(p.id ?? '').split('.')[0] ?? ''] ?? ''}·${p.label}（${p.citation?.article ?? ''}）` })),
    [params.data, runnable],
  );

  const save = async (values: ScenarioFormValues) => {
    setError(undefined);
    setSaving(true);
    try {
      const body = scenarioBody(values, (id) => byId.get(id)?.unit);
      const created = await unwrap(api.POST('/api/simulation/scenarios', { body: body as never }));
      navigate(`/simulation/scenarios/${created.id}`);
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['name', 'purpose', 'author']);
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="new-scenario-title">
      <Typography.Title level={2} id="new-scenario-title">
        新建方案
      </Typography.Title>
      <Form form={form} layout="vertical" name="scenario" onFinish={save} initialValues={{ changes: [{}] }}>
        <Space wrap align="start">
          <Form.Item name="name" label="方案名称" rules={[{ required: true, message: '请填写方案名称' }]}>
            <Input style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="author" label="编制人" rules={[{ required: true, message: '请填写编制人' }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Form.Item name="purpose" label="测算目的" rules={[{ required: true, message: '请填写测算目的' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>

        <Typography.Title level={3}>参数调整</Typography.Title>
        <Form.List name="changes">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <fieldset key={field.key} className="scenario-change">
                  <legend>第 {index + 1} 项</legend>
                  <Space wrap align="start">
                    <Form.Item name={[field.name, 'id']} label="参数" rules={[{ required: true, message: '请选择参数' }]}>
                      <Select
                        showSearch
                        optionFilterProp="label"
                        style={{ width: 460 }}
                        options={options}
                        loading={params.loading || areas.loading}
                        aria-label={`第 ${index + 1} 项参数`}
                        // Start from the value in force, as the file writes it (JSON for a table), to edit rather than retype.
                        onChange={(id: string) => {
                          const param = byId.get(id);
                          if (param) form.setFieldValue(['changes', field.name, 'value'], currentRaw(param, today));
                        }}
                      />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const id = form.getFieldValue(['changes', field.name, 'id']) as string | undefined;
                        const param = id ? byId.get(id) : undefined;
                        return (
                          <Form.Item
                            name={[field.name, 'value']}
                            label={param ? `取值（${unitLabel(param.unit ?? '')}）` : '取值'}
                            rules={[{ required: true, message: '请填写调整后的取值' }]}
                            extra={param ? `现行：${currentValue(param, today)}` : undefined}
                          >
                            <Input style={{ width: 200 }} aria-label={`第 ${index + 1} 项取值`} />
                          </Form.Item>
                        );
                      }}
                    </Form.Item>
                    <Form.Item name={[field.name, 'from']} label="起始日期" extra="YYYY-MM-DD，可空">
                      <Input style={{ width: 140 }} placeholder="2023-01-01" aria-label={`第 ${index + 1} 项起始日期`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'to']} label="截止日期" extra="可空">
                      <Input style={{ width: 140 }} aria-label={`第 ${index + 1} 项截止日期`} />
                    </Form.Item>
                    {fields.length > 1 ? (
                      <Button onClick={() => remove(field.name)} aria-label={`删除第 ${index + 1} 项`}>
                        删除
                      </Button>
                    ) : null}
                  </Space>
                </fieldset>
              ))}
              <Button onClick={() => add({})}>增加一项调整</Button>
            </>
          )}
        </Form.List>

        <div className="page-toolbar" style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存方案
          </Button>
        </div>
      </Form>
      <div aria-live="polite">{error ? <ErrorNotice error={error} fieldLabels={FIELD_LABELS} /> : null}</div>
    </section>
  );
}

function currentRaw(param: Param, date: string): string {
  const version = (param.versions ?? []).find((v) => withinInterval(date, v.from, v.to)) ?? (param.versions ?? []).at(-1);
  const raw = version?.raw;
  if (raw === undefined || raw === null) return '';
  return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
}

function currentValue(param: Param, date: string): string {
  const version = (param.versions ?? []).find((v) => withinInterval(date, v.from, v.to)) ?? (param.versions ?? []).at(-1);
  return version ? formatParamValue(version.raw, param.unit ?? '', true) : '—';
}
