/**
 * Who is acting on the price pages. Until the platform's sign-in covers the
 * price routes (issue 4), they read the caller from the headers `x-user`
 * and `x-role` (src/price/services/access.ts); the clerk names account and
 * role here and every change carries them. A signed-in session supplies
 * both and the choice is then fixed.
 */
import { Input, Select } from 'antd';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

import { useSession } from '../../api/session.tsx';
import { ROLES } from './labels.ts';

export interface Operator {
  user: string;
  role: string;
}

const KEY = 'jixi.price.operator';
const FALLBACK: Operator = { user: '', role: 'price_office' };

function stored(): Operator {
  try {
    const found = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Operator | null;
    return found && typeof found.user === 'string' && typeof found.role === 'string' ? found : FALLBACK;
  } catch {
    return FALLBACK;
  }
}

/** The headers every price change sends. */
export function callerHeaders(operator: Operator): Record<string, string> {
  return { 'x-user': operator.user.trim(), 'x-role': operator.role };
}

const OperatorContext = createContext<{ operator: Operator; setOperator: (o: Operator) => void; fixed: boolean }>({
  operator: FALLBACK,
  setOperator: () => undefined,
  fixed: false,
});

export function OperatorProvider({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const [chosen, setChosen] = useState<Operator>(stored);

  useEffect(() => {
    sessionStorage.setItem(KEY, JSON.stringify(chosen));
  }, [chosen]);

  const operator = user?.username && user.role ? { user: user.username, role: user.role } : chosen;
  return (
    <OperatorContext.Provider value={{ operator, setOperator: setChosen, fixed: !!user?.username }}>
      {children}
    </OperatorContext.Provider>
  );
}

export function useOperator() {
  return useContext(OperatorContext);
}

const roleOptions = Object.entries(ROLES).map(([value, text]) => ({ value, label: text }));

/** 经办身份: account and role, shown on every price page. */
export function OperatorBar() {
  const { operator, setOperator, fixed } = useOperator();
  return (
    <section className="page-toolbar operator-bar" aria-label="经办身份">
      <label htmlFor="operator-user">经办人账号</label>
      <Input
        id="operator-user"
        style={{ width: 160 }}
        value={operator.user}
        disabled={fixed}
        placeholder="如 wang"
        autoComplete="username"
        onChange={(e) => setOperator({ ...operator, user: e.target.value })}
      />
      <label htmlFor="operator-role">角色</label>
      <Select
        id="operator-role"
        style={{ width: 240 }}
        value={operator.role}
        disabled={fixed}
        options={roleOptions}
        onChange={(role: string) => setOperator({ ...operator, role })}
      />
      {!operator.user.trim() ? <span className="operator-hint">录入、核实、审批前请填写经办人账号</span> : null}
    </section>
  );
}

/** Every price page: the operator's identity above the page's own content. */
export function PriceFrame({ children }: { children: ReactNode }) {
  return (
    <OperatorProvider>
      <OperatorBar />
      {children}
    </OperatorProvider>
  );
}
