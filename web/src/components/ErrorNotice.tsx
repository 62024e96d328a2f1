/**
 * The one way the interface shows a failed request: the platform's Chinese
 * message, its code for the help desk, and a table of problems naming row,
 * field, value and reason. Forms additionally put each problem under its
 * field (applyProblemsToForm).
 */
import { Alert, Button, Table, Typography } from 'antd';
import type { FormInstance } from 'antd';

import { problemFieldName, type ApiError, type Problem } from '../api/errors.ts';

export function ErrorNotice({
  error,
  onRetry,
  fieldLabels = {},
}: {
  error: ApiError;
  onRetry?: () => void;
  /** Chinese labels for the API's field names. */
  fieldLabels?: Record<string, string>;
}) {
  const label = (field: string) => fieldLabels[problemFieldName(field)] ?? field;
  const rows = error.problems.map((p, index) => ({ ...p, key: index }));

  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="error-notice"
      title={error.message}
      description={
        <div>
          <Typography.Text>
            错误代码 <Typography.Text code>{error.code}</Typography.Text>
            {error.status ? `（HTTP ${error.status}）` : null}
          </Typography.Text>
          {rows.length > 0 ? (
            <Table<Problem & { key: number }>
              size="small"
              className="error-problems"
              pagination={rows.length > 10 ? { pageSize: 10 } : false}
              dataSource={rows}
              caption={<span className="sr-only">问题明细</span>}
              columns={[
                { title: '行', dataIndex: 'row', width: 64, render: (v?: number) => v ?? '—' },
                { title: '字段', dataIndex: 'field', render: (v: string) => label(v) },
                { title: '值', dataIndex: 'value', render: (v: unknown) => (v === undefined || v === null || v === '' ? '—' : String(v)) },
                { title: '原因', dataIndex: 'reason' },
              ]}
            />
          ) : null}
        </div>
      }
      action={
        error.code === 'ERR_AUTH_REQUIRED' ? (
          <Button
            type="primary"
            href={`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`}
          >
            登录
          </Button>
        ) : onRetry ? (
          <Button onClick={onRetry}>重试</Button>
        ) : undefined
      }
    />
  );
}

/**
 * Put each problem whose field is on the form under that field; returns
 * true when at least one was placed.
 */
export function applyProblemsToForm(form: FormInstance, error: ApiError, fields: readonly string[]): boolean {
  const known = new Set(fields);
  const byField = new Map<string, string[]>();
  for (const problem of error.problems) {
    const name = problemFieldName(problem.field);
    if (!known.has(name)) continue;
    byField.set(name, [...(byField.get(name) ?? []), problem.reason]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
