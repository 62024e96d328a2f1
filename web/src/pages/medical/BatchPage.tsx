/**
 * 批量结算: upload a file of claims (and, optionally, the persons they
 * name), watch it upload and settle, download the bills; when rows are
 * refused, download an error report, fix the file and upload it again.
 * Templates with Chinese headers come from the API.
 */
import { Alert, Button, Checkbox, Descriptions, Form, Progress, Space, Table, Typography } from 'antd';
import { useRef, useState, type RefObject } from 'react';

import { api, download, saveBlob, unwrap, uploadWithProgress, type ResponseOf } from '../../api/client.ts';
import { toApiError, type ApiError } from '../../api/errors.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { annotatedCsv, decodeCsv, problemsCsv, type BatchProblem } from './errorReport.ts';
import { maskResidentId } from '../../identity.ts';
import { COLUMNS } from './labels.ts';

type BatchResult = ResponseOf<'/api/medical/batches', 'post'>;
type BatchRun = ResponseOf<'/api/medical/batches/{runId}'>;

type Phase = { kind: 'idle' } | { kind: 'uploading'; percent: number } | { kind: 'settling' } | { kind: 'done' };

const BATCH_URL = '/api/medical/batches';

interface Chosen {
  claims?: File;
  persons?: File;
  skipInvalid: boolean;
}

function formData(chosen: Chosen, format?: 'csv' | 'xlsx'): FormData {
  const form = new FormData();
  if (chosen.persons) form.append('persons', chosen.persons, chosen.persons.name);
  if (chosen.claims) form.append('claims', chosen.claims, chosen.claims.name);
  if (chosen.skipInvalid) form.append('skip_invalid', 'true');
  if (format) form.append('format', format);
  return form;
}

