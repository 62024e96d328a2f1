/** Error codes of accounts, sessions, permissions and the audit trail. */
import type { ErrorCatalogPart } from '../core/errors.ts';

export const authErrors = {
  ERR_AUTH_REQUIRED: {
    status: 401,
    message: '请先登录',
    en: 'no valid session or API token',
  },
  ERR_AUTH_BAD_CREDENTIALS: {
    status: 401,
    message: '用户名或密码错误',
    en: 'wrong username or password',
  },
  ERR_AUTH_LOCKED: {
    status: 423,
    message: '登录失败次数过多，账号已暂时锁定，请稍后再试或联系系统管理员',
    en: 'the account is locked after repeated failed logins',
  },
  ERR_AUTH_DISABLED: {
    status: 403,
    message: '账号已停用',
    en: 'the account is disabled',
  },
  ERR_AUTH_TOTP_REQUIRED: {
    status: 401,
    message: '请输入身份验证器上的动态口令',
    en: 'the account requires a TOTP code',
  },
  ERR_AUTH_TOTP_INVALID: {
    status: 401,
    message: '动态口令错误或已使用',
    en: 'the TOTP code is wrong or was already used',
  },
  ERR_AUTH_FORBIDDEN: {
    status: 403,
    message: '您的角色无权执行此操作',
    en: 'the caller\'s role may not use this route',
  },
  ERR_AUTH_OUT_OF_SCOPE: {
    status: 403,
    message: '无权查看或办理其他区县或其他市场主体的记录',
    en: 'the record lies outside the caller\'s county or entity',
  },
  ERR_AUTH_ROUTE_UNDECLARED: {
    status: 403,
    message: '该接口尚未声明访问权限，已拒绝',
    en: 'the route has no declaration in src/auth/permissions.ts and is denied',
  },
  ERR_AUTH_CSRF: {
    status: 403,
    message: '请求缺少有效的防伪令牌，请刷新页面后重试',
    en: 'state-changing request without a valid CSRF token',
  },
  ERR_AUTH_SESSION_REQUIRED: {
    status: 403,
    message: '修改密码或动态口令须本人登录后办理，接口令牌不能办理',
    en: 'password and second-factor changes need a signed-in session, not an API token',
  },
  ERR_AUTH_TOTP_CURRENT_REQUIRED: {
    status: 403,
    message: '更换身份验证器须输入原验证器上的动态口令',
    en: 'replacing an enrolled second factor needs a code from the one in use',
  },
  ERR_AUTH_RATE_LIMITED: {
    status: 429,
    message: '请求过于频繁，请稍后再试',
    en: 'too many requests',
  },
  ERR_AUTH_WEAK_PASSWORD: {
    status: 400,
    message: '密码至少12位，且须包含字母和数字',
    en: 'the password is too weak',
  },
  ERR_AUTH_USER_EXISTS: {
    status: 409,
    message: '用户名已存在',
    en: 'the username is taken',
  },
  ERR_AUTH_ACCOUNT_INVALID: {
    status: 400,
    message: '账号设置无效：该角色须绑定（或不得绑定）区县或市场主体',
    en: 'the role, county and entity of the account do not fit together',
  },
  ERR_AUTH_PARAM_ROLE: {
    status: 403,
    message: '只有主管部门可以发布该参数的新版本',
    en: 'only the area\'s own office may add a version of this parameter',
  },
  ERR_AUTH_PARAM_PAST: {
    status: 422,
    message: '参数新版本不能追溯到今天之前，历史取值不可修改',
    en: 'a new parameter version cannot take effect before today',
  },
  ERR_AUDIT_CHAIN_BROKEN: {
    status: 500,
    message: '审计日志校验失败：记录被篡改或缺失',
    en: 'the audit chain does not verify',
  },
} as const satisfies ErrorCatalogPart;
