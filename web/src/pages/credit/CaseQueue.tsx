/**
 * The work queues of D2 二(四): objections (异议, checked within 7 working
 * days of receipt) and repair applications (信用修复). Sorted by deadline,
 * overdue ones flagged in words; a case opens into its timeline (who, when,
 * from → to, note) and the actions its state still allows. Departments
 * decide; an entity sees and may withdraw only its own.
 */
import { Alert, Button, Checkbox, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Nothing } from '../../components/States.tsx';
import { useCaller } from './caller.tsx';
import { actionsFor } from './labels.ts';

type Objection = ResponseOf<'/api/credit/objections'>[number];
type Repair = ResponseOf<'/api/credit/repairs'>[number];
type Case = (Objection | Repair) & { id?: string; deadline?: string };
type Rescore = ResponseOf<'/api/credit/objections/{id}/actions', 'post'>['rescore'];

const STATES: Record<'objection' | 'repair', Record<string, string>> = {
  objection: { received: '已受理', checking: '核查中', upheld: '异议成立', rejected: '不成立', withdrawn: '已撤回' },
  repair: { applied: '已申请', checking: '核查中', approved: '准予修复', rejected: '不予修复', withdrawn: '已撤回' },
};

export function DeadlineFlag({ item }: { item: { deadline?: string; overdue?: boolean; open?: boolean } }) {
  if (!item.open) return <>{item.deadline}</>;
  return (
    <>
      <span className="value-cell">{item.deadline}</span> {item.overdue ? <Flag tone="bad">已逾期</Flag> : <Flag tone="info">办理中</Flag>}
    </>
  );
}

export function CaseQueue({ kind, round = 0, onChanged }: { kind: 'objection' | 'repair'; round?: number; onChanged?: () => void }) {
  const { headers, caller } = useCaller();
  const [state, setState] = useState<string>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [changed, setChanged] = useState(0);
  const key = JSON.stringify(headers);
  const noun = kind === 'objection' ? '异议' : '修复申请';

  const list = useApi(
    async (signal): Promise<Case[]> => {
      const query = { ...(state ? { state } : {}), ...(overdueOnly ? { overdue: true } : {}) };
      const found = kind === 'objection'
        ? await unwrap(api.GET('/api/credit/objections', { params: { query }, headers, signal }))
        : await unwrap(api.GET('/api/credit/repairs', { params: { query }, headers, signal }));
      return [...(found as Case[])].sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''));
    },
    [kind, state, overdueOnly, key, round, changed],
  );

  return (
    <section className="panel" aria-labelledby={`${kind}-queue-title`}>
      <Typography.Title level={2} id={`${kind}-queue-title`}>
        {kind === 'objection' ? '异议处理' : '信用修复'}
        {caller.role === 'entity' ? '（本主体）' : ''}
      </Typography.Title>
      <div className="page-toolbar">
        <label htmlFor={`${kind}-state`}>状态</label>
        <Select
          id={`${kind}-state`}
          allowClear
          placeholder="全部"
          style={{ width: 140 }}
          value={state}
          onChange={setState}
          options={Object.entries(STATES[kind]).map(([value, label]) => ({ value, label }))}
        />
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
          只看逾期
        </Checkbox>
      </div>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      <Table<Case>
        size="small"
        rowKey={(c) => c.id ?? ''}
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={(list.data ?? []).length > 10 ? { pageSize: 10 } : false}
        caption={<span className="sr-only">{noun}列表，按办理期限排序</span>}
        locale={{ emptyText: <Nothing text={`没有${noun}`} /> }}
        expandable={{
          expandedRowRender: (c) => <CaseDetail kind={kind} item={c} onChanged={() => { setChanged((n) => n + 1); onChanged?.(); }} />,
          expandRowByClick: false,
        }}
        columns={[
          { title: '编号', dataIndex: 'id', render: (v: string) => <span className="value-cell">{v}</span> },
          { title: '统一社会信用代码', dataIndex: 'uscc', render: (v: string) => <span className="value-cell">{v}</span> },
          { title: '所涉记录', dataIndex: 'recordId', render: (v?: string | null) => v ?? '评价结果' },
          { title: kind === 'objection' ? '受理日' : '申请日', key: 'on', render: (_: unknown, c) => ('receivedOn' in c ? c.receivedOn : 'appliedOn' in c ? c.appliedOn : '') },
          { title: '办理期限（工作日）', key: 'deadline', render: (_: unknown, c) => <DeadlineFlag item={c} /> },
          { title: '状态', dataIndex: 'stateLabel', render: (v: string, c) => <Flag tone={c.open ? 'warn' : 'neutral'}>{v}</Flag> },
        ]}
      />
    </section>
  );
}

