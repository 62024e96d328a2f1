/**
 * 组织名录: the command, its office, the member units and their duties, the
 * on-site command's 8 working groups and the expert group (D3 2), with
 * contacts the office keeps current and every change logged (D3 6.1
 * 联络联系方式变更报备). Tasks and reports are addressed to these entries.
 */
import { Button, Form, Input, Modal, Table, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useQuery } from '../../router.tsx';
import { ENTRY_FIELDS, ENTRY_KINDS, label } from './labels.ts';
import { callerHeaders, PriceFrame, useOperator } from './operator.tsx';
import { beijingTime } from './WarningsPage.tsx';

type Entry = ResponseOf<'/api/price/directory'>[number];
type Change = ResponseOf<'/api/price/directory/changes'>[number];

export default function DirectoryPage() {
  return (
    <PriceFrame>
      <Directory />
    </PriceFrame>
  );
}

function dataText(value: unknown, names: Map<string, string>): string {
  if (Array.isArray(value)) return value.map((v) => names.get(String(v)) ?? String(v)).join('、');
  if (value === null || value === undefined) return '—';
  return names.get(String(value)) ?? String(value);
}

function Directory() {
  const [query, setQuery] = useQuery();
  const kind = query.get('kind') ?? 'member_unit';
  const [round, setRound] = useState(0);
  const entries = useApi((signal) => unwrap(api.GET('/api/price/directory', { signal })), [round]);
  const changes = useApi((signal) => unwrap(api.GET('/api/price/directory/changes', { signal })), [round]);
  const names = useMemo(() => new Map((entries.data ?? []).map((e) => [e.id ?? '', e.name ?? ''])), [entries.data]);
  const [editing, setEditing] = useState<Entry>();

  return (
    <>
      <Typography.Paragraph>
        鸡政办规〔2022〕20号 2：市价格异常波动应急指挥部（总指挥、副总指挥），指挥部办公室设在市发改委，成员单位各负其责；应急响应时设现场指挥部及 8 个工作组；专家组提供咨询。联络方式变更须报备（6.1），每次修改记入变更记录。
      </Typography.Paragraph>
      {entries.error ? <ErrorNotice error={entries.error} onRetry={entries.reload} /> : null}
      <section className="panel" aria-labelledby="directory-title">
        <Typography.Title level={2} id="directory-title">
          名录
        </Typography.Title>
        <Tabs
          activeKey={kind}
          onChange={(k) => setQuery({ kind: k })}
          items={Object.entries(ENTRY_KINDS).map(([key, title]) => ({
            key,
            label: `${title}（${(entries.data ?? []).filter((e) => e.kind === key).length}）`,
            children: (
              <Table<Entry>
                size="small"
                rowKey={(e) => e.id ?? ''}
                loading={entries.loading}
                dataSource={(entries.data ?? []).filter((e) => e.kind === key)}
                className="directory-table"
                pagination={false}
                caption={<span className="sr-only">{title}</span>}
                columns={[
                  { title: '名称', dataIndex: 'name' },
                  {
                    title: '职责与联络',
                    dataIndex: 'data',
                    render: (d?: Record<string, unknown>) => (
                      <dl className="entry-data">
                        {Object.entries(d ?? {}).map(([k, v]) => (
                          <div key={k}>
                            <dt>{ENTRY_FIELDS[k] ?? k}</dt>
                            <dd>{dataText(v, names)}</dd>
                          </div>
                        ))}
                      </dl>
                    ),
                  },
                  { title: '更新', key: 'updated', render: (_: unknown, e) => `${beijingTime(e.updatedAt)} ${e.updatedBy ?? ''}` },
                  {
                    title: '操作',
                    key: 'edit',
                    render: (_: unknown, e) => (
                      <Button size="small" onClick={() => setEditing(e)} aria-label={`修改 ${e.name ?? ''}`}>
                        修改联络方式
                      </Button>
                    ),
                  },
                ]}
              />
            ),
          }))}
        />
      </section>
      <section className="panel" aria-labelledby="changes-title">
        <Typography.Title level={2} id="changes-title">
          变更记录
        </Typography.Title>
        {changes.error ? <ErrorNotice error={changes.error} onRetry={changes.reload} /> : null}
        <Table<Change>
          size="small"
          rowKey={(c) => c.id ?? ''}
          loading={changes.loading}
          dataSource={changes.data ?? []}
          className="changes-table"
          locale={{ emptyText: <span className="table-empty-text">尚无变更</span> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          caption={<span className="sr-only">名录变更记录</span>}
          columns={[
            { title: '时间', dataIndex: 'changedAt', render: (v: string) => beijingTime(v) },
            { title: '条目', dataIndex: 'entryId', render: (v: string) => names.get(v) ?? v },
            { title: '变更人', dataIndex: 'changedBy' },
            { title: '原因', dataIndex: 'reason' },
            {
              title: '变更内容',
              key: 'diff',
              render: (_: unknown, c) => {
                const before = (c.before?.data ?? {}) as Record<string, unknown>;
                const after = (c.after?.data ?? {}) as Record<string, unknown>;
                const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
                return keys.map((k) => `${ENTRY_FIELDS[k] ?? k}：${dataText(before[k], names)} → ${dataText(after[k], names)}`).join('；') || (c.before ? '名称或排序' : '新增');
              },
            },
          ]}
        />
      </section>
      {editing ? <EditEntry entry={editing} onClose={() => setEditing(undefined)} onSaved={() => setRound((r) => r + 1)} /> : null}
    </>
  );
}

function EditEntry({ entry, onClose, onSaved }: { entry: Entry; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ contact?: string; phone?: string; reason: string }>();
  const [error, setError] = useState<ApiError>();
  const { operator } = useOperator();
  const data = (entry.data ?? {}) as Record<string, unknown>;

  const save = async (v: { contact?: string; phone?: string; reason: string }) => {
    setError(undefined);
    try {
      await unwrap(
        api.PUT('/api/price/directory/{id}', {
          headers: callerHeaders(operator),
          params: { path: { id: entry.id ?? '' } },
          body: {
            kind: entry.kind as 'member_unit',
            name: entry.name ?? '',
            ...(entry.sort !== undefined ? { sort: entry.sort } : {}),
            data: { ...data, contact: v.contact?.trim() ?? '', phone: v.phone?.trim() ?? '' },
            reason: v.reason.trim(),
          },
        }),
      );
      onSaved();
      onClose();
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  return (
    <Modal open title={`修改联络方式：${entry.name ?? ''}`} okText="保存并记入变更记录" cancelText="取消" onCancel={onClose} onOk={() => form.submit()}>
      <Form form={form} layout="vertical" name="entry" onFinish={save} initialValues={{ contact: String(data.contact ?? ''), phone: String(data.phone ?? '') }}>
        <Form.Item name="contact" label="联系人">
          <Input />
        </Form.Item>
        <Form.Item name="phone" label="联系电话" rules={[{ pattern: /^[0-9+\-\s()]*$/, message: '电话号码只含数字、空格和 + - ( )' }]}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="reason" label="变更原因" rules={[{ required: true, message: '请填写变更原因' }]}>
          <Input />
        </Form.Item>
      </Form>
      {error ? <ErrorNotice error={error} /> : null}
    </Modal>
  );
}