export default function BatchPage() {
  const [chosen, setChosen] = useState<Chosen>({ skipInvalid: false });
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [result, setResult] = useState<BatchResult>();
  const [run, setRun] = useState<BatchRun>();
  const [error, setError] = useState<ApiError>();
  const [missing, setMissing] = useState(false);
  const claimsInput = useRef<HTMLInputElement>(null);
  const personsInput = useRef<HTMLInputElement>(null);

  const submit = async () => {
    if (!chosen.claims) {
      setMissing(true);
      claimsInput.current?.focus();
      return;
    }
    setMissing(false);
    setError(undefined);
    setResult(undefined);
    setRun(undefined);
    setPhase({ kind: 'uploading', percent: 0 });

    try {
      const answer = await uploadWithProgress(BATCH_URL, formData(chosen), (loaded, total) => {
        if (total > 0 && loaded < total) setPhase({ kind: 'uploading', percent: Math.round((loaded * 100) / total) });
        else setPhase({ kind: 'settling' });
      });
      const body = answer.json as BatchResult;
      setResult(body);
      if (body.run_id) {
        setRun(await unwrap(api.GET('/api/medical/batches/{runId}', { params: { path: { runId: body.run_id } } })));
      }
    } catch (cause) {
      setError(toApiError(cause));
    } finally {
      setPhase({ kind: 'done' });
    }
  };

  const downloadBills = async (format: 'csv' | 'xlsx') => {
    // Settling the same file again changes nothing and returns the same bills.
    try {
      const answer = await uploadWithProgress(BATCH_URL, formData(chosen, format), () => undefined);
      if (answer.blob) saveBlob(answer.blob, answer.filename ?? `结算单.${format}`);
    } catch (cause) {
      setError(toApiError(cause));
    }
  };

  const problems: BatchProblem[] = (error?.problems as BatchProblem[] | undefined) ?? (result?.invalid as BatchProblem[] | undefined) ?? [];
  const busy = phase.kind === 'uploading' || phase.kind === 'settling';

  return (
    <>
      <Typography.Paragraph>
        上传费用单据文件（CSV 或 XLSX，可同时上传参保人文件）。整份文件先逐行校验：有错误行时整批不结算，可下载错误报告，改正后重新上传；
        勾选“跳过错误行”则先结算正确的行。同一文件重复上传不会重复结算。
      </Typography.Paragraph>

      <section className="panel" aria-labelledby="templates-title">
        <Typography.Title level={2} id="templates-title">
          导入模板（中文表头）
        </Typography.Title>
        <Space wrap>
          <Button onClick={() => void download('/api/medical/templates/claims?format=xlsx', '费用单据导入模板.xlsx').catch((e) => setError(toApiError(e)))}>
            费用单据模板（Excel）
          </Button>
          <Button onClick={() => void download('/api/medical/templates/claims?format=csv', '费用单据导入模板.csv').catch((e) => setError(toApiError(e)))}>
            费用单据模板（CSV）
          </Button>
          <Button onClick={() => void download('/api/medical/templates/persons?format=xlsx', '参保人导入模板.xlsx').catch((e) => setError(toApiError(e)))}>
            参保人模板（Excel）
          </Button>
          <Button onClick={() => void download('/api/medical/templates/persons?format=csv', '参保人导入模板.csv').catch((e) => setError(toApiError(e)))}>
            参保人模板（CSV）
          </Button>
        </Space>
      </section>

      <section className="panel" aria-labelledby="upload-title">
        <Typography.Title level={2} id="upload-title">
          上传文件
        </Typography.Title>
        <Form layout="vertical" name="batch" onFinish={submit}>
          <Form.Item
            label="费用单据文件（必填）"
            htmlFor="batch-claims"
            required
            validateStatus={missing ? 'error' : undefined}
            help={<span id="batch-claims-help">{missing ? '请选择费用单据文件' : '支持 .csv（UTF-8 或 GBK）与 .xlsx'}</span>}
          >
            <FilePicker
              id="batch-claims"
              inputRef={claimsInput}
              file={chosen.claims}
              describedBy="batch-claims-help"
              onChange={(file) => {
                setChosen((c) => ({ ...c, claims: file }));
                setMissing(false);
              }}
            />
          </Form.Item>
          <Form.Item label="参保人文件（可选）" htmlFor="batch-persons" help={<span id="batch-persons-help">文件中的参保人先登记或更新，再结算单据</span>}>
            <FilePicker
              id="batch-persons"
              inputRef={personsInput}
              file={chosen.persons}
              describedBy="batch-persons-help"
              onChange={(file) => setChosen((c) => ({ ...c, persons: file }))}
            />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={chosen.skipInvalid} onChange={(e) => setChosen((c) => ({ ...c, skipInvalid: e.target.checked }))}>
              跳过错误行，先结算正确的行
            </Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            上传并结算
          </Button>
        </Form>

        <div aria-live="polite" className="batch-progress">
          {phase.kind === 'uploading' ? (
            <>
              <Typography.Text>正在上传：{phase.percent}%</Typography.Text>
              <Progress percent={phase.percent} aria-label="上传进度" />
            </>
          ) : null}
          {phase.kind === 'settling' ? (
            <>
              <Typography.Text>上传完成，正在校验并逐张结算…</Typography.Text>
              <Progress percent={100} status="active" showInfo={false} aria-label="结算进行中" />
            </>
          ) : null}
        </div>
      </section>

      <div aria-live="polite">
        {error ? <ErrorNotice error={error} fieldLabels={COLUMNS} /> : null}
        {problems.length > 0 ? <ErrorReport chosen={chosen} problems={problems} /> : null}
        {result ? <BatchSummary result={result} run={run} onDownload={downloadBills} /> : null}
      </div>
    </>
  );
}

function ErrorReport({ chosen, problems }: { chosen: Chosen; problems: BatchProblem[] }) {
  const [failure, setFailure] = useState<ApiError>();
  const annotated = async (file: File, which: 'claims' | 'persons') => {
    const text = decodeCsv(new Uint8Array(await file.arrayBuffer()));
    const mine = problems.filter((p) => (p.file ?? 'claims') === which);
    const name = file.name.replace(/\.csv$/i, '');
    saveBlob(new Blob([annotatedCsv(text, mine, COLUMNS)], { type: 'text/csv;charset=utf-8' }), `${name}-错误标注.csv`);
  };
  const isCsv = (f?: File) => !!f && /\.csv$/i.test(f.name);
  const files = (['claims', 'persons'] as const).filter((w) => problems.some((p) => (p.file ?? 'claims') === w));

  return (
    <section className="panel" aria-labelledby="report-title">
      <Typography.Title level={2} id="report-title">
        错误报告
      </Typography.Title>
      <Typography.Paragraph>
        共 {new Set(problems.map((p) => `${p.file}:${p.row}`)).size} 行有错误。下载错误报告，按“错误说明”改正后重新上传整份文件（已结算的行不会重复结算）。
      </Typography.Paragraph>
      <Space wrap>
        {files.map((which) => {
          const file = chosen[which];
          return isCsv(file) ? (
            <Button key={which} type="primary" onClick={() => void annotated(file!, which).catch((e) => setFailure(toApiError(e)))}>
              下载标注错误的{which === 'claims' ? '费用单据' : '参保人'}文件（CSV）
            </Button>
          ) : null;
        })}
        <Button
          onClick={() => saveBlob(new Blob([problemsCsv(problems, COLUMNS)], { type: 'text/csv;charset=utf-8' }), '批量结算错误清单.csv')}
        >
          下载错误清单（CSV）
        </Button>
      </Space>
      {failure ? <ErrorNotice error={failure} /> : null}
    </section>
  );
}

