/**
 * Runs of one year side by side with the baseline: totals by area, item,
 * county and category. Says so when the runs' baselines differ.
 */
import { Alert, Table, Typography } from 'antd';

import { api, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Loading } from '../../components/States.tsx';
import { formatYuan } from '../../money.ts';
import { Link, useQuery } from '../../router.tsx';

const GROUP_TITLES: Record<string, string> = { total: '合计', area: '领域', item: '项目', county: '县区', category: '类别' };

export default function ComparePage() {
  const [query] = useQuery();
  const runs = query.get('runs') ?? '';
  const comparison = useApi((signal) => unwrap(api.GET('/api/simulation/compare', { params: { query: { runs } }, signal })), [runs]);

  if (comparison.loading && !comparison.data) return <Loading />;
  if (comparison.error) return <ErrorNotice error={comparison.error} onRetry={comparison.reload} />;
  const c = comparison.data!;
  const rows = (c.rows ?? []).map((r, index) => ({ ...r, index }));

  return (
    <section className="panel" aria-labelledby="compare-title">
      <Typography.Title level={2} id="compare-title">
        {c.year} 年测算比较
      </Typography.Title>
      {c.baselineConsistent === false ? (
        <Alert type="warning" showIcon title="所选测算的基线不同（测算之间数据或现行规则有变化），差额请分别与各自基线比较" />
      ) : null}
      <Table
        size="small"
        rowKey="index"
        dataSource={rows}
        pagination={false}
        caption={<span className="sr-only">测算比较</span>}
        columns={[
          { title: '分组', dataIndex: 'group', render: (v: string) => GROUP_TITLES[v] ?? v },
          { title: '项目', dataIndex: 'title' },
          { title: '基线（元）', dataIndex: 'baseline', align: 'right', render: (v: number) => formatYuan(v ?? 0) },
          ...(c.runs ?? []).map((run, i) => ({
            title: <Link to={`/simulation/runs/${run.runId}`}>{run.name}（元）</Link>,
            key: run.runId ?? String(i),
            align: 'right' as const,
            render: (_: unknown, r: (typeof rows)[number]) => formatYuan(r.scenarios?.[i] ?? 0),
          })),
        ]}
      />
    </section>
  );
}
