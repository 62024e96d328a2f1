/**
 * 查询记录 (D2 二(四)1): every read of a credit result — who, in what role,
 * what, when and why, granted or refused — for the credit office and the
 * system administrator to review.
 */
import { Button, Form, Input, Typography } from 'antd';

import { api, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useQuery } from '../../router.tsx';
import { CreditFrame, useCaller } from './caller.tsx';
import { AccessLogTable } from './MyCreditPage.tsx';

export default function AccessLogPage() {
  return (
    <CreditFrame>
      <AccessLog />
    </CreditFrame>
  );
}

function AccessLog() {
  const { headers } = useCaller();
  const [query, setQuery] = useQuery();
  const filters = { uscc: query.get('uscc') ?? '', user: query.get('user') ?? '', from: query.get('from') ?? '', to: query.get('to') ?? '' };
  const log = useApi(
    (signal) =>
      unwrap(
        api.GET('/api/credit/access-log', {
          params: { query: { ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), limit: 200 } },
          headers,
          signal,
        }),
      ),
    [JSON.stringify(filters), JSON.stringify(headers)],
  );

  return (
    <>
      <Typography.Paragraph>查询记录只增不改；每次查看、被拒绝的查看都在其中。共 {log.data?.total ?? 0} 条。</Typography.Paragraph>
      <Form name="access-log-filter" layout="inline" className="page-toolbar" initialValues={filters} onFinish={(v) => setQuery(v)}>
        <Form.Item name="uscc" label="查询对象代码">
          <Input style={{ width: 210 }} maxLength={18} />
        </Form.Item>
        <Form.Item name="user" label="查询人">
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="from" label="自">
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="to" label="至">
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form.Item>
      </Form>
      {log.error ? <ErrorNotice error={log.error} onRetry={log.reload} /> : null}
      <AccessLogTable items={log.data?.items ?? []} loading={log.loading} />
    </>
  );
}
