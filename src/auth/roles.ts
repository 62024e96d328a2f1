/**
 * Who may use the platform. Each account holds one role, of one department,
 * optionally bound to a county (区县) or, for 市场主体, to its own entity.
 * A role says what kind of work the holder does; the record scope in
 * src/auth/permissions.ts says which records of that work they may touch.
 */

export const ROLES = {
  medical_office: { title: '医保经办', en: 'medical insurance office', area: 'medical' },
  civil_affairs: { title: '民政', en: 'civil affairs bureau', area: 'medical' },
  rural_revitalization: { title: '乡村振兴', en: 'rural revitalisation bureau', area: 'medical' },
  credit_office: { title: '营商环境/诚信办', en: 'business environment and credit office', area: 'credit' },
  regulator: { title: '行业监管部门', en: 'sector regulator', area: 'credit' },
  price_office: { title: '发改委价格', en: 'development and reform commission, prices', area: 'price' },
  // Who approves and publishes a price warning (D3 3.4): the parameters
  // price.d3.art3_4.approval_roles and publisher_role name these roles.
  deputy_mayor: { title: '市政府分管副市长', en: 'deputy mayor in charge (approves level-3 warnings)', area: 'price' },
  mayor: { title: '市政府主要领导', en: 'mayor (approves level-2 and level-1 warnings)', area: 'price' },
  emergency_bureau: { title: '市应急管理局（应急指挥中心）', en: 'emergency management bureau (publishes warnings)', area: 'price' },
  disabled_federation: { title: '残联', en: 'disabled persons federation', area: 'disability' },
  finance: { title: '财政', en: 'finance bureau', area: 'platform' },
  admin: { title: '系统管理', en: 'system administrator', area: 'platform' },
  entity: { title: '市场主体', en: 'market entity (own view)', area: 'credit' },
} as const;

export type Role = keyof typeof ROLES;

export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.hasOwn(ROLES, value);
}

/**
 * Roles whose work needs full names and resident ID numbers: they pay or
 * decide on a named person. Everyone else sees them masked (张*,
 * 230302********0018), in lists, details and exports alike.
 */
export const PERSONAL_DATA_ROLES: ReadonlySet<Role> = new Set<Role>([
  'medical_office',
  'civil_affairs',
  'rural_revitalization',
  'disabled_federation',
]);

/** The caller of a request, as the session (or API token) establishes it. */
export interface Caller {
  userId: string;
  username: string;
  role: Role;
  department: string | null;
  /** Bound county (区县 code or name as the areas store it); null = city-wide. */
  county: string | null;
  /** For role `entity`: the market entity the account speaks for. */
  entity: string | null;
  /** How the caller proved who they are. */
  via: 'session' | 'token' | 'legacy-header';
  sessionId?: string;
}
