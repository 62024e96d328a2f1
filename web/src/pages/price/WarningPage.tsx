/**
 * 预警详情: one warning through its steps (D3 3.4–3.6) — approve or reject
 * (the leader its level names), publish (市应急管理局, with a CAP Alert),
 * change level (CAP Update), terminate (CAP Cancel; levels 2 and 1 with the
 * province's document) — its record of steps, the tasks the plan requires
 * with owners and due times (late ones flagged), and the CAP 1.2 messages.
 */
import { Alert, Button, Descriptions, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';

import { useCapabilities } from '../../api/capabilities.tsx';
import { api, download, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag, type Tone } from '../../components/Flag.tsx';
import { Loading } from '../../components/States.tsx';
import type { PageProps } from '../../routes.tsx';
import { COUNTIES, label, LEVELS, ROLES, TASK_KINDS, TASK_STATUS, WARNING_ACTIONS, WARNING_STATES } from './labels.ts';
import { callerHeaders, PriceFrame, useOperator } from './operator.tsx';
import { beijingTime, stateTone } from './WarningsPage.tsx';

type Warning = ResponseOf<'/api/price/warnings/{id}'>;
type Event = NonNullable<Warning['events']>[number];
type Task = NonNullable<ResponseOf<'/api/price/warnings/{id}/tasks'>['tasks']>[number];
type Cap = ResponseOf<'/api/price/warnings/{id}/cap'>[number];
type TerminationCheck = ResponseOf<'/api/price/warnings/{id}/termination-check'>;
type Period = NonNullable<TerminationCheck['periods']>[number];
type Step = 'approve' | 'reject' | 'publish' | 'change_level' | 'terminate';

const CAP_TYPES: Record<string, string> = { Alert: '发布（Alert）', Update: '更新（Update）', Cancel: '解除（Cancel）' };

const TASK_TONE: Record<string, Tone> = { met: 'good', late: 'warn', overdue: 'bad', open: 'info' };

/** Which steps a state allows (FROM in src/price/rules/warningStates.ts; the server decides). */
function stepsFor(state: string | undefined): Step[] {
  switch (state) {
    case 'proposed':
      return ['approve', 'reject'];
    case 'approved':
      return ['publish'];
    case 'published':
      return ['change_level', 'terminate'];
    default:
      return [];
  }
}

function useDirectoryNames() {
  const directory = useApi(async (signal) => {
    try {
      return await unwrap(api.GET('/api/price/directory', { signal }));
    } catch {
      return [];
    }
  }, []);
  return useMemo(() => new Map((directory.data ?? []).map((e) => [e.id ?? '', e.name ?? ''])), [directory.data]);
}

export default function WarningPage({ params }: PageProps) {
  return (
    <PriceFrame>
      <WarningDetail id={params.id ?? ''} />
    </PriceFrame>
  );
}

function WarningDetail({ id }: { id: string }) {
  const warning = useApi((signal) => unwrap(api.GET('/api/price/warnings/{id}', { params: { path: { id } }, signal })), [id]);
  const names = useDirectoryNames();
  // A duty entered below completes that day's roster task: the tasks load again.
  const [dutyRound, setDutyRound] = useState(0);
  const w = warning.data;

  return (
    <>
      {warning.loading && !w ? <Loading /> : null}
      {warning.error ? <ErrorNotice error={warning.error} onRetry={warning.reload} /> : null}
      {w ? (
        <>
          <section className="panel" aria-labelledby="warning-title">
            <Typography.Title level={2} id="warning-title">
              {w.title}
            </Typography.Title>
            <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} className="warning-summary">
              <Descriptions.Item label="级别">{label(LEVELS, String(w.level))}</Descriptions.Item>
              <Descriptions.Item label="状态">
                <Flag tone={stateTone(w.state)}>{label(WARNING_STATES, w.state)}</Flag>
              </Descriptions.Item>
              <Descriptions.Item label="下一步">
                {w.next ? `${label(WARNING_ACTIONS, w.next.action)}（须由${label(ROLES, w.next.role)}办理）` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="涉及品种">{(w.items ?? []).map((i) => i.name).join('、')}</Descriptions.Item>
              <Descriptions.Item label="区域">{(w.areaNames ?? []).join('、')}</Descriptions.Item>
              <Descriptions.Item label="参与处置单位">{(w.units ?? []).map((u) => names.get(u) ?? u).join('、')}</Descriptions.Item>
              <Descriptions.Item label="临时监测点（3.2.1）" span={3}>
                {(w.temporaryPoints ?? []).map((p) => `${p.name ?? p.id}（${label(COUNTIES, p.county)}）`).join('、') || '未指定'}
              </Descriptions.Item>
              <Descriptions.Item label="提出">{`${beijingTime(w.createdAt)} ${w.createdBy ?? ''}`}</Descriptions.Item>
              <Descriptions.Item label="发布">{beijingTime(w.publishedAt)}</Descriptions.Item>
              <Descriptions.Item label="终止">{beijingTime(w.terminatedAt)}</Descriptions.Item>
              {w.document ? (
                <Descriptions.Item label="依据文件" span={3}>
                  {[w.document.issuer, w.document.number, w.document.title, w.document.date].filter(Boolean).join(' ')}
                </Descriptions.Item>
              ) : null}
              {w.detectionId ? (
                <Descriptions.Item label="检测结果" span={3}>
                  <a href={`/price/proposals?id=${w.detectionId}`}>查看提出建议的检测结果</a>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            <StepActions warning={w} onDone={warning.reload} />
          </section>
          {w.state === 'published' ? <TerminationPanel id={id} version={w.version ?? 0} /> : null}
          <EventsPanel events={w.events ?? []} />
          {w.state === 'published' || w.state === 'terminated' ? <TasksPanel id={id} version={w.version ?? 0} refresh={dutyRound} names={names} /> : null}
          {w.state === 'published' ? <DutyPanel onSaved={() => setDutyRound((r) => r + 1)} /> : null}
          <CapPanel id={id} version={w.version ?? 0} />
        </>
      ) : null}
    </>
  );
}

interface StepValues {
  note?: string;
  level?: number;
  number?: string;
  issuer?: string;
  date?: string;
}

function StepActions({ warning, onDone }: { warning: Warning; onDone: () => void }) {
  const [step, setStep] = useState<Step>();
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const [form] = Form.useForm<StepValues>();
  const { operator } = useOperator();
  const steps = stepsFor(warning.state);
  const id = warning.id ?? '';
  const level = Form.useWatch('level', form);
  // Levels 2 and 1 follow the province: their changes and their end carry its document.
  const needsDocument = step === 'change_level' ? (level ?? 3) < 3 : step === 'terminate' && (warning.level ?? 3) < 3;

  const submit = async (v: StepValues) => {
    if (!step) return;
    setError(undefined);
    const document = needsDocument && v.number ? { number: v.number.trim(), issuer: (v.issuer ?? '').trim(), date: v.date ?? '' } : undefined;
    const body = { version: warning.version, ...(v.note?.trim() ? { note: v.note.trim() } : {}), ...(document ? { document } : {}) };
    const init = { headers: callerHeaders(operator), params: { path: { id } } };
    try {
      switch (step) {
        case 'approve':
          await unwrap(api.POST('/api/price/warnings/{id}/approve', { ...init, body }));
          break;
        case 'reject':
          await unwrap(api.POST('/api/price/warnings/{id}/reject', { ...init, body }));
          break;
        case 'publish':
          await unwrap(api.POST('/api/price/warnings/{id}/publish', { ...init, body }));
          break;
        case 'change_level':
          await unwrap(api.POST('/api/price/warnings/{id}/change-level', { ...init, body: { ...body, level: (v.level ?? 3) as 1 | 2 | 3 } }));
          break;
        case 'terminate':
          await unwrap(api.POST('/api/price/warnings/{id}/terminate', { ...init, body }));
          break;
      }
      setDone(`已${label(WARNING_ACTIONS, step)}`);
      setStep(undefined);
      form.resetFields();
      onDone();
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  if (steps.length === 0) return done ? <Typography.Paragraph className="step-done">{done}</Typography.Paragraph> : null;
  const wrongRole = warning.next && warning.next.role !== operator.role;

  return (
    <div className="warning-steps">
      {wrongRole ? (
        <Alert
          type="info"
          showIcon
          className="role-hint"
          title={`下一步“${label(WARNING_ACTIONS, warning.next!.action)}”须由${label(ROLES, warning.next!.role)}办理；当前角色为${label(ROLES, operator.role)}，可在页面上方切换。`}
        />
      ) : null}
      <Space wrap className="page-toolbar">
        {steps.map((s) => (
          <Button key={s} type={s === 'reject' || s === 'terminate' ? 'default' : 'primary'} danger={s === 'terminate'} onClick={() => setStep(s)}>
            {label(WARNING_ACTIONS, s)}
          </Button>
        ))}
      </Space>
      <div aria-live="polite">
        {done ? <Typography.Paragraph className="step-done">{done}</Typography.Paragraph> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
      <Modal
        open={!!step}
        title={step ? `${label(WARNING_ACTIONS, step)}：${warning.title}` : ''}
        okText={step ? `确认${label(WARNING_ACTIONS, step)}` : '确认'}
        cancelText="取消"
        onCancel={() => setStep(undefined)}
        onOk={() => form.submit()}
      >
        <Form form={form} layout="vertical" name="warning-step" onFinish={submit}>
          {step === 'change_level' ? (
            <Form.Item name="level" label="调整为" rules={[{ required: true, message: '请选择级别' }]}>
              <Select options={[3, 2, 1].filter((l) => l !== warning.level).map((l) => ({ value: l, label: label(LEVELS, String(l)) }))} />
            </Form.Item>
          ) : null}
          {needsDocument ? (
            <>
              <Form.Item name="number" label="省政府文件文号" rules={[{ required: true, message: '请填写文号' }]}>
                <Input />
              </Form.Item>
              <Form.Item name="issuer" label="发布机关" initialValue="黑龙江省人民政府" rules={[{ required: true, message: '请填写发布机关' }]}>
                <Input />
              </Form.Item>
              <Form.Item name="date" label="文件日期" rules={[{ required: true, message: '请填写文件日期' }]}>
                <Input type="date" />
              </Form.Item>
            </>
          ) : null}
          <Form.Item name="note" label="办理意见">
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

/** "已提出建议 → 已批准"; the target alone when nothing changed. */
function change(words: Record<string, string>, from: string | number | null | undefined, to: string | number | undefined): string {
  const target = label(words, to === undefined ? undefined : String(to));
  if (from === null || from === undefined || from === to) return target;
  return `${label(words, String(from))} → ${target}`;
}

function EventsPanel({ events }: { events: Event[] }) {
  return (
    <section className="panel" aria-labelledby="events-title">
      <Typography.Title level={2} id="events-title">
        办理记录
      </Typography.Title>
      <Table<Event>
        size="small"
        rowKey={(e) => String(e.seq)}
        dataSource={events}
        pagination={false}
        className="events-table"
        caption={<span className="sr-only">预警办理记录</span>}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 64 },
          { title: '办理', dataIndex: 'actionLabel' },
          { title: '状态', key: 'state', render: (_: unknown, e) => change(WARNING_STATES, e.fromState, e.toState) },
          { title: '级别', key: 'level', render: (_: unknown, e) => change(LEVELS, e.fromLevel, e.toLevel) },
          { title: '时间', dataIndex: 'at', render: (v: string) => beijingTime(v) },
          { title: '办理人', key: 'by', render: (_: unknown, e) => `${e.byUser ?? ''}（${label(ROLES, e.byRole)}）` },
          { title: '文件', dataIndex: 'document', render: (d: Event['document']) => (d ? [d.issuer, d.number].filter(Boolean).join(' ') : '—') },
          { title: '意见', dataIndex: 'note', render: (v?: string) => v || '—' },
          { title: 'CAP 标识', dataIndex: 'capIdentifier', render: (v?: string | null) => v ?? '—' },
        ]}
      />
    </section>
  );
}

function nowLocal(): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  return d.toISOString().slice(0, 16);
}

function TasksPanel({ id, version, refresh, names }: { id: string; version: number; refresh: number; names: Map<string, string> }) {
  const [asOf, setAsOf] = useState(nowLocal());
  const [error, setError] = useState<ApiError>();
  const [round, setRound] = useState(0);
  const { operator } = useOperator();
  const tasks = useApi(
    (signal) => unwrap(api.GET('/api/price/warnings/{id}/tasks', { params: { path: { id }, query: { asOf: `${asOf}:00+08:00` } }, signal })),
    [id, asOf, version, refresh, round],
  );

  const markDone = async (task: Task) => {
    setError(undefined);
    try {
      await unwrap(api.POST('/api/price/warnings/{id}/tasks/done', { headers: callerHeaders(operator), params: { path: { id } }, body: { key: task.key ?? '' } }));
      setRound((r) => r + 1);
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  const rows = tasks.data?.tasks ?? [];
  return (
    <section className="panel" aria-labelledby="tasks-title">
      <Typography.Title level={2} id="tasks-title">
        预警任务
      </Typography.Title>
      <div className="page-toolbar">
        <label htmlFor="tasks-as-of">截至（北京时间）</label>
        <Input id="tasks-as-of" type="datetime-local" style={{ width: 220 }} value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} />
        {tasks.data ? (
          <Typography.Text className="tasks-summary">
            共 {rows.length} 项，逾期 {tasks.data.late ?? 0} 项{tasks.data.rule ? `（${tasks.data.rule}）` : ''}
          </Typography.Text>
        ) : null}
      </div>
      <div aria-live="polite">{error ? <ErrorNotice error={error} /> : null}</div>
      {tasks.error ? <ErrorNotice error={tasks.error} onRetry={tasks.reload} /> : null}
      <Table<Task>
        size="small"
        rowKey={(t) => t.key ?? ''}
        loading={tasks.loading}
        dataSource={rows}
        className="tasks-table"
        locale={{ emptyText: <span className="table-empty-text">截至该时间尚无任务</span> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        caption={<span className="sr-only">预警任务</span>}
        columns={[
          { title: '类别', dataIndex: 'kind', render: (v: string) => label(TASK_KINDS, v) },
          { title: '任务', dataIndex: 'title' },
          { title: '责任单位', dataIndex: 'owner', render: (v: string, t) => t.ownerLabel || names.get(v) || v },
          { title: '时限', dataIndex: 'due', render: (v: string) => beijingTime(v) },
          { title: '状态', dataIndex: 'status', render: (v: string) => <Flag tone={TASK_TONE[v] ?? 'neutral'}>{label(TASK_STATUS, v)}</Flag> },
          { title: '尚缺', dataIndex: 'missing', render: (v?: string[]) => (v ?? []).join('、') || '—' },
          { title: '依据', dataIndex: 'article' },
          {
            title: '操作',
            key: 'done',
            render: (_: unknown, t) =>
              t.doneAt ? (
                `已完成 ${beijingTime(t.doneAt)}`
              ) : t.kind === 'duty_roster' ? (
                '登记值班人员后完成'
              ) : (
                <Button size="small" onClick={() => void markDone(t)} aria-label={`登记完成：${t.title ?? ''}`}>
                  登记完成
                </Button>
              ),
          },
        ]}
      />
    </section>
  );
}

function CapPanel({ id, version }: { id: string; version: number }) {
  const messages = useApi((signal) => unwrap(api.GET('/api/price/warnings/{id}/cap', { params: { path: { id } }, signal })), [id, version]);
  const [error, setError] = useState<ApiError>();
  const [shown, setShown] = useState<string>();

  return (
    <section className="panel" aria-labelledby="cap-title">
      <Typography.Title level={2} id="cap-title">
        CAP 1.2 预警报文
      </Typography.Title>
      <Typography.Paragraph>发布时生成 Alert，调整级别生成 Update，终止生成 Cancel；标识按 GB/T 35965.1（发布单位代码_北京时间_序号）。</Typography.Paragraph>
      {messages.error ? <ErrorNotice error={messages.error} onRetry={messages.reload} /> : null}
      <div aria-live="polite">{error ? <ErrorNotice error={error} /> : null}</div>
      <Table<Cap>
        size="small"
        rowKey={(c) => c.identifier ?? ''}
        loading={messages.loading}
        dataSource={messages.data ?? []}
        className="cap-table"
        pagination={false}
        locale={{ emptyText: <span className="table-empty-text">预警发布后生成报文</span> }}
        caption={<span className="sr-only">CAP 报文</span>}
        columns={[
          { title: '类型', dataIndex: 'msgType', render: (v: string) => label(CAP_TYPES, v) },
          { title: '标识', dataIndex: 'identifier' },
          { title: '发送时间', dataIndex: 'sent', render: (v: string) => beijingTime(v) },
          { title: '级别', dataIndex: 'level', render: (v: number) => label(LEVELS, String(v)) },
          {
            title: '报文',
            key: 'xml',
            render: (_: unknown, c) => (
              <Space>
                <Button
                  size="small"
                  onClick={() =>
                    void download(`/api/price/warnings/${encodeURIComponent(id)}/cap/${encodeURIComponent(c.identifier ?? '')}`, `${c.identifier}.xml`).catch((e) =>
                      setError(toApiError(e)),
                    )
                  }
                  aria-label={`下载 CAP 报文 ${c.identifier ?? ''}`}
                >
                  下载 XML
                </Button>
                <Button
                  size="small"
                  aria-expanded={shown === c.identifier}
                  onClick={() => setShown(shown === c.identifier ? undefined : c.identifier)}
                  aria-label={`查看 CAP 报文 ${c.identifier ?? ''}`}
                >
                  {shown === c.identifier ? '收起' : '查看'}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {shown ? (
        <pre className="cap-xml" tabIndex={0} aria-label={`CAP 报文 ${shown}`}>
          {(messages.data ?? []).find((c) => c.identifier === shown)?.xml}
        </pre>
      ) : null}
    </section>
  );
}

const OUTCOMES: Record<string, { text: string; tone: Tone }> = {
  propose: { text: '建议终止', tone: 'good' },
  not_yet: { text: '尚不满足终止条件', tone: 'warn' },
  province: { text: '依省政府解除文件终止', tone: 'info' },
};

/** D3 3.6(2): whether ending a level-3 warning may be proposed, period by period. */
function TerminationPanel({ id, version }: { id: string; version: number }) {
  const { caps } = useCapabilities();
  const offered = !!caps?.has('GET /api/price/warnings/{id}/termination-check');
  const check = useApi(
    async (signal) => (offered ? unwrap(api.GET('/api/price/warnings/{id}/termination-check', { params: { path: { id } }, signal })) : undefined),
    [id, version, offered],
  );
  if (!offered) return null;
  const c = check.data;
  const outcome = OUTCOMES[c?.outcome ?? ''];

  return (
    <section className="panel" aria-labelledby="termination-title">
      <Typography.Title level={2} id="termination-title">
        终止条件
      </Typography.Title>
      {check.error ? <ErrorNotice error={check.error} onRetry={check.reload} /> : null}
      {c ? (
        <>
          <Typography.Paragraph className="termination-outcome">
            {outcome ? <Flag tone={outcome.tone}>{outcome.text}</Flag> : null}
            {c.reason}
            {c.article ? `（${c.article}）` : ''}
          </Typography.Paragraph>
          {(c.periods ?? []).length ? (
            <Table<Period>
              size="small"
              rowKey={(p) => p.start ?? ''}
              dataSource={c.periods ?? []}
              pagination={false}
              className="termination-table"
              caption={<span className="sr-only">各监测周期</span>}
              columns={[
                { title: '周期', key: 'period', render: (_: unknown, p) => `${p.start ?? ''} 至 ${p.end ?? ''}` },
                {
                  title: '价格异常波动',
                  dataIndex: 'fluctuation',
                  render: (v: boolean | null | undefined) => (v === null || v === undefined ? '该周未运行检测' : v ? '仍触发' : '未触发'),
                },
                { title: `投诉举报（件，低于 ${c.limit ?? '—'} 为明显减少）`, dataIndex: 'complaints', align: 'right' },
                { title: '平稳', dataIndex: 'clear', render: (v?: boolean) => (v ? <Flag tone="good">是</Flag> : <Flag tone="warn">否</Flag>) },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

type Duty = ResponseOf<'/api/price/duty'>[number];

const DUTY_KINDS: Record<string, string> = { monitor: '专职监测人员', technical: '技术保障人员' };

function todayText(): string {
  return nowLocal().slice(0, 10);
}

/** D3 3.2.2: at least one monitoring officer and one technician on duty each day, on a 24-hour mobile phone. */
function DutyPanel({ onSaved }: { onSaved: () => void }) {
  const { caps } = useCapabilities();
  const offered = !!caps?.has('POST /api/price/duty') && !!caps?.has('GET /api/price/duty');
  const [round, setRound] = useState(0);
  const [form] = Form.useForm<{ date: string; kind: string; person: string; phone: string; unit?: string }>();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();
  const { operator } = useOperator();
  const from = todayText();
  const duty = useApi(async (signal) => (offered ? unwrap(api.GET('/api/price/duty', { params: { query: { from } }, signal })) : []), [offered, round]);
  if (!offered) return null;

  const save = async (v: { date: string; kind: string; person: string; phone: string; unit?: string }) => {
    setError(undefined);
    setSaved(undefined);
    try {
      await unwrap(
        api.POST('/api/price/duty', {
          headers: callerHeaders(operator),
          body: { entries: [{ date: v.date, kind: v.kind as 'monitor', person: v.person.trim(), phone: v.phone.trim(), ...(v.unit?.trim() ? { unit: v.unit.trim() } : {}) }] },
        }),
      );
      setSaved(`已登记 ${v.date} ${label(DUTY_KINDS, v.kind)}`);
      setRound((r) => r + 1);
      onSaved();
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  return (
    <section className="panel" aria-labelledby="duty-title">
      <Typography.Title level={2} id="duty-title">
        值班安排
      </Typography.Title>
      <Typography.Paragraph>鸡政办规〔2022〕20号 3.2.2：预警期间每天至少安排 1 名专职监测人员和 1 名技术保障人员值班，移动值班电话 24 小时畅通。</Typography.Paragraph>
      <Form form={form} layout="inline" name="duty" className="page-toolbar" onFinish={save} initialValues={{ date: from, kind: 'monitor' }}>
        <Form.Item name="date" label="值班日期" rules={[{ required: true, message: '请填写值班日期' }]}>
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select style={{ width: 150 }} options={Object.entries(DUTY_KINDS).map(([value, text]) => ({ value, label: text }))} />
        </Form.Item>
        <Form.Item name="person" label="值班人员" rules={[{ required: true, message: '请填写值班人员' }]}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="phone" label="移动值班电话" rules={[{ required: true, message: '请填写移动值班电话' }]}>
          <Input inputMode="tel" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            登记值班
          </Button>
        </Form.Item>
      </Form>
      <div aria-live="polite">
        {saved ? <Typography.Paragraph className="duty-saved">{saved}</Typography.Paragraph> : null}
        {error ? <ErrorNotice error={error} fieldLabels={{ date: '值班日期', kind: '类别', person: '值班人员', phone: '移动值班电话' }} /> : null}
      </div>
      <Table<Duty>
        size="small"
        rowKey={(d) => `${d.date}-${d.kind}-${d.person}`}
        loading={duty.loading}
        dataSource={duty.data ?? []}
        className="duty-table"
        pagination={{ pageSize: 14, hideOnSinglePage: true }}
        locale={{ emptyText: <span className="table-empty-text">今天起尚无值班安排</span> }}
        caption={<span className="sr-only">值班安排</span>}
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '类别', dataIndex: 'kind', render: (v: string) => label(DUTY_KINDS, v) },
          { title: '值班人员', dataIndex: 'person' },
          { title: '移动值班电话', dataIndex: 'phone' },
          { title: '单位', dataIndex: 'unit' },
          { title: '全天值班', dataIndex: 'fullDay', render: (v?: boolean) => (v ? '是' : '否') },
        ]}
      />
    </section>
  );
}