function BatchSummary({ result, run, onDownload }: { result: BatchResult; run: BatchRun | undefined; onDownload: (format: 'csv' | 'xlsx') => void }) {
  const bills = (result.bills ?? []) as Record<string, string>[];
  const done = run?.done ?? result.applied ?? 0;
  const total = run?.total ?? result.total ?? 0;
  const columns = ['claim_id', 'person_id', 'pooling', 'assistance', 'assistance_tilt', 'account_paid', 'cash_paid'];

  return (
    <section className="panel" aria-labelledby="result-title">
      <Typography.Title level={2} id="result-title">
        结算结果
      </Typography.Title>
      <Alert
        type={result.skipped || (result.invalid ?? []).length ? 'warning' : 'success'}
        showIcon
        className="batch-result"
        title={`本批 ${result.total ?? 0} 张单据：新结算 ${result.applied ?? 0} 张，已结算过 ${result.skipped ?? 0} 张${
          (result.invalid ?? []).length ? `，跳过错误行 ${new Set((result.invalid ?? []).map((p) => `${p.file}:${p.row}`)).size} 行` : ''
        }`}
      />
      <Progress percent={total ? Math.round((done * 100) / total) : 100} aria-label="结算进度" format={() => `${done}/${total}`} />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="批次号">{result.run_id}</Descriptions.Item>
        <Descriptions.Item label="状态">{run?.status === 'done' ? '已完成' : (run?.status ?? '—')}</Descriptions.Item>
        <Descriptions.Item label="开始时间">{beijingTime(run?.started_at)}</Descriptions.Item>
        <Descriptions.Item label="完成时间">{beijingTime(run?.finished_at)}</Descriptions.Item>
        <Descriptions.Item label="参保人" span={2}>
          {Object.entries(result.persons ?? {})
            .map(([k, v]) => `${{ created: '新登记', updated: '更新', unchanged: '未变', accountsOpened: '开立账户' }[k] ?? k} ${v} 人`)
            .join('，') || '—'}
        </Descriptions.Item>
      </Descriptions>
      <Space className="page-toolbar batch-downloads">
        <Button type="primary" onClick={() => onDownload('xlsx')}>
          下载结算单（Excel）
        </Button>
        <Button onClick={() => onDownload('csv')}>下载结算单（CSV）</Button>
      </Space>
      <Table<Record<string, string>>
        size="small"
        rowKey={(b) => b.claim_id ?? ''}
        dataSource={bills}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        caption={<span className="sr-only">本批结算单</span>}
        columns={columns.map((c) => ({
          title: COLUMNS[c] ?? c,
          dataIndex: c,
          ...(c === 'person_id' ? { render: (id: string) => maskResidentId(id ?? '') } : {}),
          ...(c === 'claim_id' || c === 'person_id' ? {} : { align: 'right' as const }),
        }))}
      />
    </section>
  );
}

function beijingTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** A file input that reads in Chinese whatever the browser's own language. */
function FilePicker({
  id,
  file,
  onChange,
  inputRef,
  describedBy,
}: {
  id: string;
  file: File | undefined;
  onChange: (file: File | undefined) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  describedBy: string;
}) {
  return (
    <div className="file-picker">
      <input
        id={id}
        ref={inputRef}
        type="file"
        accept=".csv,.xlsx"
        className="file-picker-input"
        aria-describedby={`${describedBy} ${id}-name`}
        onChange={(e) => onChange(e.target.files?.[0])}
      />
      <span className="file-picker-button" aria-hidden="true">
        选择文件
      </span>
      <span id={`${id}-name`} className="file-picker-name">
        {file ? file.name : '未选择文件'}
      </span>
    </div>
  );
}
