import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { PARAM } from '../../../src/credit/rules/params.ts';
import { checkUscc, usccCheckCharacter, type RegistrationCodes, type UsccOptions } from '../../../src/credit/rules/uscc.ts';
import { loadExamples, loadParams } from '../examples.ts';

const examples = loadExamples();
const registry = loadParams();
const options: UsccOptions = {
  registration: registry.at<RegistrationCodes>(PARAM.usccRegistrationCodes, '2023-01-01')!.value,
  unknownArea: 'warn',
  lowerCase: 'normalise',
};

describe('d2.part2_1_1.uscc_check', () => {
  for (const code of examples.uscc_valid) {
    test(`${code}, valid`, () => {
      const result = checkUscc(code, options);
      assert.equal(result.ok, true, JSON.stringify(result));
      if (result.ok) assert.equal(result.uscc, code);
    });
  }

  for (const { uscc, why } of examples.uscc_invalid.filter((c) => !/lower case/.test(c.why))) {
    test(`${uscc}, refused (${why})`, () => {
      const result = checkUscc(uscc, options);
      assert.equal(result.ok, false);
      if (!result.ok) assert.ok(result.reasons.length > 0);
    });
  }

  test('lower case, normalised to capitals with a warning (one form only)', () => {
    const lower = examples.uscc_invalid.find((c) => /lower case/.test(c.why))!.uscc;
    const result = checkUscc(lower, options);
    assert.equal(result.ok, true);
    if (result.ok) {
      assert.equal(result.uscc, lower.toUpperCase());
      assert.match(result.warnings.join(), /小写/);
    }
    assert.equal(checkUscc(lower, { ...options, lowerCase: 'refuse' }).ok, false);
  });

  test('the reasons name the failing part', () => {
    const wrongCheck = checkUscc('91110000600037341N', options);
    assert.deepEqual(wrongCheck.ok ? [] : wrongCheck.reasons, ['第18位校验码应为“L”，实为“N”']);
    const short = checkUscc('91230302MA1XG6125', options);
    assert.match(short.ok ? '' : short.reasons[0]!, /18位/);
    const alphabet = checkUscc('91230302MA1XG612SC', options);
    assert.match(alphabet.ok ? '' : alphabet.reasons[0]!, /S/);
  });

  test('registration department and type codes, refused when not in GB 32100', () => {
    // 0 is no department; 94 is no type of 工商 (1 企业, 2 个体工商户, 3 农民专业合作社).
    for (const first17 of ['01110000600037341', '94110000600037341']) {
      const code = first17 + usccCheckCharacter(first17);
      const result = checkUscc(code, options);
      assert.equal(result.ok, false, code);
    }
  });

  test('area code: unknown province refused, unknown county a warning by default', () => {
    const badProvince = '91990000600037341';
    assert.equal(checkUscc(badProvince + usccCheckCharacter(badProvince), options).ok, false);
    // 230399 is no county of 鸡西市 today.
    const oldCounty = '91230399600037341';
    const code = oldCounty + usccCheckCharacter(oldCounty);
    const warned = checkUscc(code, options);
    assert.equal(warned.ok, true);
    if (warned.ok) assert.match(warned.warnings.join(), /GB\/T 2260/);
    assert.equal(checkUscc(code, { ...options, unknownArea: 'refuse' }).ok, false);
  });

  test('鸡冠区 code, area named', () => {
    const result = checkUscc('91230302MA1AAA018C', options);
    assert.equal(result.ok && result.areaName, '鸡冠区');
    assert.equal(result.ok && result.entityType, '企业');
  });
});
