/**
 * 搜索: one box for what a clerk looks up — policy parameters now, insured
 * persons once the medical API offers a person search.
 */
import { List, Typography } from 'antd';

import { api, unwrap } from '../api/client.ts';
import { useApi } from '../api/useApi.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Loading, Nothing } from '../components/States.tsx';
import { Link, useQuery } from '../router.tsx';

export default function SearchPage() {
  const [query] = useQuery();
  const q = (query.get('q') ?? '').trim();

  const params = useApi(
    (signal) => (q ? unwrap(api.GET('/api/params', { params: { query: { q } }, signal })) : Promise.resolve([])),
    [q],
  );

  if (!q) return <Nothing text="请在页面上方的搜索框输入身份证号、姓名或政策参数名称" />;
  return (
    <>
      <Typography.Paragraph>“{q}”的搜索结果</Typography.Paragraph>
      <Typography.Title level={2}>政策参数</Typography.Title>
      {params.loading ? <Loading /> : null}
      {params.error ? <ErrorNotice error={params.error} onRetry={params.reload} /> : null}
      {params.data ? (
        <List
          className="panel"
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
