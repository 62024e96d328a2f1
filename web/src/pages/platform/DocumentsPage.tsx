/** 政策文件: the documents of the bulletin the platform implements. */
import { Table, Typography } from 'antd';

import { getWithoutSchema } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Nothing } from '../../components/States.tsx';
import { Link } from '../../router.tsx';
import type { PolicyDocument } from '../../../../src/core/params/types.ts';

export default function DocumentsPage() {
  const documents = useApi((signal) => getWithoutSchema<PolicyDocument[]>('/api/documents', signal), []);

  return (
    <>
      <Typography.Paragraph>《鸡西市人民政府公报》2022年第5期所载、由本平台执行的政策文件。</Typography.Paragraph>
      {documents.error ? <ErrorNotice error={documents.error} onRetry={documents.reload} /> : null}
      <DocumentTable documents={documents.data ?? []} loading={documents.loading} />
    </>
  );
}

export function DocumentTable({ documents, loading }: { documents: PolicyDocument[]; loading: boolean }) {
  return (
    <Table<PolicyDocument>
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={documents}
      caption={<span className="sr-only">政策文件目录</span>}
      locale={{ emptyText: <Nothing text="尚未载入政策文件" /> }}
      columns={[
        { title: '文号', dataIndex: 'number', width: 200 },
        { title: '名称', dataIndex: 'title' },
        { title: '施行日期', dataIndex: 'inForce', width: 120, render: (d?: string) => d ?? '—' },
        { title: '废止', dataIndex: 'repeals', render: (d?: string) => d ?? '—' },
        {
          title: '查看',
          key: 'links',
          width: 200,
          render: (_: unknown, d) => (
            <span>
              <Link to={`/params?document=${encodeURIComponent(d.id)}`} aria-label={`${d.number}的政策参数`}>
                参数
              </Link>
              {' · '}
              <Link to={`/articles?document=${encodeURIComponent(d.id)}`} aria-label={`${d.number}的条款对照`}>
                条款
              </Link>
            </span>
          ),
        },
      ]}
    />
  );
}
