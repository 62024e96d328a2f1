/**
 * 扩面 (D1 三(一)5): “有条件的县(市)区可将困难残疾人生活补贴逐步扩大到低保边缘
 * 家庭残疾人及其他困难残疾人;重度残疾人护理补贴扩大到三、四级智力、精神残疾人或
 * 其他残疾人。” Per-county switches in disability.d1.s3_1_5.county_extensions.
 */
import type { RuleDeclaration } from '../../core/params/articles.ts';
import type { SubsidyParameters } from './subsidyParameters.ts';
import type { Situation } from './types.ts';

export const livingCountyExtensionRule: RuleDeclaration = {
  id: 'd1.s3_1_5.living_county_extension',
  articles: ['D1 三(一)5'],
  title: '县(市)区将困难残疾人生活补贴扩大到低保边缘家庭及其他困难残疾人',
};

export const careCountyExtensionRule: RuleDeclaration = {
  id: 'd1.s3_1_5.care_county_extension',
  articles: ['D1 三(一)5'],
  title: '县(市)区将重度残疾人护理补贴扩大到三、四级智力、精神残疾人或其他残疾人',
};

/** Which extension, if any, brings the person into the living subsidy. */
export function livingExtensionApplies(situation: Situation, params: SubsidyParameters): string | undefined {
  const ext = params.extensions;
  if (ext.living_to_dibao_marginal && situation.household === 'dibao_marginal') {
    return '本县(市)区已将生活补贴扩大到低保边缘家庭残疾人';
  }
  if (ext.living_to_other_hardship && situation.benefits.has('other_hardship')) {
    return '本县(市)区已将生活补贴扩大到其他困难残疾人';
  }
  return undefined;
}

/** Which extension, if any, brings a grade 3–4 person into the care subsidy. */
export function careExtensionApplies(situation: Situation, params: SubsidyParameters): string | undefined {
  if (situation.grade <= 2) return undefined;

  const ext = params.extensions;
  const intellectualOrMental = situation.category === 'intellectual' || situation.category === 'mental';
  if (ext.care_to_grade_3_4_intellectual_mental && intellectualOrMental) {
    return '本县(市)区已将护理补贴扩大到三、四级智力、精神残疾人';
  }
  if (ext.care_to_grade_3_4_other_categories && !intellectualOrMental) {
    return '本县(市)区已将护理补贴扩大到其他三、四级残疾人';
  }
  return undefined;
}
