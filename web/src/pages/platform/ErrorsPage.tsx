/** 错误代码: the one catalog of error codes, as the platform reports them. */
import { Input, Table, Typography } from 'antd';

import { getWithoutSchema } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Nothing } from '../../components/States.tsx';
import { useQuery } from '../../router.tsx';
import type { ErrorSpec } from '../../../../src/core/errors.ts';

interface Row extends ErrorSpec {
  code: string;
}

export default function ErrorsPage() {
  const [query, setQuery] = useQuery();
  const q = (query.get('q') ?? '').trim();
  const catalog = useApi((signal) => getWithoutSchema<Record<string, ErrorSpec>>('/api/errors', signal), []);

  const rows: Row[] = Object.entries(catalog.data ?? {})
    .map(([code, spec]) => ({ code, ...spec }))
    .filter((r) => !q || r.code.includes(q.toUpperCase()) || r.message.includes(q))
    .sort((a, b) => a.code.localeCompare(b.code));

  return (
    <>
      <Typography.Paragraph>
        平台出错时给出错误代码和中文说明；输入有误时逐行列出字段、取值和原因。向运维人员报告问题时请提供错误代码。
      </Typography.Paragraph>
      <div className="page-toolbar">
        <Input.Search
          aria-label="按错误代码或说明筛选"
          placeholder="错误代码或说明"
          defaultValue={q}
          allowClear
          enterButton="筛选"
          style={{ width: 320 }}
          onSearch={(value) => setQuery({ q: value.trim() })}
        />
      </div>
      {catalog.error ? <ErrorNotice error={catalog.error} onRetry={catalog.reload} /> : null}
      <Table<Row>
        rowKey="code"
        size="small"
        loading={catalog.loading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        caption={<span className="sr-only">错误代码目录</span>}
        locale={{ emptyText: <Nothing text="没有符合条件的错误代码" /> }}
        columns={[
          { title: '错误代码', dataIndex: 'code', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
          { title: 'HTTP', dataIndex: 'status', width: 80 },
          { title: '说明', dataIndex: 'message' },
          { title: '英文', dataIndex: 'en' },
        ]}
      />
    </>
  );
}
