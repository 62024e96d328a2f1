/**
 * 信用档案 of one market entity: basic facts; for roles that may read
 * results in full (and the entity itself) the public score with its
 * breakdown chart and table, the records behind each indicator, records
 * not counted and why, the grade history against the cut-offs, and the
 * measures of the category, active and ended (D2 二(二), 二(三)). Roles
 * that use the grade only get the yes/no answers. Every read is logged.
 */
import { Alert, Button, Descriptions, Input, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { Chart } from '../../components/Chart.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Loading, Nothing } from '../../components/States.tsx';
import { useCaller } from './caller.tsx';
import {
  breakdownChartOptions,
  breakdownRows,
  historyChartOptions,
  historyPoints,
  type BreakdownRow,
  type ScoreView,
} from './charts.ts';
import { DOMAINS, ENTITLEMENTS, GRADE_TONES, options, RECORD_STATUS_LABELS } from './labels.ts';
import { PledgesPanel } from './PledgesPanel.tsx';

type RecordView = ResponseOf<'/api/credit/entities/{uscc}/records'>[number];
type MeasureView = ResponseOf<'/api/credit/entities/{uscc}/measures'>[number];

export function GradeFlag({ grade, category }: { grade?: string; category?: string }) {
  if (!grade) return <>—</>;
  return (
    <Flag tone={GRADE_TONES[grade] ?? 'neutral'}>
      {grade}级{category ? ` ${category}` : ''}
    </Flag>
  );
}

export function RecordStatus({ status }: { status?: string }) {
  const tone = status === 'active' ? 'warn' : status === 'under_objection' ? 'info' : 'neutral';
  return <Flag tone={tone}>{RECORD_STATUS_LABELS[status as keyof typeof RECORD_STATUS_LABELS] ?? status}</Flag>;
}

export function EntityProfile({ uscc, round: outer = 0 }: { uscc: string; round?: number }) {
  const { headers, may, caller, indicators } = useCaller();
  const [local, setLocal] = useState(0);
  const round = outer * 1000 + local;
  const changed = () => setLocal((n) => n + 1);
  const own = caller.role === 'entity' && caller.entity === uscc;
  const full = own || may('result.read');
  const key = JSON.stringify(headers);

  const entity = useApi(
    (signal) => unwrap(api.GET('/api/credit/entities/{uscc}', { params: { path: { uscc } }, headers, signal })),
    [uscc, key, round],
  );
  const score = useApi(
    async (signal) => (full ? unwrap(api.GET('/api/credit/entities/{uscc}/score', { params: { path: { uscc } }, headers, signal })) : undefined),
    [uscc, key, full, round],
  );
  const history = useApi(
    async (signal) => (full ? unwrap(api.GET('/api/credit/entities/{uscc}/history', { params: { path: { uscc } }, headers, signal })) : []),
    [uscc, key, full, round],
  );
  const records = useApi(
    async (signal) => (full ? unwrap(api.GET('/api/credit/entities/{uscc}/records', { params: { path: { uscc } }, headers, signal })) : []),
    [uscc, key, full, round],
  );
  const measures = useApi(
    async (signal) => (full ? unwrap(api.GET('/api/credit/entities/{uscc}/measures', { params: { path: { uscc } }, headers, signal })) : []),
    [uscc, key, full, round],
  );

  const indicatorLabel = (code: string) => indicators?.indicators?.find((x) => x.code === code)?.label ?? code;

  return (
    <>
      {entity.loading && !entity.data ? <Loading /> : null}
      {entity.error ? <ErrorNotice error={entity.error} onRetry={entity.reload} /> : null}
      {entity.data ? (
        <section className="panel" aria-labelledby="entity-facts-title">
          <Typography.Title level={2} id="entity-facts-title">
            基本信息
          </Typography.Title>
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label="市场主体名称">{entity.data.name}</Descriptions.Item>
            <Descriptions.Item label="统一社会信用代码">
              <span className="value-cell">{entity.data.uscc}</span>
            </Descriptions.Item>
            <Descriptions.Item label="成立日期">{entity.data.established}</Descriptions.Item>
            <Descriptions.Item label="登记管理部门、类别、区划">
              {entity.data.registrationDepartment} / {entity.data.entityType} / {entity.data.area}
            </Descriptions.Item>
          </Descriptions>
        </section>
      ) : null}

      {full ? (
        <>
          {score.error ? <ErrorNotice error={score.error} onRetry={score.reload} /> : null}
          {score.data ? <ScorePanel score={score.data} records={records.data ?? []} indicatorLabel={indicatorLabel} /> : score.loading ? <Loading label="正在评价…" /> : null}
          <HistoryPanel history={history.data ?? []} cutoffs={indicators?.cutoffs ?? []} error={history.error} />
          <RecordsPanel records={records.data ?? []} error={records.error} indicatorLabel={indicatorLabel} onChanged={changed} />
          <MeasuresPanel measures={measures.data ?? []} error={measures.error} />
          <PledgesPanel uscc={uscc} round={round} onChanged={changed} />
          <IndustryPanel uscc={uscc} />
        </>
      ) : null}
      {may('result.summary') || own ? <EntitlementPanel uscc={uscc} /> : null}
    </>
  );
}

function ScorePanel({ score, records, indicatorLabel }: { score: ScoreView; records: RecordView[]; indicatorLabel: (c: string) => string }) {
  const { indicators } = useCaller();
  const groupLabel = (code: string) => indicators?.groups?.find((g) => g.code === code)?.label ?? code;
  const options = useMemo(() => breakdownChartOptions(score), [score]);
  const rows = breakdownRows(score);
  const groups = [...new Set(rows.map((r) => r.group))];
  const recordText = (id: string) => {
    const r = records.find((x) => x.id === id);
    return r ? `${indicatorLabel(r.indicator ?? '')} ${r.decided}${r.documentNumber ? ` ${r.documentNumber}` : ''}` : id;
  };

  return (
    <section className="panel" aria-labelledby="score-title">
      <Typography.Title level={2} id="score-title">
        公共信用综合评价
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, md: 4 }} className="credit-score-card">
        <Descriptions.Item label="信用得分">
          <strong className="credit-score">{score.score}</strong> / 1000 分
        </Descriptions.Item>
        <Descriptions.Item label="信用等级">
          <GradeFlag grade={score.grade} />
        </Descriptions.Item>
        <Descriptions.Item label="信用类别">{score.category?.label}</Descriptions.Item>
        <Descriptions.Item label="评价日">{score.evaluatedOn}</Descriptions.Item>
        <Descriptions.Item label="评价原因" span={2}>
          {score.reason ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label="依据" span={2}>
          {(score.articles ?? []).join('、') || '鸡政办规〔2022〕16号 附件'}
        </Descriptions.Item>
      </Descriptions>
      {(score.notes ?? []).map((note) => (
        <Alert key={note} type="info" showIcon className="credit-note" title={note} />
      ))}

      <Typography.Title level={3}>各指标得分</Typography.Title>
      <div className="chart-with-table">
        <Chart options={options} height={560} label={`各指标得分条形图，共 ${score.score} 分，数据见右表`} />
        <Table<BreakdownRow>
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={rows}
          caption={<span className="sr-only">各指标得分与所依据的记录</span>}
          columns={[
            { title: '分组', dataIndex: 'group', render: (g: string) => groupLabel(g), filters: groups.map((g) => ({ text: groupLabel(g), value: g })), onFilter: (v, r) => r.group === v },
            { title: '指标', dataIndex: 'label' },
            { title: '得分', dataIndex: 'points', align: 'right', render: (p: number, r) => `${p} / ${r.max}` },
            {
              title: '说明与依据记录',
              key: 'why',
              render: (_: unknown, r) => (
                <>
                  {r.reason}
                  {r.records.length ? <div>记录：{r.records.map(recordText).join('；')}</div> : null}
                </>
              ),
            },
          ]}
        />
      </div>
      {(score.excluded ?? []).length ? (
        <>
          <Typography.Title level={3}>未计分记录及原因</Typography.Title>
          <ul className="plain-list">
            {(score.excluded ?? []).map((x) => (
              <li key={x.record}>
                {recordText(x.record ?? '')}：{x.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}


function HistoryPanel({ history, cutoffs, error }: { history: ResponseOf<'/api/credit/entities/{uscc}/history'>; cutoffs: { grade?: string; min?: number }[]; error?: ApiError }) {
  const options = useMemo(() => historyChartOptions(history, cutoffs), [history, cutoffs]);
  const points = historyPoints(history);
  return (
    <section className="panel" aria-labelledby="history-title">
      <Typography.Title level={2} id="history-title">
        评价历史
      </Typography.Title>
      {error ? <ErrorNotice error={error} /> : null}
      {points.length ? (
        <div className="chart-with-table">
          <Chart options={options} label={`历次评价得分折线图，共 ${points.length} 次，数据见右表`} />
          <Table
            size="small"
            rowKey={(p) => `${p.on}-${points.indexOf(p)}`}
            pagination={false}
            dataSource={[...points].reverse()}
            caption={<span className="sr-only">历次评价得分与等级，最近的在前</span>}
            columns={[
              { title: '生效日', dataIndex: 'on' },
              { title: '得分', dataIndex: 'score', align: 'right' },
              { title: '等级', dataIndex: 'grade', render: (g: string) => <GradeFlag grade={g} /> },
              { title: '原因', dataIndex: 'reason' },
            ]}
          />
        </div>
      ) : (
        <Nothing text="尚无评价历史" />
      )}
    </section>
  );
}

function RecordsPanel({ records, error, indicatorLabel, onChanged }: { records: RecordView[]; error?: ApiError; indicatorLabel: (c: string) => string; onChanged: () => void }) {
  const { may } = useCaller();
  return (
    <section className="panel" aria-labelledby="records-title">
      <Typography.Title level={2} id="records-title">
        信用记录
      </Typography.Title>
      {error ? <ErrorNotice error={error} /> : null}
      <Table<RecordView>
        size="small"
        rowKey="id"
        dataSource={records}
        pagination={records.length > 10 ? { pageSize: 10 } : false}
        caption={<span className="sr-only">该主体的信用记录</span>}
        locale={{ emptyText: <Nothing text="没有信用记录" /> }}
        {...(may('record.write') ? { expandable: { expandedRowRender: (r: RecordView) => <StatusChange record={r} onChanged={onChanged} /> } } : {})}
        columns={[
          { title: '记录编号', dataIndex: 'id', render: (v: string) => <span className="value-cell">{v}</span> },
          { title: '评价指标', dataIndex: 'indicator', render: (v: string) => indicatorLabel(v) },
          { title: '决定日期', dataIndex: 'decided' },
          { title: '来源部门', dataIndex: 'sourceDepartment', render: (v?: string | null) => v ?? '—' },
          { title: '决定文号', dataIndex: 'documentNumber', render: (v?: string | null) => v ?? '—' },
          { title: '领域', dataIndex: 'domain', render: (v: string) => DOMAINS[v] ?? v },
          { title: '状态', dataIndex: 'status', render: (v: string) => <RecordStatus status={v} /> },
        ]}
      />
    </section>
  );
}

const STATUS_CHOICES = ['active', 'corrected', 'repaired', 'expired'] as const;

/** 变更记录状态 (PATCH /records/:id): expired, revoked (已更正) …, with the reason; the entity is re-scored. */
function StatusChange({ record, onChanged }: { record: RecordView; onChanged: () => void }) {
  const { headers } = useCaller();
  const [status, setStatus] = useState<(typeof STATUS_CHOICES)[number]>('expired');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();

  const change = async () => {
    setError(undefined);
    setDone(undefined);
    try {
      const answer = await unwrap(api.PATCH('/api/credit/records/{id}', { params: { path: { id: record.id ?? '' } }, body: { status, reason: reason.trim() }, headers }));
      const r = answer.rescore;
      setDone(`已变更为“${answer.record?.statusLabel}”${r ? `；重新评价 ${r.score} 分 ${r.grade}级` : ''}`);
      onChanged();
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  return (
    <div>
      <Space wrap>
        <label htmlFor={`status-${record.id}`}>变更状态为</label>
        <Select
          id={`status-${record.id}`}
          style={{ width: 120 }}
          value={status}
          onChange={setStatus}
          options={STATUS_CHOICES.map((s) => ({ value: s, label: RECORD_STATUS_LABELS[s] }))}
        />
        <label htmlFor={`reason-${record.id}`}>原因</label>
        <Input id={`reason-${record.id}`} style={{ width: 260 }} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        <Button onClick={change} disabled={!reason.trim()}>
          变更并重新评价
        </Button>
      </Space>
      <div aria-live="polite">
        {done ? <Typography.Paragraph>{done}</Typography.Paragraph> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    </div>
  );
}

function MeasuresPanel({ measures, error }: { measures: MeasureView[]; error?: ApiError }) {
  const { indicators } = useCaller();
  const categoryLabel = (code: string) => Object.values(indicators?.categories ?? {}).find((c) => c.code === code)?.label ?? code;
  return (
    <section className="panel" aria-labelledby="measures-title">
      <Typography.Title level={2} id="measures-title">
        分级分类监管措施
      </Typography.Title>
      {error ? <ErrorNotice error={error} /> : null}
      <Table<MeasureView>
        size="small"
        rowKey="id"
        dataSource={measures}
        pagination={measures.length > 10 ? { pageSize: 10 } : false}
        caption={<span className="sr-only">适用的监管措施，含已终止的</span>}
        locale={{ emptyText: <Nothing text="尚无监管措施" /> }}
        columns={[
          { title: '措施', dataIndex: 'label' },
          { title: '信用类别', dataIndex: 'category', render: (v: string) => categoryLabel(v) },
          { title: '依据', dataIndex: 'article' },
          { title: '开始', dataIndex: 'startedOn' },
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, m) => (m.active ? <Flag tone="info">实施中</Flag> : <><Flag>已终止</Flag>{m.endedOn} {m.endReason}</>),
          },
        ]}
      />
    </section>
  );
}

type IndustryAnswer = ResponseOf<'/api/credit/entities/{uscc}/industry/{sector}'>;

/** 行业信用评价: the sector's model, or the public score where it has none (D2 二(二)2). */
function IndustryPanel({ uscc }: { uscc: string }) {
  const { headers } = useCaller();
  const sectors = useApi((signal) => unwrap(api.GET('/api/credit/sectors', { headers, signal })), [JSON.stringify(headers)]);
  const [sector, setSector] = useState<string>();
  const [answer, setAnswer] = useState<IndustryAnswer>();
  const [error, setError] = useState<ApiError>();

  const ask = async (code: string) => {
    setSector(code);
    setError(undefined);
    setAnswer(undefined);
    try {
      setAnswer(await unwrap(api.GET('/api/credit/entities/{uscc}/industry/{sector}', { params: { path: { uscc, sector: code } }, headers })));
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  return (
    <section className="panel" aria-labelledby="industry-title">
      <Typography.Title level={2} id="industry-title">
        行业信用评价
      </Typography.Title>
      <Space wrap className="page-toolbar">
        <label htmlFor="industry-sector">行业领域</label>
        <Select
          id="industry-sector"
          style={{ width: 220 }}
          value={sector}
          placeholder="选择行业领域"
          onChange={ask}
          options={(sectors.data?.sectors ?? []).map((s) => ({ value: s.code ?? '', label: s.label ?? '' }))}
        />
      </Space>
      <div aria-live="polite">
        {answer ? (
          answer.outcome === 'decided' ? (
            <Typography.Paragraph>
              {answer.score} 分，<GradeFlag grade={answer.grade} category={answer.category?.label} />（{answer.reason}；公共信用综合评价 {answer.publicScore} 分
              {(answer.parts ?? []).length ? `；${(answer.parts ?? []).map((p) => `${p.label} ${p.points}/${p.max}`).join('，')}` : ''}）
            </Typography.Paragraph>
          ) : (
            <Typography.Paragraph>暂不能评价：{answer.reason}（缺少 {(answer.missing ?? []).join('、')}）</Typography.Paragraph>
          )
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    </section>
  );
}

type EntitlementAnswer = ResponseOf<'/api/credit/entities/{uscc}/entitlements/{action}'>;

function EntitlementPanel({ uscc }: { uscc: string }) {
  const { headers } = useCaller();
  const [action, setAction] = useState('notification_commitment');
  const [answer, setAnswer] = useState<EntitlementAnswer>();
  const [error, setError] = useState<ApiError>();

  const ask = async () => {
    setError(undefined);
    setAnswer(undefined);
    try {
      setAnswer(await unwrap(api.GET('/api/credit/entities/{uscc}/entitlements/{action}', { params: { path: { uscc, action: action as never } }, headers })));
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  return (
    <section className="panel" aria-labelledby="entitlement-title">
      <Typography.Title level={2} id="entitlement-title">
        准入查询
      </Typography.Title>
      <Space wrap className="page-toolbar">
        <label htmlFor="entitlement-action">事项</label>
        <Select id="entitlement-action" style={{ width: 240 }} value={action} options={options(ENTITLEMENTS)} onChange={setAction} />
        <Button type="primary" onClick={ask}>
          查询是否可以适用
        </Button>
      </Space>
      <div aria-live="polite">
        {answer ? (
          <Alert
            type={answer.allowed ? 'success' : 'error'}
            showIcon
            className="entitlement-answer"
            title={`${answer.label}：${answer.allowed ? '是，可以适用' : '否，不得适用'}`}
            description={`信用等级 ${answer.grade}级（${answer.category?.label ?? ''}）。${answer.reason ?? ''} 依据：${answer.article ?? ''}`}
          />
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    </section>
  );
}
