/** 首页: what the platform offers now, by department, and its documents. */
import { Card, Col, Row, Typography } from 'antd';

import { getWithoutSchema } from '../api/client.ts';
import { useCapabilities } from '../api/capabilities.tsx';
import { useApi } from '../api/useApi.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { Loading } from '../components/States.tsx';
import { buildMenu } from '../menu.ts';
import { Link } from '../router.tsx';
import { ROUTES } from '../routes.tsx';
import type { PolicyDocument } from '../../../src/core/params/types.ts';
import { DocumentTable } from './platform/DocumentsPage.tsx';

export default function HomePage() {
  const { caps, loading } = useCapabilities();
  const documents = useApi((signal) => getWithoutSchema<PolicyDocument[]>('/api/documents', signal), []);
  const sections = caps ? buildMenu(ROUTES, caps) : [];

  return (
    <>
      <Typography.Paragraph>
        本平台执行《鸡西市人民政府公报》2022年第5期所载政策：每条规则注明所依据的条款，每个数字都是注明文号、条款和生效日期的政策参数。
      </Typography.Paragraph>

      <Typography.Title level={2}>业务</Typography.Title>
      {loading ? <Loading /> : null}
      <Row gutter={[16, 16]} className="home-sections">
        {sections.map((s) => (
          <Col key={s.key} xs={24} sm={12} lg={8}>
            <Card title={<h3 className="card-title">{s.title}</h3>} size="small">
              <ul className="plain-list">
                {s.items.map((i) => (
                  <li key={i.path}>
                    <Link to={i.path}>{i.title}</Link>
                  </li>
                ))}
              </ul>
            </Card>
          </Col>
        ))}
      </Row>

      <Typography.Title level={2}>政策文件</Typography.Title>
      {documents.error ? <ErrorNotice error={documents.error} onRetry={documents.reload} /> : null}
      <DocumentTable documents={documents.data ?? []} loading={documents.loading} />
    </>
  );
}
