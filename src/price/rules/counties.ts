/** The counties and districts of 鸡西市 (GB/T 2260), for points, areas and reports. */
export const CITY_CODE = '230300';

export const COUNTIES: Readonly<Record<string, string>> = {
  '230302': '鸡冠区',
  '230303': '恒山区',
  '230304': '滴道区',
  '230305': '梨树区',
  '230306': '城子河区',
  '230307': '麻山区',
  '230321': '鸡东县',
  '230381': '虎林市',
  '230382': '密山市',
};

export function countyName(code: string): string {
  return COUNTIES[code] ?? code;
}

export function isCounty(code: string): boolean {
  return code in COUNTIES;
}
