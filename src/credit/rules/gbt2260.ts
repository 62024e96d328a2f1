/**
 * GB/T 2260 administrative-division codes, from the maintained
 * `@vant/area-data` tables (current divisions, county level). Province
 * codes are stable; counties merge and split, so callers decide what an
 * unknown county means (credit.d2.part2_1_1.uscc_unknown_area).
 */
import { areaList } from '@vant/area-data';

const provinces = new Set(Object.keys(areaList.province_list).map((c) => c.slice(0, 2)));
// 10: central registrations (中央层级登记, area 100000); 71, 81, 82 are in GB/T 2260 too.
for (const extra of ['10', '71', '81', '82']) provinces.add(extra);
const known = new Set([
  ...Object.keys(areaList.province_list),
  ...Object.keys(areaList.city_list),
  ...Object.keys(areaList.county_list),
]);

export type AreaCheck = 'known' | 'unknown_county' | 'unknown_province';

export function checkAreaCode(code: string): AreaCheck {
  if (!/^\d{6}$/.test(code) || !provinces.has(code.slice(0, 2))) return 'unknown_province';
  if (code === '100000' || code.endsWith('0000')) return 'known';
  // 230300 (a prefecture) and 230302 (a county) are both valid registration areas.
  return known.has(code) ? 'known' : 'unknown_county';
}

export function areaName(code: string): string | undefined {
  return (
    areaList.county_list[code] ??
    areaList.city_list[code] ??
    areaList.province_list[code]
  );
}
