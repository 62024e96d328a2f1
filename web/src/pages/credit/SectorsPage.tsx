/**
 * 行业领域与评价模型 (D2 二(二)2, 二(三)): the eighteen sectors, how each
 * evaluates (public score until a department defines a model) and the
 * target of 16; for a chosen sector, the grade distribution as a chart and
 * a table, the model's versions, and a model editor whose refusals (the
 * public score's weight below the average) show next to the fields.
 */
import { Alert, Button, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';

import { api, unwrap, type RequestOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { Chart } from '../../components/Chart.tsx';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Loading } from '../../components/States.tsx';
import { todayInBeijing } from '../../dates.ts';
import { useQuery } from '../../router.tsx';
import { CreditFrame, useCaller } from './caller.tsx';
import { distributionChartOptions, distributionRows } from './charts.ts';
import { SECTOR_EVALUATION, USCC_PATTERN } from './labels.ts';
import { modelProblemFields } from './modelForm.ts';

export default function SectorsPage() {
  return (
    <CreditFrame>
      <Sectors />
    </CreditFrame>
  );
}

function Sectors() {
  const { headers, may } = useCaller();
  const [query, setQuery] = useQuery();
  const chosen = query.get('sector') ?? '';
  const [round, setRound] = useState(0);
  const key = JSON.stringify(headers);
  const sectors = useApi((signal) => unwrap(api.GET('/api/credit/sectors', { headers, signal })), [key, round]);

  return (
    <>
      {sectors.error ? <ErrorNotice error={sectors.error} onRetry={sectors.reload} /> : null}
      {sectors.data ? (
        <section className="panel" aria-labelledby="sectors-title">
          <Typography.Title level={2} id="sectors-title">
            行业领域
          </Typography.Title>
          <Typography.Paragraph>
            目标：{sectors.data.target?.by} 前不少于 {sectors.data.target?.minSectors} 个行业开展信用分级分类监管；目前 {sectors.data.target?.running} 个，
            {sectors.data.target?.met ? <Flag tone="good">已达到</Flag> : <Flag tone="warn">未达到</Flag>}（{sectors.data.target?.reason}）
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey={(s) => s.code ?? ''}
            pagination={false}
            dataSource={sectors.data.sectors ?? []}
            caption={<span className="sr-only">十八个行业领域</span>}
            columns={[
              { title: '行业领域', dataIndex: 'label' },
              { title: '主管部门', dataIndex: 'department' },
              { title: '评价方式', dataIndex: 'evaluation', render: (v: string, s) => `${SECTOR_EVALUATION[v] ?? v}${s.modelId ? `（${s.modelId}）` : ''}` },
              { title: '分级分类监管', dataIndex: 'running', render: (v: boolean) => (v ? <Flag tone="good">已开展</Flag> : <Flag>未开展</Flag>) },
              {
                title: '操作',
                key: 'open',
                render: (_: unknown, s) => (
                  <Button size="small" onClick={() => setQuery({ sector: s.code ?? '' })} aria-label={`查看${s.label}等级分布与模型`}>
                    等级分布与模型
                  </Button>
                ),
              },
            ]}
          />
        </section>
      ) : sectors.loading ? (
        <Loading />
      ) : null}
      {chosen ? <Distribution sector={chosen} round={round} /> : null}
      {chosen ? <Models sector={chosen} round={round} /> : null}
      {chosen && may('record.write') ? <AssessmentForm sector={chosen} round={round} onSaved={() => setRound((r) => r + 1)} /> : null}
      {chosen && may('model.write') ? <ModelEditor sector={chosen} onSaved={() => setRound((r) => r + 1)} /> : null}
    </>
  );
}

function Distribution({ sector, round }: { sector: string; round: number }) {
  const { headers, may } = useCaller();
  const view = useApi(
    async (signal) => (may('result.read') ? unwrap(api.GET('/api/credit/sectors/{code}/distribution', { params: { path: { code: sector } }, headers, signal })) : undefined),
    [sector, JSON.stringify(headers), round, may('result.read')],
  );
  const options = useMemo(() => (view.data ? distributionChartOptions(view.data) : undefined), [view.data]);
  if (!may('result.read')) return null;

  return (
    <section className="panel" aria-labelledby="distribution-title">
      <Typography.Title level={2} id="distribution-title">
        信用等级分布{view.data ? `：${view.data.label}` : ''}
      </Typography.Title>
      {view.error ? <ErrorNotice error={view.error} onRetry={view.reload} /> : null}
      {view.loading && !view.data ? <Loading /> : null}
      {view.data && options ? (
        <>
          <Typography.Paragraph>
            {view.data.reason}（共 {view.data.total} 户；依据 {(view.data.articles ?? []).join('、')}）
          </Typography.Paragraph>
          <div className="chart-with-table">
            <Chart options={options} label={`${view.data.label}信用等级分布柱状图，数据见右表`} />
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={distributionRows(view.data)}
              caption={<span className="sr-only">各信用等级主体数</span>}
              columns={[
                { title: '等级与类别', dataIndex: 'label' },
                { title: '主体数', dataIndex: 'count', align: 'right' },
                { title: '占比', dataIndex: 'share', align: 'right' },
              ]}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}

function Models({ sector, round }: { sector: string; round: number }) {
  const { headers } = useCaller();
  const models = useApi((signal) => unwrap(api.GET('/api/credit/sectors/{code}/models', { params: { path: { code: sector } }, headers, signal })), [sector, JSON.stringify(headers), round]);
  return (
    <section className="panel" aria-labelledby="models-title">
      <Typography.Title level={2} id="models-title">
        行业评价模型版本
      </Typography.Title>
      {models.error ? <ErrorNotice error={models.error} /> : null}
      {(models.data ?? []).length === 0 ? <Typography.Paragraph>尚未建立行业评价模型，按公共信用综合评价结果分级。</Typography.Paragraph> : null}
      {(models.data ?? []).map((m) => (
        <div key={m.id}>
          <Typography.Title level={3}>
            {m.id}（{m.validFrom} 起，{m.department}{m.documentNumber ? ` ${m.documentNumber}` : ''}）
          </Typography.Title>
          <Table
            size="small"
            rowKey={(x) => x.code ?? ''}
            pagination={false}
            dataSource={m.indicators ?? []}
            caption={<span className="sr-only">{m.id} 的指标与权重</span>}
            columns={[
              { title: '指标', dataIndex: 'label' },
              { title: '来源', dataIndex: 'source', render: (v: string) => (v === 'public_score' ? '公共信用综合评价' : '行业监管类') },
              { title: '权重', dataIndex: 'weightBp', align: 'right', render: (v: number) => `${(v / 100).toFixed(2)}%` },
              { title: '分值', dataIndex: 'points', align: 'right' },
            ]}
          />
          <Typography.Paragraph>等级分数线：{(m.cutoffs ?? []).map((c) => `${c.grade}级 ≥ ${c.min}`).join('；')}</Typography.Paragraph>
        </div>
      ))}
    </section>
  );
}

interface AssessmentValues {
  uscc: string;
  indicator: string;
  points: number;
  assessed_on: string;
  department: string;
  document_number?: string;
}

/** 行业监管类指标得分 (inspections, enforcement, complaints, contracts) for the sector's model. */
function AssessmentForm({ sector, round, onSaved }: { sector: string; round: number; onSaved: () => void }) {
  const { headers } = useCaller();
  const [form] = Form.useForm<AssessmentValues>();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();
  const models = useApi((signal) => unwrap(api.GET('/api/credit/sectors/{code}/models', { params: { path: { code: sector } }, headers, signal })), [sector, JSON.stringify(headers), round]);
  const latest = (models.data ?? []).at(-1);
  if (!latest) return null;
  const supervisory = (latest.indicators ?? []).filter((x) => x.source === 'supervisory');

  const save = async (v: AssessmentValues) => {
    setError(undefined);
    setSaved(undefined);
    try {
      await unwrap(
        api.POST('/api/credit/assessments', {
          body: { uscc: v.uscc.trim().toUpperCase(), sector, indicator: v.indicator, points: v.points, assessed_on: v.assessed_on, department: v.department.trim(), ...(v.document_number?.trim() ? { document_number: v.document_number.trim() } : {}) },
          headers,
        }),
      );
      setSaved(`已报送 ${v.uscc.trim().toUpperCase()} 的“${supervisory.find((x) => x.code === v.indicator)?.label ?? v.indicator}”得分 ${v.points} 分。`);
      form.resetFields(['uscc', 'points']);
      onSaved();
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['uscc', 'indicator', 'points', 'assessed_on', 'department', 'document_number']);
      setError(failure);
    }
  };

  return (
    <section className="panel" aria-labelledby="assessment-title">
      <Typography.Title level={2} id="assessment-title">
        报送行业监管类指标得分（{latest.id}）
      </Typography.Title>
      <Form form={form} name="assessment" layout="inline" className="page-toolbar" onFinish={save} initialValues={{ assessed_on: todayInBeijing(), indicator: supervisory[0]?.code }}>
        <Form.Item name="uscc" label="统一社会信用代码" rules={[{ required: true, message: '请输入代码' }, { pattern: USCC_PATTERN, message: '应为18位代码' }]} normalize={(v: string) => v?.toUpperCase()}>
          <Input style={{ width: 210 }} maxLength={18} />
        </Form.Item>
        <Form.Item name="indicator" label="指标" rules={[{ required: true, message: '请选择指标' }]}>
          <Select style={{ width: 180 }} options={supervisory.map((x) => ({ value: x.code ?? '', label: `${x.label}（满分 ${x.points}）` }))} />
        </Form.Item>
        <Form.Item name="points" label="得分" rules={[{ required: true, message: '请输入得分' }]}>
          <InputNumber min={0} precision={0} style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="assessed_on" label="评定日期" rules={[{ required: true, message: '请输入评定日期' }]}>
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="department" label="部门" rules={[{ required: true, message: '请输入部门' }]}>
          <Input style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="document_number" label="文号">
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">报送得分</Button>
        </Form.Item>
      </Form>
      <div aria-live="polite">
        {saved ? <Typography.Paragraph>{saved}</Typography.Paragraph> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    </section>
  );
}

type ModelBody = RequestOf<'/api/credit/sectors/{code}/models'>;

function ModelEditor({ sector, onSaved }: { sector: string; onSaved: () => void }) {
  const { headers } = useCaller();
  const [form] = Form.useForm<{ department: string; document_number?: string; valid_from: string; indicators: { code: string; label: string; source: 'public_score' | 'supervisory'; weight: string }[] }>();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();

  const save = async (values: { department: string; document_number?: string; valid_from: string; indicators: { code: string; label: string; source: 'public_score' | 'supervisory'; weight: string }[] }) => {
    setError(undefined);
    setSaved(undefined);
    try {
      const body: ModelBody = {
        department: values.department.trim(),
        ...(values.document_number?.trim() ? { document_number: values.document_number.trim() } : {}),
        valid_from: values.valid_from,
        indicators: values.indicators.map((x) => ({ code: x.code.trim(), label: x.label.trim(), source: x.source, weight: Number(x.weight) })),
      };
      const answer = await unwrap(api.POST('/api/credit/sectors/{code}/models', { params: { path: { code: sector } }, body, headers }));
      setSaved(`模型 ${answer.model?.id} 已建立。${(answer.notes ?? []).join('；')}`);
      onSaved();
    } catch (cause) {
      const failure = toApiError(cause);
      form.setFields(modelProblemFields(failure.problems, values.indicators.map((x) => x.code.trim())) as never);
      setError(failure);
    }
  };

  return (
    <section className="panel" aria-labelledby="model-editor-title">
      <Typography.Title level={2} id="model-editor-title">
        定义行业评价模型
      </Typography.Title>
      <Typography.Paragraph>公共信用综合评价作为一项指标，其权重和分值不得低于全部指标的平均值（D2 二(二)2），否则模型被拒绝并说明理由。</Typography.Paragraph>
      <Form
        form={form}
        name="model"
        layout="vertical"
        onFinish={save}
        initialValues={{
          valid_from: todayInBeijing(),
          indicators: [
            { code: 'public_score', label: '公共信用综合评价', source: 'public_score', weight: '0.5' },
            { code: 'sector_inspections', label: '行业检查', source: 'supervisory', weight: '0.5' },
          ],
        }}
      >
        <Space wrap>
          <Form.Item name="department" label="制定部门" rules={[{ required: true, message: '请输入制定部门' }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="document_number" label="文号">
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="valid_from" label="施行日期" rules={[{ required: true, message: '请输入施行日期' }]}>
            <Input type="date" style={{ width: 170 }} />
          </Form.Item>
        </Space>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Space key={field.key} wrap align="end">
                  <Form.Item name={[field.name, 'code']} label={`第 ${i + 1} 项指标代码`} rules={[{ required: true, message: '请输入代码' }]}>
                    <Input style={{ width: 170 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label']} label={`第 ${i + 1} 项名称`} rules={[{ required: true, message: '请输入名称' }]}>
                    <Input style={{ width: 170 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'source']} label={`第 ${i + 1} 项来源`}>
                    <Select style={{ width: 170 }} options={[{ value: 'public_score', label: '公共信用综合评价' }, { value: 'supervisory', label: '行业监管类' }]} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'weight']}
                    label={`第 ${i + 1} 项权重（0–1）`}
                    rules={[{ required: true, message: '请输入权重' }, { pattern: /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, message: '权重为0到1的小数，最多4位' }]}
                  >
                    <Input style={{ width: 120 }} inputMode="decimal" />
                  </Form.Item>
                  <Form.Item>
                    <Button onClick={() => remove(field.name)} aria-label={`删除第 ${i + 1} 项指标`}>
                      删除
                    </Button>
                  </Form.Item>
                </Space>
              ))}
              <Form.Item>
                <Button onClick={() => add({ code: '', label: '', source: 'supervisory', weight: '' })}>增加指标</Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            提交模型
          </Button>
        </Form.Item>
      </Form>
      <div aria-live="polite">
        {saved ? <Alert type="success" showIcon title={saved} /> : null}
        {error ? <ErrorNotice error={error} fieldLabels={{ indicators: '指标', weight: '权重', public_score: '公共信用综合评价' }} /> : null}
      </div>
    </section>
  );
}
