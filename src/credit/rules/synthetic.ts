/**
 * Valid synthetic 统一社会信用代码 for demonstration data, tests and
 * benchmarks (合成数据): 9 工商, 1 企业, area 230302 鸡冠区, organisation
 * code MA + n in six characters of the code alphabet with its GB 11714
 * check, then the GB 32100 check character. Distinct n, distinct codes.
 */
import { organisationCheckCharacter, USCC_ALPHABET, usccCheckCharacter } from './uscc.ts';

export function syntheticUscc(n: number, area = '230302'): string {
  if (!Number.isInteger(n) || n < 0 || n >= 31 ** 6) throw new RangeError(`syntheticUscc(${n})`);
  let digits = '';
  for (let rest = n, i = 0; i < 6; i += 1, rest = Math.floor(rest / 31)) {
    digits = USCC_ALPHABET[rest % 31]! + digits;
  }
  const body = `MA${digits}`;
  const first17 = `91${area}${body}${organisationCheckCharacter(body)}`;
  return first17 + usccCheckCharacter(first17);
}
