/**
 * Demonstration accounts: one per role, and a county-bound clerk, all with
 * the same fixed password DEMO_PASSWORD. DEMO ONLY — they are created only
 * with the demonstration data (`npm start`, `jixi demo`) and listed in
 * docs/security.md; a real installation creates its accounts with
 * `jixi users add`, which prints a random initial password.
 */
import { DEMO_FIRST_ENTITY } from '../credit/demo/seed.ts';
import { syntheticUscc } from '../credit/rules/synthetic.ts';
import type { PlatformContext } from '../platform/context.ts';
import { createAccount, findAccountByUsername } from './accounts.ts';
import type { Role } from './roles.ts';

export const DEMO_PASSWORD = 'jixi-demo-2026';

/**
 * 统一社会信用代码 of the demonstration entity the 市场主体 account speaks
 * for: the first entity of the credit demonstration data (a valid code).
 */
export const DEMO_ENTITY = process.env.JIXI_DEMO_ENTITY ?? syntheticUscc(DEMO_FIRST_ENTITY);

export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; displayName: string; role: Role; department: string; county?: string; entity?: string }> = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', department: '市政务服务数据管理局' },
  { username: 'yibao', displayName: '市医保经办', role: 'medical_office', department: '市医疗保障局' },
  { username: 'yibao-jiguan', displayName: '鸡冠区医保经办', role: 'medical_office', department: '鸡冠区医疗保障局', county: '230302' },
  { username: 'minzheng', displayName: '市民政局', role: 'civil_affairs', department: '市民政局' },
  { username: 'xiangcun', displayName: '市乡村振兴局', role: 'rural_revitalization', department: '市乡村振兴局' },
  { username: 'chengxin', displayName: '营商环境局诚信办', role: 'credit_office', department: '市营商环境建设监督局' },
  { username: 'jianguan', displayName: '市场监管', role: 'regulator', department: '市市场监督管理局' },
  { username: 'jiage', displayName: '发改委价格科', role: 'price_office', department: '市发展和改革委员会' },
  { username: 'fushizhang', displayName: '分管副市长', role: 'deputy_mayor', department: '市人民政府' },
  { username: 'shizhang', displayName: '市长', role: 'mayor', department: '市人民政府' },
  { username: 'yingji', displayName: '市应急指挥中心', role: 'emergency_bureau', department: '市应急管理局' },
  { username: 'canlian', displayName: '市残联', role: 'disabled_federation', department: '市残疾人联合会' },
  { username: 'caizheng', displayName: '市财政局', role: 'finance', department: '市财政局' },
  { username: 'qiye', displayName: '演示企业', role: 'entity', department: '市场主体', entity: DEMO_ENTITY },
];

/** Creates the accounts that do not exist yet; returns the usernames created. */
export async function seedDemoAccounts(ctx: PlatformContext): Promise<string[]> {
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await findAccountByUsername(ctx.store.db, account.username)) continue;
    await createAccount(ctx.store.db, { ...account, password: DEMO_PASSWORD, createdBy: 'demo' }, { minLength: 12, mustChange: false });
    created.push(account.username);
  }
  if (created.length) {
    ctx.logger.warn({ accounts: created.length }, 'demonstration accounts created with the fixed demo password; not for production');
  }
  return created;
}
