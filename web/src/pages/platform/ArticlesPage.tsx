/**
 * 条款对照: every article of each document and the rules that implement it,
 * or the one line saying why it has no computable content, and the clauses
 * not yet modelled (gap).
 */
import { Table, Tabs, Typography } from 'antd';

import { getWithoutSchema } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Loading, Nothing } from '../../components/States.tsx';
import { useQuery } from '../../router.tsx';
import type { ArticleEntry, ArticleManifest } from '../../../../src/core/params/articles.ts';
import type { PolicyDocument } from '../../../../src/core/params/types.ts';

export default function ArticlesPage() {
  const [query, setQuery] = useQuery();
  const manifests = useApi((signal) => getWithoutSchema<ArticleManifest[]>('/api/articles', signal), []);
  const documents = useApi((signal) => getWithoutSchema<PolicyDocument[]>('/api/documents', signal), []);

  if (manifests.loading) return <Loading />;
  if (manifests.error) return <ErrorNotice error={manifests.error} onRetry={manifests.reload} />;
  const list = manifests.data ?? [];
  if (list.length === 0) return <Nothing text="各部分的条款对照表尚未载入" />;

  const titleOf = (id: string) => {
    const d = documents.data?.find((x) => x.id === id);
    return d ? `${d.number}` : id;
  };
  const active = query.get('document') ?? list[0]!.document;

  return (
    <>
      <Typography.Paragraph>
        每份文件的每一条：由哪些规则实现，或者为什么没有可计算的内容；“未建模”写明尚未实现的部分及现行做法。
      </Typography.Paragraph>
      <Tabs
        activeKey={active}
        onChange={(key) => setQuery({ document: key })}
        items={list.map((m) => ({
          key: m.document,
          label: titleOf(m.document),
          children: <ManifestTable manifest={m} />,
        }))}
      />
    </>
  );
}

function ManifestTable({ manifest }: { manifest: ArticleManifest }) {
  return (
    <Table<ArticleEntry>
      size="small"
      rowKey="article"
      dataSource={manifest.articles}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      caption={<span className="sr-only">{manifest.document} 条款对照表</span>}
      columns={[
        { title: '条款', dataIndex: 'article', width: 120 },
        { title: '内容', dataIndex: 'title' },
        {
          title: '实现',
          key: 'rules',
          render: (_: unknown, a) =>
            a.rules?.length ? (
              <ul className="plain-list">
                {a.rules.map((r) => (
                  <li key={r}>
                    <Typography.Text code>{r}</Typography.Text>
                  </li>
                ))}
              </ul>
            ) : (
              <span>
                <Flag>无计算内容</Flag>
                {a.noRule}
              </span>
            ),
        },
        {
          title: '未建模',
          dataIndex: 'gap',
          render: (gap?: string) => (gap ? <span><Flag tone="warn">未建模</Flag>{gap}</span> : '—'),
        },
      ]}
    />
  );
}