function CaseDetail({ kind, item, onChanged }: { kind: 'objection' | 'repair'; item: Case; onChanged: () => void }) {
  const { headers, may, caller } = useCaller();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const decide = may('workflow.decide');
  const allowed = actionsFor(kind, item.state ?? '').filter((a) => (a.action === 'withdraw' ? caller.role === 'entity' || may('workflow.file') : decide));
  const repair = kind === 'repair' ? (item as Repair) : undefined;

  const act = async (action: string) => {
    setBusy(action);
    setError(undefined);
    setDone(undefined);
    try {
      const body = { action: action as never, ...(note.trim() ? { note: note.trim() } : {}) };
      const path = { params: { path: { id: item.id ?? '' } }, body, headers };
      let rescore: Rescore;
      let state: string | undefined;
      if (kind === 'objection') {
        const answer = await unwrap(api.POST('/api/credit/objections/{id}/actions', path));
        rescore = answer.rescore;
        state = answer.objection?.stateLabel;
      } else {
        const answer = await unwrap(api.POST('/api/credit/repairs/{id}/actions', path));
        rescore = answer.rescore as Rescore;
        state = answer.repair?.stateLabel;
      }
      setDone(`已办理：${state ?? ''}${rescore ? `；重新评价 ${rescore.score} 分 ${rescore.grade}级${rescore.previousGrade && rescore.previousGrade !== rescore.grade ? `（原 ${rescore.previousGrade}级）` : ''}` : ''}`);
      onChanged();
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="case-detail">
      {'claim' in item ? <Typography.Paragraph>异议内容：{item.claim}</Typography.Paragraph> : null}
      {repair?.check ? (
        <Typography.Paragraph>
          修复条件：{repair.check.eligible ? '已满足' : `未满足（${(repair.check.unmet ?? []).join('；')}）`}；最短公示期 {repair.check.minMonths} 个月，最早可修复日 {repair.check.earliest}。
        </Typography.Paragraph>
      ) : null}
      <Typography.Title level={3}>办理过程</Typography.Title>
      <ol className="step-list">
        {(item.events ?? []).map((e, i) => (
          <li key={i}>
            {e.on} {e.actor}（{e.actorRole}）：{e.from ? `${STATES[kind][e.from] ?? e.from} → ` : ''}
            {e.stateLabel ?? e.to}
            {e.note ? `，${e.note}` : ''}
          </li>
        ))}
      </ol>
      {allowed.length ? (
        <Space wrap>
          <label htmlFor={`note-${item.id}`}>办理意见</label>
          <Input id={`note-${item.id}`} style={{ width: 280 }} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          {allowed.map((a) => (
            <Button key={a.action} loading={busy === a.action} danger={a.action === 'reject'} type={a.action === 'uphold' || a.action === 'approve' ? 'primary' : 'default'} onClick={() => act(a.action)}>
              {a.label}
            </Button>
          ))}
        </Space>
      ) : null}
      <div aria-live="polite">
        {done ? <Alert type="success" showIcon title={done} /> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    </div>
  );
}

export default CaseQueue;
