/**
 * `npx jixi price …`: indicators, subsidies, observation import, detection,
 * and the read side of warnings (tasks, CAP files, incident clocks, drill
 * due date). Steps of a warning are decisions of named roles (D3 3.4) and
 * are taken through the API by signed-in callers, not from the shell.
 * Actions load the services on use: they import the error catalog, which
 * imports the module list that imports this file.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Command } from 'commander';

import { isIsoDate, isIsoMonth, todayInBeijing } from '../../core/dates.ts';
import { loadParams, type PlatformContext } from '../../platform/context.ts';
import type { AlpsSettings } from '../rules/alps.ts';
import type { IfpaSettings } from '../rules/ifpa.ts';
import type { Caller } from '../services/access.ts';

const table = () => import('../../io/table.ts');
const series = () => import('../services/series.ts');
const subsidies = () => import('../services/subsidies.ts');

async function r4On(on: string | undefined) {
  const date = on ?? todayInBeijing();
  if (!isIsoDate(date)) throw new Error(`日期无效: ${date}`);
  const { detectionSettings } = await import('../services/settings.ts');
  const loaded = detectionSettings(loadParams(), date);
  if (!loaded.ok) throw new Error(`${date} 无生效的参数：${loaded.missing.join('、')}`);
  return loaded.settings.r4;
}

function callerOf(options: { as?: string }): Caller {
  return { user: options.as ?? process.env.USER ?? 'cli', role: 'cli' };
}

export function priceCommands(program: Command, open: () => Promise<PlatformContext>): void {
  const price = program.command('price').description('价格监测预警与价格临时补贴（鸡政办规〔2022〕20号）');

  price
    .command('ifpa')
    .description('粮农组织价格异常指标：输入 month,price，输出 month,cqgr,cagr,ifpa,class')
    .requiredOption('--series <file>', '月度价格序列（CSV 或 XLSX）')
    .requiredOption('--out <file>', '输出文件（CSV 或 XLSX）')
    .option('--weights <kind>', 'year_weighted（缺省）或 equal')
    .option('--min-years <n>', '往年同月数据至少年数', (v) => Number(v))
    .option('--on <date>', '按该日生效的参数')
    .action(async (options: { series: string; out: string; weights?: IfpaSettings['weights']; minYears?: number; on?: string }) => {
      const { readTableFile, writeTableFile } = await table();
      const { IFPA_COLUMNS, ifpaTable, SERIES_COLUMNS, seriesFromRows } = await series();
      const input = await readTableFile(options.series, SERIES_COLUMNS);
      const monthly = seriesFromRows(input.rows, input.problems);
      const base = (await r4On(options.on)).ifpa;
      const rows = ifpaTable(monthly, { ...base, ...(options.weights ? { weights: options.weights } : {}), ...(options.minYears ? { minYears: options.minYears } : {}) });
      await writeTableFile(options.out, rows, IFPA_COLUMNS);
      console.log(`已计算 ${rows.length} 个月，其中 ${rows.filter((r) => r.ifpa !== '').length} 个月有 IFPA，写入 ${options.out}`);
    });

  price
    .command('alps')
    .description('世界粮食计划署价格预警：输入 month,price，输出 month,price,fitted,alps,class')
    .requiredOption('--series <file>', '月度价格序列')
    .requiredOption('--out <file>', '输出文件')
    .option('--trend <kind>', 'linear（缺省）或 quadratic')
    .option('--fit <kind>', 'through_current（缺省）或 history_only')
    .option('--on <date>', '按该日生效的参数')
    .action(async (options: { series: string; out: string; trend?: AlpsSettings['trend']; fit?: AlpsSettings['fit']; on?: string }) => {
      const { readTableFile, writeTableFile } = await table();
      const { ALPS_COLUMNS, alpsTable, SERIES_COLUMNS, seriesFromRows } = await series();
      const input = await readTableFile(options.series, SERIES_COLUMNS);
      const monthly = seriesFromRows(input.rows, input.problems);
      const base = (await r4On(options.on)).alps;
      const rows = alpsTable(monthly, { ...base, ...(options.trend ? { trend: options.trend } : {}), ...(options.fit ? { fit: options.fit } : {}) });
      await writeTableFile(options.out, rows, ALPS_COLUMNS);
      console.log(`已计算 ${rows.length} 个月，写入 ${options.out}`);
    });

  price
    .command('subsidies')
    .description('价格临时补贴：按指数月的 CPI、食品价格同比判断是否启动并计算城乡每人每月补贴')
    .requiredOption('--indices <file>', '物价指数（month, cpi_yoy_percent, food_cpi_yoy_percent）')
    .requiredOption('--out <file>', '输出文件')
    .option('--store', '同时保存到数据库，供编制发放清单')
    .option('--as <user>', '操作人')
    .action(async (options: { indices: string; out: string; store?: boolean; as?: string }) => {
      const { readTableFile, writeTableFile } = await table();
      const { DECISION_COLUMNS, decideMonth, decisionRow, figuresFromRows, INDEX_COLUMNS, upsertIndexMonths } = await subsidies();
      const input = await readTableFile(options.indices, INDEX_COLUMNS);
      const figures = figuresFromRows(input.rows, input.problems);
      const params = loadParams();
      const rows = figures.map((f) => decisionRow(decideMonth(params, f)));
      await writeTableFile(options.out, rows, DECISION_COLUMNS);
      if (options.store) await upsertIndexMonths(await open(), figures, options.indices, callerOf(options));
      const months = rows.filter((r) => r.trigger).map((r) => r.month);
      console.log(`${rows.length} 个指数月，启动补贴 ${months.length} 个月${months.length ? `：${months.join('、')}` : ''}；写入 ${options.out}`);
    });

  price
    .command('payments')
    .description('按发放部门编制某指数月的价格临时补贴发放清单')
    .requiredOption('--month <month>', '指数月份 YYYY-MM')
    .requiredOption('--out <file>', '输出文件')
    .option('--payer <code>', '只输出某发放部门（civil_affairs、human_resources、veterans_affairs、education）')
    .option('--as <user>', '操作人')
    .action(async (options: { month: string; out: string; payer?: string; as?: string }) => {
      if (!isIsoMonth(options.month)) throw new Error(`月份无效: ${options.month}`);
      const { writeTableFile } = await table();
      const { PAYMENT_COLUMNS, runPayments, storedPayments } = await subsidies();
      const ctx = await open();
      const run = await runPayments(ctx, options.month, callerOf(options));
      const rows = await storedPayments(ctx, options.month, options.payer);
      await writeTableFile(options.out, rows, PAYMENT_COLUMNS, { headers: 'label' });
      console.log(run.triggered
        ? `${options.month} 指数月启动补贴，${run.list.paymentMonth} 发放，共 ${rows.length} 人，写入 ${options.out}`
        : `${options.month} 指数月未启动补贴，清单为空`);
    });

  const observations = price.command('observations').description('价格监测数据');
  observations
    .command('import <file>')
    .description('导入价格监测报表（项目,规格等级,单位,本期均价,上期均价,变动幅度,备注）；有误的行使整个文件退回')
    .option('--point <id>', '报表无“监测点”列时的监测点')
    .option('--date <date>', '报表无“日期”列时的监测日期')
    .option('--skip-invalid', '跳过有误的行，只保存无误的行')
    .option('--as <user>', '操作人')
    .action(async (file: string, options: { point?: string; date?: string; skipInvalid?: boolean; as?: string }) => {
      const { formatFromName } = await table();
      const { importObservationFile } = await import('../services/observations.ts');
      const format = formatFromName(file);
      if (!format) throw new Error(`只支持 .csv 与 .xlsx 文件: ${file}`);
      const ctx = await open();
      const report = await importObservationFile(ctx, await readFile(file), format, {
        skipInvalid: options.skipInvalid ?? false,
        caller: callerOf(options),
        defaults: { ...(options.point ? { point: options.point } : {}), ...(options.date ? { date: options.date } : {}) },
      });
      console.log(`共 ${report.total} 行：保存 ${report.stored} 行（其中待核实 ${report.held} 行），已存在未变 ${report.unchanged} 行，跳过 ${report.skipped} 行`);
      for (const p of report.problems) console.log(`  第 ${p.row} 行 ${p.field}${p.value !== undefined ? ` = ${JSON.stringify(p.value)}` : ''}: ${p.reason}`);
      for (const h of report.heldRows) console.log(`  待核实 第 ${h.row} 行: ${h.reason}`);
    });

  price
    .command('detect')
    .description('按日运行三级预警建议检测（R1–R6）')
    .option('--as-of <date>', '检测日期，缺省为今天')
    .option('--as <user>', '操作人')
    .action(async (options: { asOf?: string; as?: string }) => {
      const asOf = options.asOf ?? todayInBeijing();
      if (!isIsoDate(asOf)) throw new Error(`日期无效: ${asOf}`);
      const { runDetection } = await import('../services/detection.ts');
      const result = await runDetection(await open(), asOf, callerOf(options));
      if (result.outcome === 'no_rule_in_force') {
        console.log(`${asOf} 无生效的预警规则（缺少 ${result.missing.join('、')}）`);
        return;
      }
      console.log(result.proposes ? `${asOf} 提出三级预警建议：` : `${asOf} 未触发三级预警建议`);
      for (const f of result.findings) console.log(`  ${f.text}；监测点 ${f.points.join('、') || '—'}`);
      for (const n of result.notes) console.log(`  （未触发）${n.rule} ${n.itemId}: ${n.reason}`);
    });

  const warnings = price.command('warnings').description('预警（状态、任务、CAP 报文）');
  warnings
    .command('list')
    .description('列出预警及其状态')
    .option('--active', '只列未终止的')
    .action(async (options: { active?: boolean }) => {
      const { listWarnings } = await import('../services/warnings.ts');
      const list = await listWarnings(await open(), options.active ? { active: true } : {});
      if (list.length === 0) console.log('没有预警');
      for (const w of list) {
        console.log(`${w.id}  ${w.levelLabel}  ${w.stateLabel}  ${w.title}（${w.areaNames.join('、')}）${w.next ? `  待 ${w.next.role} ${w.next.action}` : ''}`);
      }
    });

  warnings
    .command('tasks <id>')
    .description('预警要求的任务及完成情况，逾期的标出（3.5、3.1.3(2)、3.2.2、5.3）')
    .option('--as-of <instant>', '截至时间（北京时间 YYYY-MM-DDThh:mm），缺省为现在')
    .option('--out <file>', '另存为 CSV 或 XLSX')
    .option('--late', '只列逾期的')
    .action(async (id: string, options: { asOf?: string; out?: string; late?: boolean }) => {
      const { warningTasks } = await import('../services/warnings.ts');
      const list = await warningTasks(await open(), id, options.asOf);
      const tasks = options.late ? list.tasks.filter((t) => t.late) : list.tasks;
      if (options.out) {
        const { writeTableFile } = await table();
        await writeTableFile(options.out, tasks.map((t) => ({ ...t, missing: (t.missing ?? []).join('；') })), TASK_COLUMNS, { headers: 'label' });
      }
      for (const t of tasks) console.log(`${t.due}  ${STATUS_LABELS[t.status]}  ${t.ownerLabel}  ${t.title}  [${t.article}]`);
      console.log(`截至 ${list.asOf}：任务 ${list.tasks.length} 项，逾期 ${list.late} 项${options.out ? `；写入 ${options.out}` : ''}`);
    });

  warnings
    .command('cap <id>')
    .description('导出预警的 CAP 1.2 报文（发布、级别调整、解除各一份 XML）')
    .requiredOption('--out-dir <dir>', '输出目录')
    .action(async (id: string, options: { outDir: string }) => {
      const { capMessages } = await import('../services/cap.ts');
      const messages = await capMessages(await open(), id);
      await mkdir(options.outDir, { recursive: true });
      for (const m of messages) await writeFile(join(options.outDir, `${m.identifier}.xml`), m.xml, 'utf8');
      console.log(messages.length ? `写入 ${messages.length} 份 CAP 报文：${messages.map((m) => `${m.identifier}（${m.msgType}）`).join('、')}` : '该预警尚未发布，没有 CAP 报文');
    });

  price
    .command('incident <id>')
    .description('突发事件各报告环节的时限、责任单位与是否按时（4.1）')
    .option('--as-of <instant>', '截至时间，缺省为现在')
    .action(async (id: string, options: { asOf?: string }) => {
      const { getIncident } = await import('../services/incidents.ts');
      const found = await getIncident(await open(), id, options.asOf);
      if (!found) throw new Error(`没有这个突发事件: ${id}`);
      console.log(`${found.levelLabel}事件，${found.countyName}，发现于 ${found.discoveredAt}`);
      for (const c of found.clocks) {
        console.log(`  ${c.deadline ?? '立即'}  ${CLOCK_LABELS[c.status]}${c.minutesLate ? ` ${c.minutesLate} 分钟` : ''}  ${c.ownerLabel}  ${c.title}`);
      }
      if (found.missingContent.length) console.log(`  报告尚缺：${found.missingContent.join('、')}`);
    });

  price
    .command('drill')
    .description('下次综合应急演练最迟日期（至少每3年1次，7.1）')
    .option('--as-of <date>', '日期，缺省为今天')
    .action(async (options: { asOf?: string }) => {
      const { drills } = await import('../services/duty.ts');
      const result = await drills(await open(), options.asOf);
      const n = result.next;
      console.log(`上次综合演练：${n.lastComprehensive ?? '无（自预案施行日起算）'}；下次最迟 ${n.due}，${n.overdue ? `已逾期 ${-n.daysLeft} 天` : `还有 ${n.daysLeft} 天`}`);
    });
}

const STATUS_LABELS = { met: '按时完成', late: '逾期完成', overdue: '已逾期', open: '未到期' } as const;
const CLOCK_LABELS = { met: '按时', missed: '超时', pending: '未到期', overdue: '已超时', done: '已报告' } as const;

const TASK_COLUMNS = [
  { name: 'due', label: '截止时间' },
  { name: 'status', label: '状态' },
  { name: 'ownerLabel', label: '责任单位' },
  { name: 'title', label: '任务' },
  { name: 'doneAt', label: '完成时间' },
  { name: 'article', label: '条款' },
  { name: 'missing', label: '缺少' },
  { name: 'key', label: '任务编号' },
];
