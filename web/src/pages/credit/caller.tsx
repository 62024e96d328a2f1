/**
 * Who is reading or acting on the credit pages (D2 二(二)3). The credit
 * routes take the caller from the signed-in session, or — while sessions
 * are not enforced — from the headers x-user, x-role, x-entity
 * (src/credit/routes/caller.ts). The clerk names account, role and, for a
 * 市场主体, its 统一社会信用代码 once; departments also state the purpose of
 * their reads, which every read sends as x-audit-reason and the read log
 * keeps. A signed-in session fixes the identity.
 */
import { Input, Select } from 'antd';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

import { api, unwrap, type ResponseOf } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { useApi } from '../../api/useApi.ts';
import { PURPOSES, ROLE_OPTIONS } from './labels.ts';

export interface CreditCaller {
  user: string;
  role: string;
  /** 统一社会信用代码 the account speaks for (role entity). */
  entity: string;
  purposeKind: string;
  purposeText: string;
}

type Indicators = ResponseOf<'/api/credit/indicators'>;

const KEY = 'jixi.credit.caller';
const FALLBACK: CreditCaller = { user: '', role: 'regulator', entity: '', purposeKind: '监管事项', purposeText: '' };

function stored(): CreditCaller {
  try {
    const found = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Partial<CreditCaller> | null;
    return found && typeof found.role === 'string' ? { ...FALLBACK, ...found } : FALLBACK;
  } catch {
    return FALLBACK;
  }
}

/** The purpose as one line: “监管事项：食品经营许可核查”. */
export function purposeLine(caller: CreditCaller): string {
  const text = caller.purposeText.trim();
  return text ? `${caller.purposeKind}：${text}` : caller.purposeKind;
}

/** The headers every credit request sends. */
export function callerHeaders(caller: CreditCaller): Record<string, string> {
  const headers: Record<string, string> = { 'x-user': caller.user.trim() || 'web', 'x-role': caller.role };
  if (caller.role === 'entity' && caller.entity.trim()) headers['x-entity'] = caller.entity.trim().toUpperCase();
  if (caller.role !== 'entity') headers['x-audit-reason'] = encodeURIComponent(purposeLine(caller));
  return headers;
}

interface CallerState {
  caller: CreditCaller;
  setCaller: (c: CreditCaller) => void;
  fixed: boolean;
  headers: Record<string, string>;
  /** What the caller's role may do (from GET /api/credit/indicators). */
  may: (permission: string) => boolean;
  indicators: Indicators | undefined;
}

const CallerContext = createContext<CallerState>({
  caller: FALLBACK,
  setCaller: () => undefined,
  fixed: false,
  headers: callerHeaders(FALLBACK),
  may: () => false,
  indicators: undefined,
});

export function CallerProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const [chosen, setChosen] = useState<CreditCaller>(stored);
  const indicators = useApi((signal) => unwrap(api.GET('/api/credit/indicators', { signal })), []);

  useEffect(() => {
    sessionStorage.setItem(KEY, JSON.stringify(chosen));
  }, [chosen]);

  const caller = user?.username && user.role
    ? { ...chosen, user: user.username, role: user.role, entity: user.entity ?? '' }
    : chosen;
  const permissions = indicators.data?.roles?.[caller.role]?.permissions ?? [];
  const value: CallerState = {
    caller,
    setCaller: setChosen,
    fixed: !!user?.username,
    headers: callerHeaders(caller),
    may: (p) => permissions.includes(p),
    indicators: indicators.data,
  };
  return <CallerContext.Provider value={value}>{children}</CallerContext.Provider>;
}

export function useCaller(): CallerState {
  return useContext(CallerContext);
}

/**
 * A text field that hands its value on when left or on Enter, not at each
 * key: every change of identity or purpose reloads the page's reads, and
 * each read is logged.
 */
function CommittedInput({ id, value, onCommit, ...rest }: { id: string; value: string; onCommit: (v: string) => void; style?: object; disabled?: boolean; placeholder?: string; maxLength?: number; autoComplete?: string; upper?: boolean }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const { upper, ...props } = rest;
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <Input
      id={id}
      {...props}
      value={draft}
      onChange={(e) => setDraft(upper ? e.target.value.toUpperCase() : e.target.value)}
      onBlur={commit}
      onPressEnter={commit}
    />
  );
}

/** 使用身份: account, role, the entity's code or the purpose of reads. */
export function CallerBar() {
  const { caller, setCaller, fixed } = useCaller();
  const entity = caller.role === 'entity';
  return (
    <section className="page-toolbar operator-bar" aria-label="使用身份与查询用途">
      <label htmlFor="credit-user">账号</label>
      <CommittedInput
        id="credit-user"
        style={{ width: 140 }}
        value={caller.user}
        disabled={fixed}
        placeholder="如 wang"
        autoComplete="username"
        onCommit={(user) => setCaller({ ...caller, user })}
      />
      <label htmlFor="credit-role">角色</label>
      <Select
        id="credit-role"
        style={{ width: 250 }}
        value={caller.role}
        disabled={fixed}
        options={ROLE_OPTIONS}
        onChange={(role: string) => setCaller({ ...caller, role })}
      />
      {entity ? (
        <>
          <label htmlFor="credit-entity">本主体统一社会信用代码</label>
          <CommittedInput
            id="credit-entity"
            style={{ width: 210 }}
            value={caller.entity}
            disabled={fixed}
            maxLength={18}
            upper
            onCommit={(entity) => setCaller({ ...caller, entity })}
          />
        </>
      ) : (
        <>
          <label htmlFor="credit-purpose-kind">查询用途</label>
          <Select
            id="credit-purpose-kind"
            style={{ width: 130 }}
            value={caller.purposeKind}
            options={PURPOSES.map((p) => ({ value: p, label: p }))}
            onChange={(purposeKind: string) => setCaller({ ...caller, purposeKind })}
          />
          <label htmlFor="credit-purpose-text">事由</label>
          <CommittedInput
            id="credit-purpose-text"
            style={{ width: 220 }}
            value={caller.purposeText}
            placeholder="如 食品经营许可核查"
            onCommit={(purposeText) => setCaller({ ...caller, purposeText })}
          />
        </>
      )}
      <span className="operator-hint">信用评价结果不公开，每次查询均留痕（谁、查什么、何时、为何）。</span>
    </section>
  );
}

/** Every credit page: the caller's identity above the page's own content. */
export function CreditFrame({ children }: { children: ReactNode }) {
  return (
    <CallerProvider>
      <CallerBar />
      {children}
    </CallerProvider>
  );
}
