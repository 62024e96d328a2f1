/**
 * 记录报送: one record from the form, or a file of entities or records
 * (CSV or XLSX) checked whole — a file with a bad row stores nothing unless
 * 跳过错误行 is chosen — with its problems listed by row, column, value and
 * reason (D2 二(一)1).
 */
import { Alert, Button, Checkbox, Radio, Table, Typography } from 'antd';
import { useRef, useState } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { CreditFrame, useCaller } from './caller.tsx';
import { RecordForm } from './RecordForm.tsx';

type ImportReport = ResponseOf<'/api/credit/import/records', 'post'>;

export default function RecordsPage() {
  return (
    <CreditFrame>
      <RecordForm />
      <ImportPanel />
    </CreditFrame>
  );
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function ImportPanel() {
  const { headers } = useCaller();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<'records' | 'entities'>('records');
  const [file, setFile] = useState<File>();
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<ApiError>();

  const upload = async () => {
    if (!file) {
      input.current?.focus();
      setError(undefined);
      return;
    }
    setBusy(true);
    setReport(undefined);
    setError(undefined);
    try {
      const body = {
        format: (file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv') as 'csv' | 'xlsx',
        content_base64: await base64Of(file),
        skip_invalid: skipInvalid,
      };
      const path = kind === 'records' ? '/api/credit/import/records' : '/api/credit/import/entities';
      setReport(await unwrap(api.POST(path, { body, headers })));
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="import-title">
      <Typography.Title level={2} id="import-title">
        批量导入
      </Typography.Title>
      <Typography.Paragraph>
        主体文件列：统一社会信用代码、名称、成立日期；记录文件列：统一社会信用代码、评价指标、决定日期、来源部门、决定文号（可加 终止日期、公示期、状态、领域）。整表校验，有错误行时不保存任何一行。
      </Typography.Paragraph>
      <div className="page-toolbar">
        <Radio.Group value={kind} onChange={(e) => setKind(e.target.value)} aria-label="导入内容" optionType="button"
          options={[{ value: 'records', label: '信用记录' }, { value: 'entities', label: '市场主体' }]} />
        <label className="file-picker">
          <span className="file-picker-button">选择文件（CSV 或 XLSX）</span>
          <input
            ref={input}
            className="file-picker-input"
            type="file"
            accept=".csv,.xlsx"
            aria-label="导入文件"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
          <span className="file-picker-name">{file ? file.name : '未选择文件'}</span>
        </label>
        <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)}>
          跳过错误行，只保存正确行
        </Checkbox>
        <Button type="primary" loading={busy} onClick={upload}>
          上传并导入
        </Button>
      </div>
      <div aria-live="polite">
        {report ? (
          <>
            <Alert
              type={(report.problems ?? []).length ? 'warning' : 'success'}
              showIcon
              title={`共 ${report.rows} 行：保存 ${report.stored}，未变 ${report.unchanged}，跳过错误行 ${report.skippedInvalid}${report.rescored ? `；重新评价 ${report.rescored.applied ?? 0} 户` : ''}`}
            />
            {(report.problems ?? []).length ? <ProblemTable problems={report.problems ?? []} /> : null}
          </>
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
      </div>
    </section>
  );
}

function ProblemTable({ problems }: { problems: NonNullable<ImportReport['problems']> }) {
  return (
    <Table
      size="small"
      rowKey={(p) => `${p.row}-${p.field}-${p.reason}`}
      dataSource={problems}
      pagination={problems.length > 10 ? { pageSize: 10 } : false}
      caption={<span className="sr-only">被跳过的错误行</span>}
      columns={[
        { title: '行', dataIndex: 'row' },
        { title: '列', dataIndex: 'field' },
        { title: '值', dataIndex: 'value', render: (v: unknown) => (v === undefined || v === null || v === '' ? '—' : String(v)) },
        { title: '原因', dataIndex: 'reason' },
      ]}
    />
  );
}
