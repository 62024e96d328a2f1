/** The counties of 鸡西市 as the platform's parameters list them (GET /api/disability/counties). */
import { api, unwrap } from '../../api/client.ts';
import { useApi } from '../../api/useApi.ts';

export interface County {
  code: string;
  name: string;
}

export function useCounties(): { list: County[]; name: (code: string | null | undefined) => string } {
  const loaded = useApi((signal) => unwrap(api.GET('/api/disability/counties', { signal })), []);
  const list = (loaded.data ?? []).map((c) => ({ code: c.code ?? '', name: c.name ?? '' })).filter((c) => c.code);
  const name = (code: string | null | undefined) => (code ? (list.find((c) => c.code === code)?.name ?? code) : '—');
  return { list, name };
}
