/**
 * 市场主体: find an entity by name or 统一社会信用代码 (the list carries no
 * result: results are not public), open its 信用档案, or register one. A
 * full, well-formed code opens the entity directly.
 */
import { Button, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { applyProblemsToForm, ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Nothing } from '../../components/States.tsx';
import { Link, navigate, useQuery } from '../../router.tsx';
import { CreditFrame, useCaller } from './caller.tsx';
import { USCC_PATTERN } from './labels.ts';

type Entity = ResponseOf<'/api/credit/entities'>['items'] extends (infer E)[] | undefined ? E : never;

const PAGE_SIZE = 20;

export default function EntitiesPage() {
  return (
    <CreditFrame>
      <Entities />
    </CreditFrame>
  );
}

function Entities() {
  const { headers, may, caller } = useCaller();
  const [query, setQuery] = useQuery();
  const q = query.get('q') ?? '';
  const page = Number(query.get('page') ?? '1') || 1;

  const list = useApi(
    async (signal) =>
      may('record.read')
        ? unwrap(api.GET('/api/credit/entities', { params: { query: { ...(q ? { q } : {}), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } }, headers, signal }))
        : { total: 0, items: [] },
    [q, page, JSON.stringify(headers), may('record.read')],
  );

  const onSearch = ({ q: text }: { q?: string }) => {
    const value = (text ?? '').trim();
    if (USCC_PATTERN.test(value.toUpperCase())) {
      navigate(`/credit/entities/${value.toUpperCase()}`);
      return;
    }
    setQuery({ q: value, page: '' });
  };

  if (caller.role === 'entity') {
    return (
      <Typography.Paragraph>
        市场主体账号只能查看本主体的信用信息：请打开 <Link to="/credit/me">本主体信用</Link>。
      </Typography.Paragraph>
    );
  }

  return (
    <>
      <Typography.Paragraph>
        按名称或统一社会信用代码查找市场主体；输入完整的18位代码直接打开信用档案。列表不含评价结果（评价结果不公开，查看档案时留痕）。
      </Typography.Paragraph>
      <Form name="entity-search" layout="inline" className="page-toolbar" initialValues={{ q }} onFinish={onSearch} role="search">
        <Form.Item name="q" label="名称或代码">
          <Input allowClear style={{ width: 280 }} maxLength={200} placeholder="如 鸡西 或 91230302MA1AAA130B" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form.Item>
      </Form>

      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {may('record.read') ? (
        <Table<Entity>
          rowKey="uscc"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          caption={<span className="sr-only">市场主体列表</span>}
          locale={{ emptyText: <Nothing text={q ? '没有符合条件的市场主体' : '尚无市场主体'} /> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 户`,
            onChange: (next) => setQuery({ page: next === 1 ? '' : next }),
          }}
          columns={[
            { title: '统一社会信用代码', dataIndex: 'uscc', render: (v: string) => <Link to={`/credit/entities/${v}`}>{v}</Link> },
            { title: '名称', dataIndex: 'name' },
            { title: '成立日期', dataIndex: 'established' },
            { title: '区划', dataIndex: 'area' },
          ]}
        />
      ) : (
        <Typography.Paragraph>当前角色不能浏览主体列表；输入完整代码可查询该主体的等级与准入事项。</Typography.Paragraph>
      )}
      {may('entity.write') ? <RegisterEntity onSaved={list.reload} /> : null}
    </>
  );
}

function RegisterEntity({ onSaved }: { onSaved: () => void }) {
  const { headers } = useCaller();
  const [form] = Form.useForm<{ uscc: string; name: string; established: string }>();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();

  const save = async (values: { uscc: string; name: string; established: string }) => {
    setError(undefined);
    setSaved(undefined);
    try {
      const answer = await unwrap(
        api.POST('/api/credit/entities', {
          body: { uscc: values.uscc.trim().toUpperCase(), name: values.name.trim(), established: values.established },
          headers,
        }),
      );
      setSaved(`${answer.created ? '已登记' : '已更新'} ${answer.entity?.name}（${answer.entity?.uscc}）${(answer.warnings ?? []).length ? `；提示：${answer.warnings?.join('；')}` : ''}`);
      form.resetFields();
      onSaved();
    } catch (cause) {
      const failure = toApiError(cause);
      applyProblemsToForm(form, failure, ['uscc', 'name', 'established']);
      setError(failure);
    }
  };

  return (
    <section className="panel" aria-labelledby="register-title">
      <Typography.Title level={2} id="register-title">
        登记市场主体
      </Typography.Title>
      <Form form={form} name="register-entity" layout="inline" className="page-toolbar" onFinish={save}>
        <Form.Item
          name="uscc"
          label="统一社会信用代码"
          rules={[
            { required: true, message: '请输入统一社会信用代码' },
            { validator: (_: unknown, v?: string) => (!v || USCC_PATTERN.test(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error('应为18位，由数字和除 I、O、Z、S、V 外的大写字母组成'))) },
          ]}
        >
          <Input style={{ width: 220 }} maxLength={18} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }]}>
          <Input style={{ width: 240 }} maxLength={200} />
        </Form.Item>
        <Form.Item name="established" label="成立日期" rules={[{ required: true, message: '请选择成立日期' }]}>
          <Input type="date" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            登记
          </Button>
        </Form.Item>
      </Form>
      <div aria-live="polite">
        {saved ? <Typography.Paragraph>{saved}</Typography.Paragraph> : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    </section>
  );
}
