/**
 * 预警建议: daily detection runs of D3 1.3 (rules R1–R6 with the breadth
 * guard). A run that proposes level 3 lists each finding: which rule fired,
 * on which item, in which area, at which points and with which values. The
 * platform proposes; a person decides (the warnings page).
 */
import { Button, Descriptions, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';

import { useCapabilities } from '../../api/capabilities.tsx';
import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Loading, Nothing } from '../../components/States.tsx';
import { todayInBeijing } from '../../dates.ts';
import { useQuery } from '../../router.tsx';
import { AREA_NAMES, COUNTIES, FINDING_VALUES, label, LIGHTS, RULES, SCOPES } from './labels.ts';
import { callerHeaders, PriceFrame, useOperator } from './operator.tsx';
import { ProposeWarning } from './ProposeWarning.tsx';

type Detection = ResponseOf<'/api/price/detections/{id}'>;
type Finding = NonNullable<Detection['findings']>[number];
type Run = ResponseOf<'/api/price/detections'>[number];

export default function ProposalsPage() {
  return (
    <PriceFrame>
      <Proposals />
    </PriceFrame>
  );
}

function beijingTime(iso: string | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

function Proposals() {
  const [query, setQuery] = useQuery();
  const selected = query.get('id') ?? '';
  const [asOf, setAsOf] = useState(todayInBeijing());
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const { operator } = useOperator();
  const runs = useApi((signal) => unwrap(api.GET('/api/price/detections', { params: { query: { limit: 100 } }, signal })), [selected]);

  const run = async () => {
    setError(undefined);
    setBusy(true);
    try {
      const answer = await unwrap(api.POST('/api/price/detections', { headers: callerHeaders(operator), body: { asOf } }));
      if (answer.id) setQuery({ id: answer.id });
      runs.reload();
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Paragraph>
        鸡政办规〔2022〕20号 1.3、3.4(2)：三级（较大）价格异常波动由市级认定。平台按 R1–R6 逐日检测，全市均价（至少 3 个监测点）或至少 2 个县(市)区同时满足时提出三级预警建议，由市价格主管部门研判、分管副市长批准。
      </Typography.Paragraph>
      <section className="panel" aria-labelledby="run-title">
        <Typography.Title level={2} id="run-title">
          运行检测
        </Typography.Title>
        <div className="page-toolbar">
          <label htmlFor="detect-as-of">检测日期</label>
          <Input id="detect-as-of" type="date" style={{ width: 180 }} value={asOf} max={todayInBeijing()} onChange={(e) => setAsOf(e.target.value)} />
          <Button type="primary" onClick={() => void run()} loading={busy}>
            运行检测
          </Button>
        </div>
        <div aria-live="polite">{error ? <ErrorNotice error={error} /> : null}</div>
      </section>

      {selected ? <DetectionDetail id={selected} /> : null}

      <section className="panel" aria-labelledby="runs-title">
        <Typography.Title level={2} id="runs-title">
          检测记录
        </Typography.Title>
        {runs.error ? <ErrorNotice error={runs.error} onRetry={runs.reload} /> : null}
        <Table<Run>
          size="small"
          rowKey={(r) => r.id ?? ''}
          loading={runs.loading}
          dataSource={runs.data ?? []}
          className="runs-table"
          locale={{ emptyText: <span className="table-empty-text">尚未运行检测</span> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 次` }}
          caption={<span className="sr-only">检测记录</span>}
          columns={[
            { title: '检测日期', dataIndex: 'asOf' },
            { title: '运行时间', dataIndex: 'runAt', render: (v: string) => beijingTime(v) },
            {
              title: '结果',
              dataIndex: 'proposes',
              render: (v: boolean) => (v ? <Flag tone="warn">提出三级预警建议</Flag> : <Flag tone="good">未达到预警条件</Flag>),
            },
            {
              title: '查看',
              key: 'open',
              render: (_: unknown, r) => (
                <Button size="small" onClick={() => setQuery({ id: r.id ?? '' })} aria-label={`查看 ${r.asOf} 的检测结果`} aria-pressed={r.id === selected}>
                  查看
                </Button>
              ),
            },
          ]}
        />
      </section>
    </>
  );
}

function DetectionDetail({ id }: { id: string }) {
  const detection = useApi((signal) => unwrap(api.GET('/api/price/detections/{id}', { params: { path: { id } }, signal })), [id]);
  const { caps } = useCapabilities();
  const d = detection.data;

  return (
    <section className="panel detection-detail" aria-labelledby="detail-title">
      <Typography.Title level={2} id="detail-title">
        {d ? `${d.asOf} 检测结果` : '检测结果'}
      </Typography.Title>
      {detection.loading ? <Loading /> : null}
      {detection.error ? <ErrorNotice error={detection.error} onRetry={detection.reload} /> : null}
      {d ? (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="检测日期">{d.asOf}</Descriptions.Item>
            <Descriptions.Item label="运行时间">{beijingTime(d.runAt)}</Descriptions.Item>
            <Descriptions.Item label="结论">
              {d.outcome === 'no_rule_in_force' ? (
                <Flag tone="bad">该日无生效的检测参数</Flag>
              ) : d.proposes ? (
                <Flag tone="warn">提出三级预警建议</Flag>
              ) : (
                <Flag tone="good">未达到预警条件</Flag>
              )}
            </Descriptions.Item>
          </Descriptions>
          {d.findings?.length ? (
            <Table<Finding & { key: number }>
              size="small"
              className="findings-table"
              dataSource={d.findings.map((f, key) => ({ ...f, key }))}
              pagination={false}
              caption={<span className="sr-only">触发的规则</span>}
              expandable={{
                expandedRowRender: (f) => <FindingAreas finding={f} />,
                expandRowByClick: false,
              }}
              columns={[
                { title: '规则', dataIndex: 'rule', render: (v: string, f) => <span title={f.ruleId}>{label(RULES, v)}</span> },
                { title: '依据', dataIndex: 'article' },
                { title: '品种', dataIndex: 'itemName' },
                { title: '范围', dataIndex: 'scope', render: (v: string) => label(SCOPES, v) },
                {
                  title: '灯色',
                  dataIndex: 'light',
                  render: (v?: string) => (v ? <Flag tone={v === 'red' ? 'bad' : 'warn'}>{label(LIGHTS, v)}</Flag> : '—'),
                },
                { title: '县(市)区', dataIndex: 'counties', render: (v?: string[]) => (v ?? []).map((c) => label(COUNTIES, c)).join('、') || '—' },
                { title: '监测点', dataIndex: 'points', render: (v?: string[]) => (v ?? []).join('、') || '—' },
                { title: '说明', dataIndex: 'text' },
              ]}
            />
          ) : (
            <Nothing text="本次检测没有规则被触发" />
          )}
          {d.notes?.length ? (
            <>
              <Typography.Title level={3}>未提出建议的说明</Typography.Title>
              <ul className="detection-notes">
                {d.notes.map((n, i) => (
                  <li key={i}>
                    {label(RULES, n.rule)} {n.itemId}：{n.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {d.missing?.length ? <Typography.Paragraph>缺少参数：{d.missing.join('、')}</Typography.Paragraph> : null}
          {d.proposes && caps?.has('POST /api/price/warnings') ? <ProposeWarning key={d.id} detection={d} /> : null}
        </>
      ) : null}
    </section>
  );
}

function FindingAreas({ finding }: { finding: Finding }) {
  const areas = finding.areas ?? [];
  return (
    <div className="finding-areas" data-rule={finding.rule} data-item={finding.itemId}>
      {areas.map((a, i) => (
        <div key={i} className="finding-area">
          <Typography.Text strong>
            {AREA_NAMES(a.area ?? '', COUNTIES)}
            {a.holds ? '（满足条件）' : '（未满足）'}
          </Typography.Text>
          <Typography.Text>；监测点：{(a.points ?? []).join('、') || '—'}</Typography.Text>
          <Descriptions size="small" column={{ xs: 1, md: 4 }}>
            {Object.entries(a.values ?? {}).map(([k, v]) => (
              <Descriptions.Item key={k} label={FINDING_VALUES[k] ?? k}>
                {k === 'light' ? label(LIGHTS, String(v)) : String(v)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </div>
      ))}
    </div>
  );
}
