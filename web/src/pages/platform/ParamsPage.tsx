/**
 * 政策参数: every dated parameter with its unit, citation and the value in
 * force today. Document and keyword filter on the server (GET /api/params
 * ?document=&q=); the list is short enough to page and sort in the table.
 */
import { Form, Input, Select, Table, Typography } from 'antd';

import { api, getWithoutSchema, unwrap, type ResponseOf } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Flag } from '../../components/Flag.tsx';
import { Nothing } from '../../components/States.tsx';
import { todayInBeijing, withinInterval } from '../../dates.ts';
import { Link, useQuery } from '../../router.tsx';
import { formatParamValue, unitLabel } from '../../units.ts';
import type { PolicyDocument } from '../../../../src/core/params/types.ts';

type Param = ResponseOf<'/api/params'>[number];

const PAGE_SIZE = 20;

export function inForceOn(param: Param, date: string) {
  return (param.versions ?? []).find((v) => withinInterval(date, v.from, v.to));
}

export default function ParamsPage() {
  const [query, setQuery] = useQuery();
  const document = query.get('document') ?? '';
  const q = query.get('q') ?? '';
  const page = Number(query.get('page') ?? '1') || 1;
  const sort = query.get('sort') ?? '';
  const today = todayInBeijing();

  const documents = useApi((signal) => getWithoutSchema<PolicyDocument[]>('/api/documents', signal), []);
  const list = useApi(
    (signal) =>
      unwrap(
        api.GET('/api/params', {
          params: { query: { ...(document ? { document } : {}), ...(q ? { q } : {}) } },
          signal,
        }),
      ),
    [document, q],
  );

  const rows = [...(list.data ?? [])];
  if (sort === 'id' || sort === '-id') {
    rows.sort((a, b) => (a.id ?? '').localeCompare(b.id ?? '') * (sort === 'id' ? 1 : -1));
  }

  return (
    <>
      <Typography.Paragraph>
        平台中的每个金额、比例、期限和日期都来自政策文件，按生效日期分段保存，并注明文号和条款。
        标“解读”的是文件允许多种理解时平台采用的理解，标“待确认”的是文件未写明、请主管部门确认的取值。
      </Typography.Paragraph>

      <Form
        layout="inline"
        className="page-toolbar"
        name="params-filter"
        initialValues={{ document, q }}
        onFinish={(values: { document?: string; q?: string }) =>
          setQuery({ document: values.document ?? '', q: values.q?.trim() ?? '', page: '' })
        }
      >
        <Form.Item label="政策文件" name="document">
          <Select
            style={{ width: 320 }}
            allowClear
            placeholder="全部文件"
            loading={documents.loading}
            options={(documents.data ?? []).map((d) => ({ value: d.id, label: `${d.number} ${d.title}` }))}
            onChange={(value?: string) => setQuery({ document: value ?? '', page: '' })}
          />
        </Form.Item>
        <Form.Item label="关键词" name="q">
          <Input.Search
            style={{ width: 280 }}
            placeholder="参数名称或编号"
            allowClear
            enterButton="查询"
            onSearch={(value) => setQuery({ q: value.trim(), page: '' })}
          />
        </Form.Item>
      </Form>

      {documents.error ? <ErrorNotice error={documents.error} onRetry={documents.reload} /> : null}
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}

      <Table<Param>
        rowKey={(p) => p.id ?? ''}
        loading={list.loading}
        dataSource={rows}
        locale={{ emptyText: <Nothing text={q || document ? '没有符合条件的参数' : '尚未载入政策参数'} /> }}
        caption={<span className="sr-only">政策参数列表，共 {rows.length} 项</span>}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: rows.length,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 项`,
          onChange: (next) => setQuery({ page: next === 1 ? '' : next }),
        }}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setQuery({ sort: s?.order ? (s.order === 'ascend' ? 'id' : '-id') : '' });
        }}
        columns={[
          {
            title: '参数',
            key: 'id',
            sorter: true,
            sortOrder: sort === 'id' ? 'ascend' : sort === '-id' ? 'descend' : null,
            render: (_: unknown, p) => (
              <div>
                <Link to={`/params/${encodeURIComponent(p.id ?? '')}`}>{p.label}</Link>
                <div>
                  <Typography.Text type="secondary" code>
                    {p.id}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: '依据',
            key: 'citation',
            render: (_: unknown, p) => (
              <span>
                {p.citation?.number} {p.citation?.article}
              </span>
            ),
          },
          { title: '单位', dataIndex: 'unit', width: 96, render: (unit: string) => unitLabel(unit) },
          {
            title: `现行取值（${today}）`,
            key: 'value',
            render: (_: unknown, p) => {
              const version = inForceOn(p, today);
              if (!version) return <Typography.Text type="secondary">今日无生效取值</Typography.Text>;
              return (
                <span className="value-cell">
                  {formatParamValue(version.raw, p.unit ?? '', true)}
                  <Typography.Text type="secondary">（自 {version.from} 起）</Typography.Text>
                </span>
              );
            },
          },
          {
            title: '标记',
            key: 'flags',
            width: 140,
            render: (_: unknown, p) => (
              <>
                {p.reading ? <Flag tone="info">解读</Flag> : null}
                {p.confirm ? <Flag tone="warn">待确认</Flag> : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
