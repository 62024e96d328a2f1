/**
 * 接口目录: a department whose API has landed before its pages. Lists what
 * the platform offers for it, from the OpenAPI document.
 */
import { Table, Typography } from 'antd';

import { useCapabilities, type Operation } from '../api/capabilities.tsx';
import { Loading, Nothing } from '../components/States.tsx';
import type { PageProps } from '../routes.tsx';
import { sectionByTag } from '../sections.ts';

export default function CatalogPage({ params }: PageProps) {
  const tag = params.tag ?? '';
  const { caps, loading } = useCapabilities();
  if (loading) return <Loading />;

  const rows = (caps?.operations ?? []).filter((o) => o.tags.includes(tag));
  const title = sectionByTag(tag)?.title ?? tag;
  return (
    <>
      <Typography.Paragraph>
        “{title}”部分的接口已经提供，页面正在建设中。接口说明见 <a href="/docs">接口文档</a>。
      </Typography.Paragraph>
      <Table<Operation>
        size="small"
        rowKey={(o) => `${o.method} ${o.path}`}
        dataSource={rows}
        pagination={false}
        caption={<span className="sr-only">{title}接口目录</span>}
        locale={{ emptyText: <Nothing text="该部分尚无接口" /> }}
        columns={[
          { title: '说明', dataIndex: 'summary' },
          { title: '方法', dataIndex: 'method', width: 80 },
          { title: '地址', dataIndex: 'path', render: (p: string) => <Typography.Text code>{p}</Typography.Text> },
        ]}
      />
    </>
  );
}
