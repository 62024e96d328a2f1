/**
 * 搜索: one box for what a clerk looks up — insured persons by identity
 * number (the full number opens the person, a prefix lists matches,
 * masked) and policy parameters by name or id.
 */
import { List, Typography } from 'antd';

import { useCapabilities } from '../api/capabilities.tsx';
import { api, unwrap } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Loading, Nothing } from '../components/States.tsx';
import { checkResidentId } from '../identity.ts';
import { Link, useQuery } from '../router.tsx';

const PERSONS = 'GET /api/medical/persons';

export default function SearchPage() {
  const [query] = useQuery();
  const q = (query.get('q') ?? '').trim();
  const { caps } = useCapabilities();
  const idLike = /^\d{1,17}[\dXx]?$/.test(q);
  const fullId = q.length === 18 && checkResidentId(q.toUpperCase()).ok ? q.toUpperCase() : undefined;
  const searchPersons = !!caps?.has(PERSONS) && idLike && !fullId;

  const params = useApi(
    (signal) => (q ? unwrap(api.GET('/api/params', { params: { query: { q } }, signal })) : Promise.resolve([])),
    [q],
  );
  const persons = useApi(
    (signal) =>
      searchPersons
        ? unwrap(api.GET('/api/medical/persons', { params: { query: { q: q.toUpperCase(), limit: 20 } }, signal }))
        : Promise.resolve(undefined),
    [q, searchPersons],
  );

  if (!q) return <Nothing text="请在页面上方的搜索框输入身份证号或政策参数名称" />;
  return (
    <>
      <Typography.Paragraph>“{q}”的搜索结果</Typography.Paragraph>

      {caps?.has(PERSONS) && idLike ? (
        <>
          <Typography.Title level={2}>参保人员</Typography.Title>
          {fullId ? (
            <Typography.Paragraph>
              <Link to={`/medical/persons/${encodeURIComponent(fullId)}`}>打开参保人 {fullId}</Link>
            </Typography.Paragraph>
          ) : null}
          {persons.loading ? <Loading /> : null}
          {persons.error ? <ErrorNotice error={persons.error} onRetry={persons.reload} /> : null}
          {persons.data ? (
            <List
              className="panel search-persons"
              dataSource={persons.data.persons ?? []}
              locale={{ emptyText: <Nothing text="没有匹配的参保人" /> }}
              header={`共 ${persons.data.total ?? 0} 人（身份证号与姓名脱敏显示，输入完整号码可打开参保人）`}
              renderItem={(p) => (
                <List.Item>
                  {p.person_id} {p.name ?? ''}
                </List.Item>
              )}
            />
          ) : null}
        </>
      ) : null}

      <Typography.Title level={2}>政策参数</Typography.Title>
      {params.loading ? <Loading /> : null}
      {params.error ? <ErrorNotice error={params.error} onRetry={params.reload} /> : null}
      {params.data ? (
        <List
          className="panel search-params"
          dataSource={params.data}
          locale={{ emptyText: <Nothing text="没有匹配的政策参数" /> }}
          renderItem={(p) => (
            <List.Item>
              <Link to={`/params/${encodeURIComponent(p.id ?? '')}`}>{p.label}</Link>
              <Typography.Text type="secondary">
                {p.citation?.number} {p.citation?.article}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : null}
    </>
  );
}
