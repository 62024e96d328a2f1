/**
 * 按比例就业核查: 专栏4 item 1 over the employer register — city-level party
 * and government bodies with 50 or more posts and public institutions with
 * 67 or more (schools and kindergartens excepted) that do not meet the
 * ratio employ at least one disabled person by the deadline; the
 * federation keeps its share of disabled staff. Who falls short, and by how many.
 */
import { Descriptions, Input, Select, Table, Typography } from 'antd';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Loading, Nothing } from '../../components/States.tsx';
import { todayInBeijing } from '../../dates.ts';
import { useQuery } from '../../router.tsx';
import { useCounties } from './counties.ts';
import { EMPLOYER_KIND_LABELS, label, LEVEL_LABELS, options, QUOTA_STATUS_LABELS } from './labels.ts';

type Finding = NonNullable<ResponseOf<'/api/disability/employers/quota-check'>['findings']>[number];
type Status = 'met' | 'short' | 'not_in_scope';

export default function QuotaPage() {
  const [query, setQuery] = useQuery();
  const on = query.get('on') ?? todayInBeijing();
  const county = query.get('county') ?? '';
  const status = query.get('status') ?? '';
  const counties = useCounties();

  const report = useApi(
    (signal) =>
      unwrap(
        api.GET('/api/disability/employers/quota-check', {
          params: { query: { on, ...(county ? { county } : {}), ...(status ? { status: status as Status } : {}) } },
          signal,
        }),
      ),
    [on, county, status],
  );
  const r = report.data;

  return (
    <>
      <Typography.Paragraph>
        专栏4第1项：市级党政机关编制50人（含）以上、事业单位编制67人（含）以上（中小学、幼儿园除外）未达到按比例安排残疾人就业的，至少安排1名残疾人；县级以上残联残疾人干部比例达到要求。
      </Typography.Paragraph>
      <div className="page-toolbar">
        <label htmlFor="quota-on">核查日期</label>
        <Input id="quota-on" type="date" style={{ width: 180 }} value={on} onChange={(e) => e.target.value && setQuery({ on: e.target.value })} />
        <label htmlFor="quota-county">县区</label>
        <Select id="quota-county" allowClear placeholder="全部" style={{ width: 150 }} value={county || undefined}
          options={counties.list.map((c) => ({ value: c.code, label: c.name }))} onChange={(v?: string) => setQuery({ county: v ?? '' })} />
        <label htmlFor="quota-status">结果</label>
        <Select id="quota-status" allowClear placeholder="全部" style={{ width: 140 }} value={status || undefined}
          options={options(QUOTA_STATUS_LABELS)} onChange={(v?: string) => setQuery({ status: v ?? '' })} />
      </div>
      {report.loading && !r ? <Loading /> : null}
      {report.error ? <ErrorNotice error={report.error} onRetry={report.reload} /> : null}
      {r ? (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} className="page-toolbar quota-summary">
            <Descriptions.Item label="核查单位">{r.employers}</Descriptions.Item>
            <Descriptions.Item label="未达到">{r.short}</Descriptions.Item>
            <Descriptions.Item label="已达到">{r.met}</Descriptions.Item>
            <Descriptions.Item label="不在范围">{r.notInScope}</Descriptions.Item>
            <Descriptions.Item label="完成期限">{r.deadline}</Descriptions.Item>
          </Descriptions>
          <Table<Finding>
            size="small"
            rowKey="employerId"
            dataSource={r.findings ?? []}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            className="quota-table"
            caption={<span className="sr-only">用人单位按比例安排残疾人就业核查结果</span>}
            locale={{ emptyText: <Nothing text="用人单位名册为空或没有符合条件的单位" /> }}
            columns={[
              { title: '单位', dataIndex: 'name' },
              { title: '类型', dataIndex: 'kind', render: (v: string) => label(EMPLOYER_KIND_LABELS, v) },
              { title: '层级', dataIndex: 'level', render: (v: string) => label(LEVEL_LABELS, v) },
              { title: '县区', dataIndex: 'county', render: (v?: string | null) => (v ? counties.name(v) : '市级') },
              {
                title: '结果',
                dataIndex: 'status',
                render: (v: string) => <Flag tone={v === 'short' ? 'bad' : v === 'met' ? 'good' : 'neutral'}>{label(QUOTA_STATUS_LABELS, v)}</Flag>,
              },
              { title: '计入人数', dataIndex: 'counted', align: 'right' },
              { title: '应安排', dataIndex: 'required', align: 'right' },
              { title: '差额', dataIndex: 'shortfall', align: 'right' },
              { title: '说明', key: 'reasons', render: (_: unknown, f) => (f.reasons ?? []).join('；') || '—' },
              { title: '依据', key: 'articles', render: (_: unknown, f) => (f.articles ?? []).join('、') },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
