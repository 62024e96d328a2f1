/**
 * 残疾人名册: the register (D1 三(六)1), filtered and paged on the server
 * (GET /api/disability/persons). Names and ID numbers arrive masked for
 * roles whose work does not need them; the page says so.
 */
import { Alert, Button, Form, Input, Select, Table, Typography } from 'antd';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Nothing } from '../../components/States.tsx';
import { Link, navigate, useQuery } from '../../router.tsx';
import { useCounties } from './counties.ts';
import { HOUSEHOLD_LABELS, options } from './labels.ts';

type Person = NonNullable<ResponseOf<'/api/disability/persons'>['items']>[number];
type Household = 'dibao' | 'dibao_marginal' | 'tekun' | 'none';

const PAGE_SIZE = 20;

export default function PersonsPage() {
  const [query, setQuery] = useQuery();
  const q = query.get('q') ?? '';
  const county = query.get('county') ?? '';
  const household = query.get('household') ?? '';
  const page = Number(query.get('page') ?? '1') || 1;
  const counties = useCounties();

  const list = useApi(
    (signal) =>
      unwrap(
        api.GET('/api/disability/persons', {
          params: {
            query: {
              ...(q ? { q } : {}),
              ...(county ? { county } : {}),
              ...(household ? { household: household as Household } : {}),
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    [q, county, household, page],
  );
  const items = list.data?.items ?? [];
  const masked = items.some((p) => p.masked);

  return (
    <>
      <Typography.Paragraph>
        持证残疾人登记名册（鸡政规〔2022〕8号 三(六)1）：按姓名片段、完整身份证号或残疾人证号查找，可按县区与家庭类别筛选。
      </Typography.Paragraph>
      <div className="page-toolbar">
        <Button type="primary" onClick={() => navigate('/disability/persons/new')}>
          登记残疾人
        </Button>
      </div>
      <Form
        name="disability-persons-filter"
        layout="inline"
        className="page-toolbar"
        initialValues={{ q, county: county || undefined, household: household || undefined }}
        onFinish={(v: { q?: string; county?: string; household?: string }) =>
          setQuery({ q: (v.q ?? '').trim(), county: v.county ?? '', household: v.household ?? '', page: '' })
        }
      >
        <Form.Item name="q" label="姓名或证号">
          <Input allowClear placeholder="姓名片段或完整号码" style={{ width: 240 }} maxLength={20} />
        </Form.Item>
        <Form.Item name="county" label="县区">
          <Select allowClear placeholder="全部" style={{ width: 150 }} options={counties.list.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <Form.Item name="household" label="家庭类别">
          <Select allowClear placeholder="全部" style={{ width: 140 }} options={options(HOUSEHOLD_LABELS)} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form.Item>
      </Form>

      {masked ? (
        <Alert type="info" showIcon className="page-toolbar" title="按您的角色，姓名与身份证号、残疾人证号脱敏显示。" />
      ) : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      <Table<Person>
        rowKey="id"
        loading={list.loading}
        dataSource={items}
        caption={<span className="sr-only">残疾人登记名册</span>}
        locale={{ emptyText: <Nothing text={q || county || household ? '没有符合条件的登记人员' : '名册中尚无人员'} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 人`,
          onChange: (next) => setQuery({ page: next === 1 ? '' : next }),
        }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            render: (v: string, p) => (
              <>
                <Link to={`/disability/persons/${encodeURIComponent(p.id ?? '')}`}>{v}</Link>
                {p.synthetic ? (
                  <>
                    {' '}
                    <Flag>合成演示</Flag>
                  </>
                ) : null}
              </>
            ),
          },
          { title: '身份证号', dataIndex: 'residentId', render: (v: string) => <span className="value-cell">{v}</span> },
          { title: '残疾人证号', dataIndex: 'cardNumber', render: (v: string) => <span className="value-cell">{v}</span> },
          { title: '县区', dataIndex: 'countyName' },
          { title: '类别', dataIndex: 'categoryLabel' },
          { title: '等级', dataIndex: 'grade', render: (v: number) => `${v} 级` },
          { title: '家庭类别', dataIndex: 'householdLabel' },
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, p) =>
              p.deceasedOn ? <Flag>已故 {p.deceasedOn}</Flag> : p.movedAwayOn ? <Flag>迁出 {p.movedAwayOn}</Flag> : <Flag tone="good">在册</Flag>,
          },
        ]}
      />
    </>
  );
}
