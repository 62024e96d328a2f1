/** `jixi users …` and `jixi audit verify`: accounts and the audit trail from the command line. */
import type { Command } from 'commander';

import { verifyAuditChain, auditWriter } from '../platform/audit.ts';
import type { PlatformContext } from '../platform/context.ts';
import { changeAccount, createAccount, findAccountByUsername, listAccounts, setPassword } from './accounts.ts';
import { generatePassword } from './passwords.ts';
import { isRole, ROLE_NAMES } from './roles.ts';
import { authSettings } from './settings.ts';

const CLI_ACTOR = { actorId: 'cli', actorName: 'cli', actorRole: 'admin', ip: 'local' } as const;

export function securityCommands(program: Command, open: () => Promise<PlatformContext>): void {
  const users = program.command('users').description('账号管理 accounts');

  users
    .command('list')
    .description('列出账号')
    .action(async () => {
      const ctx = await open();
      for (const u of await listAccounts(ctx.store.db)) {
        console.log([u.username, u.role, u.roleTitle, u.county ?? '-', u.entity ?? '-', u.disabled ? '停用' : u.locked ? '锁定' : '正常', u.totp ? 'TOTP' : ''].join('\t'));
      }
    });

  users
    .command('add <username>')
    .description('新建账号；打印一次初始密码')
    .requiredOption('--role <role>', `角色：${ROLE_NAMES.join(' | ')}`)
    .option('--name <displayName>', '显示名称')
    .option('--department <department>', '部门')
    .option('--county <code>', '绑定区县代码，如 230302')
    .option('--entity <uscc>', '市场主体的统一社会信用代码（角色 entity）')
    .action(async (username: string, options: { role: string; name?: string; department?: string; county?: string; entity?: string }) => {
      if (!isRole(options.role)) throw new Error(`没有这个角色: ${options.role}（可选 ${ROLE_NAMES.join(', ')}）`);
      const ctx = await open();
      const created = await createAccount(ctx.store.db, {
        username,
        displayName: options.name ?? username,
        role: options.role,
        department: options.department ?? null,
        county: options.county ?? null,
        entity: options.entity ?? null,
        createdBy: 'cli',
      }, { minLength: authSettings().passwordMinLength });
      await auditWriter(ctx.store.db).append({ ...CLI_ACTOR, action: 'auth.user.create', target: `auth_user:${created.user.id}`, outcome: 'ok', detail: { username: created.user.username, role: created.user.role, county: created.user.county } });
      console.log(`已创建 ${created.user.username}（${created.user.roleTitle}），初始密码: ${created.initialPassword}`);
    });

  users
    .command('reset-password <username>')
    .description('重置密码；打印一次新的初始密码，并结束该账号的所有会话')
    .action(async (username: string) => {
      const ctx = await open();
      const user = await findAccountByUsername(ctx.store.db, username);
      if (!user) throw new Error(`没有这个账号: ${username}`);
      const password = generatePassword();
      await setPassword(ctx.store.db, user.id, password, { minLength: authSettings().passwordMinLength, mustChange: true });
      await auditWriter(ctx.store.db).append({ ...CLI_ACTOR, action: 'auth.user.reset_password', target: `auth_user:${user.id}`, outcome: 'ok' });
      console.log(`${user.username} 的新初始密码: ${password}`);
    });

  for (const [name, change, text] of [
    ['unlock', { unlock: true }, '解除锁定'],
    ['disable', { disabled: true }, '停用账号'],
    ['enable', { disabled: false }, '启用账号'],
  ] as const) {
    users
      .command(`${name} <username>`)
      .description(text)
      .action(async (username: string) => {
        const ctx = await open();
        const user = await findAccountByUsername(ctx.store.db, username);
        if (!user) throw new Error(`没有这个账号: ${username}`);
        await changeAccount(ctx.store.db, user.id, change);
        await auditWriter(ctx.store.db).append({ ...CLI_ACTOR, action: `auth.user.${name}`, target: `auth_user:${user.id}`, outcome: 'ok' });
        console.log(`${user.username}: ${text}`);
      });
  }

  const audit = program.command('audit').description('审计日志 audit trail');
  audit
    .command('verify')
    .description('逐条校验审计日志的哈希链；发现篡改或缺失时以非零状态退出')
    .action(async () => {
      const ctx = await open();
      const report = await verifyAuditChain(ctx.store.db);
      if (report.ok) {
        console.log(`审计日志完整：${report.entries} 条，哈希链校验通过`);
        return;
      }
      console.error(`审计日志校验失败：${report.problems.length} 处问题（共 ${report.entries} 条）`);
      for (const p of report.problems) console.error(`  第 ${p.seq} 条${p.id ? ` (${p.id})` : ''}: ${p.problem}`);
      process.exitCode = 2;
    });
}
