/**
 * 参保人员: find an insured person by identity number (a prefix lists the
 * matches, masked; the full number opens the person). Filters and paging
 * are the server's (GET /api/medical/persons).
 */
import { Button, Form, Input, Select, Table, Typography } from 'antd';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Nothing } from '../../components/States.tsx';
import { checkResidentId } from '../../identity.ts';
import { navigate, useQuery } from '../../router.tsx';
import { CATEGORIES, COUNTIES, EMPLOYMENTS, label, SCHEMES, SEXES } from './labels.ts';

type Person = ResponseOf<'/api/medical/persons'>['persons'] extends (infer P)[] | undefined ? P : never;

const PAGE_SIZE = 20;
const options = (table: Record<string, string>) => Object.entries(table).map(([value, text]) => ({ value, label: text }));

export default function PersonsPage() {
  const [query, setQuery] = useQuery();
  const q = query.get('q') ?? '';
  const scheme = query.get('scheme') ?? '';
  const category = query.get('category') ?? '';
  const county = query.get('county') ?? '';
  const page = Number(query.get('page') ?? '1') || 1;

  const list = useApi(
    (signal) =>
      unwrap(
        api.GET('/api/medical/persons', {
          params: {
            query: {
              ...(q ? { q } : {}),
              ...(scheme === 'employee' || scheme === 'resident' ? { scheme } : {}),
              ...(category ? { category } : {}),
              ...(county ? { county } : {}),
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    [q, scheme, category, county, page],
  );

  const onSearch = (values: { q?: string; scheme?: string; category?: string; county?: string }) => {
    const text = (values.q ?? '').trim().toUpperCase();
    if (text.length === 18 && checkResidentId(text).ok) {
      navigate(`/medical/persons/${encodeURIComponent(text)}`);
      return;
    }
    setQuery({ q: text, scheme: values.scheme ?? '', category: values.category ?? '', county: values.county ?? '', page: '' });
  };

  return (
    <>
      <Typography.Paragraph>
        输入完整的18位身份证号直接打开参保人；输入前几位列出匹配的参保人（列表中身份证号与姓名脱敏显示）。
      </Typography.Paragraph>
      <Form
        name="persons-filter"
        layout="inline"
        className="page-toolbar"
        initialValues={{ q, scheme: scheme || undefined, category: category || undefined, county: county || undefined }}
        onFinish={onSearch}
      >
        <Form.Item
          name="q"
          label="身份证号"
          rules={[{ pattern: /^\d{0,17}[\dXx]?$/, message: '身份证号只能是数字，末位可为X' }]}
        >
          <Input allowClear placeholder="完整号码或前几位" style={{ width: 240 }} maxLength={18} />
        </Form.Item>
        <Form.Item name="scheme" label="参保类型">
          <Select allowClear placeholder="全部" style={{ width: 160 }} options={options(SCHEMES)} />
        </Form.Item>
        <Form.Item name="category" label="救助类别">
          <Select allowClear placeholder="全部" style={{ width: 220 }} options={options(CATEGORIES)} />
        </Form.Item>
        <Form.Item name="county" label="区县">
          <Select allowClear placeholder="全部" style={{ width: 150 }} options={options(COUNTIES)} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form.Item>
      </Form>

      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      <Table<Person>
        rowKey={(p) => `${p.person_id}-${p.county}-${p.name}`}
        loading={list.loading}
        dataSource={list.data?.persons ?? []}
        caption={<span className="sr-only">参保人员列表（身份证号与姓名脱敏）</span>}
        locale={{ emptyText: <Nothing text={q || scheme || category || county ? '没有符合条件的参保人' : '尚无参保人员'} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 人`,
          onChange: (next) => setQuery({ page: next === 1 ? '' : next }),
        }}
        columns={[
          { title: '身份证号', dataIndex: 'person_id', render: (v: string) => <span className="value-cell">{v}</span> },
          { title: '姓名', dataIndex: 'name', render: (v?: string | null) => v ?? '—' },
          { title: '性别', dataIndex: 'sex', width: 64, render: (v?: string) => label(SEXES, v) },
          { title: '区县', dataIndex: 'county', render: (v?: string) => label(COUNTIES, v) },
          {
            title: '参保',
            key: 'scheme',
            render: (_: unknown, p) =>
              (p.enrolments ?? [])
                .map((e) => `${label(SCHEMES, e.scheme)}${e.employment ? ` ${label(EMPLOYMENTS, e.employment)}` : ''}`)
                .join('；') || '—',
          },
          {
            title: '救助类别',
            key: 'categories',
            render: (_: unknown, p) => (p.categories ?? []).map((c) => label(CATEGORIES, c.code)).join('、') || '—',
          },
        ]}
      />
    </>
  );
}
