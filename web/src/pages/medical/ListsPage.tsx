/**
 * 监测名单: the push list for identity checks by civil affairs and rural
 * revitalisation offices (D4 §13) and the watch list (D4 §12, §13), by
 * year, with export. Identity numbers are masked on screen; the export is
 * for the receiving office.
 */
import { Button, InputNumber, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';

import { api, download, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Nothing } from '../../components/States.tsx';
import { todayInBeijing } from '../../dates.ts';
import { useDefaultYear } from './defaultYear.ts';
import { maskResidentId } from '../../identity.ts';
import { Link, useQuery } from '../../router.tsx';
import { CATEGORIES, COUNTIES, label } from './labels.ts';

type Row = ResponseOf<'/api/medical/push-list'>[number];

const LISTS = {
  push: { path: '/api/medical/push-list', title: '推送核实名单', file: '推送名单', article: 'D4 第十三条' },
  watch: { path: '/api/medical/watch-list', title: '重点监测名单', file: '重点监测名单', article: 'D4 第十二条、第十三条' },
} as const;

type ListKey = keyof typeof LISTS;

export default function ListsPage() {
  const [query, setQuery] = useQuery();
  const fallbackYear = useDefaultYear();
  const year = Number(query.get('year') ?? fallbackYear ?? todayInBeijing().slice(0, 4));
  const which: ListKey = query.get('list') === 'watch' ? 'watch' : 'push';

  return (
    <>
      <Typography.Paragraph>
        推送核实名单：本年度经基本医保、大病保险报销后个人负担超过规定额度的参保人，推送民政、乡村振兴部门核实身份。重点监测名单：低保边缘家庭成员、农村易返贫致贫人口中个人负担仍然较重者，以及已享受大病保险的监测对象。
      </Typography.Paragraph>
      <div className="page-toolbar">
        <label htmlFor="list-year">年度</label>
        <InputNumber id="list-year" min={2000} max={2100} value={year} onChange={(v) => v && setQuery({ year: v })} />
      </div>
      <Tabs
        activeKey={which}
        onChange={(key) => setQuery({ list: key === 'watch' ? 'watch' : '' })}
        items={(Object.keys(LISTS) as ListKey[]).map((key) => ({
          key,
          label: LISTS[key].title,
          children: <ListTable which={key} year={year} />,
        }))}
      />
    </>
  );
}

function ListTable({ which, year }: { which: ListKey; year: number }) {
  const list = LISTS[which];
  const [failure, setFailure] = useState<ApiError>();
  const rows = useApi(
    (signal) => unwrap(api.GET(list.path, { params: { query: { year } }, signal })),
    [which, year],
  );
  const exportAs = (format: 'csv' | 'xlsx') =>
    download(`${list.path}?year=${year}&format=${format}`, `${list.file}-${year}.${format}`).catch((e) => setFailure(toApiError(e)));

  return (
    <>
      <Space className="page-toolbar">
        <Button onClick={() => void exportAs('xlsx')}>导出 Excel</Button>
        <Button onClick={() => void exportAs('csv')}>导出 CSV</Button>
        <Typography.Text type="secondary">依据：鸡政办规〔2022〕21号 {list.article}</Typography.Text>
      </Space>
      {failure ? <ErrorNotice error={failure} /> : null}
      {rows.error ? <ErrorNotice error={rows.error} onRetry={rows.reload} /> : null}
      <Table<Row>
        size="small"
        rowKey={(r) => `${r.person_id}-${r.reason ?? ''}`}
        loading={rows.loading}
        dataSource={rows.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 人` }}
        caption={<span className="sr-only">{list.title}</span>}
        locale={{ emptyText: <Nothing text={`${year} 年名单为空`} /> }}
        columns={[
          {
            title: '身份证号',
            dataIndex: 'person_id',
            render: (id: string) => (
              <Link to={`/medical/persons/${encodeURIComponent(id)}`} aria-label={`查看参保人 ${maskResidentId(id)}`}>
                {maskResidentId(id)}
              </Link>
            ),
          },
          { title: '区县', dataIndex: 'county', render: (c?: string) => label(COUNTIES, c) },
          ...(which === 'watch'
            ? [
                { title: '类别', dataIndex: 'category', render: (c?: string) => label(CATEGORIES, c) },
                { title: '列入原因', dataIndex: 'reason' },
                { title: '大病保险支付（元）', dataIndex: 'critical_paid', align: 'right' as const },
              ]
            : []),
          {
            title: '个人负担（元）',
            dataIndex: 'burden',
            align: 'right' as const,
            sorter: (a: Row, b: Row) => Number(a.burden ?? 0) - Number(b.burden ?? 0),
          },
        ]}
      />
    </>
  );
}
