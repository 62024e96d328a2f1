/**
 * The year a 医保 page opens on when the address names none: the latest
 * year that holds claims (GET /api/medical/years), else this year. The
 * demonstration data are of 2023; a page opening on an empty current year
 * would tell a clerk nothing.
 */
import { api, unwrap } from '../../api/client.ts';
import { todayInBeijing } from '../../dates.ts';
import { useApi } from '../../api/useApi.ts';

/** `undefined` while the years are being asked for. */
export function useDefaultYear(): number | undefined {
  const years = useApi((signal) => unwrap(api.GET('/api/medical/years', { signal })), []);
  if (years.loading) return undefined;
  return years.data?.[0] ?? Number(todayInBeijing().slice(0, 4));
}
