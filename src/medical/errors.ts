/**
 * Error codes of the medical area. "Not covered" or "no rule in force" is a
 * bill with notes, never an error: these are for input the rules cannot
 * settle at all and for parameter files that break a rule.
 */
import type { ErrorCatalogPart } from '../core/errors.ts';

export const medicalErrors = {
  ERR_MEDICAL_CLAIM_INVALID: {
    status: 422,
    message: '费用单据金额或字段不合规，无法结算',
    en: 'a claim has amounts or fields the rules cannot settle',
  },
  ERR_MEDICAL_PERSON_UNKNOWN: {
    status: 422,
    message: '费用单据对应的参保人不存在',
    en: 'a claim names a person who is not in the batch',
  },
  ERR_MEDICAL_PARAM_INVALID: {
    status: 500,
    message: '医保政策参数缺失或取值无效，请联系医保局核对参数',
    en: 'a medical parameter in force is missing or has an unusable value',
  },
} as const satisfies ErrorCatalogPart;

export type MedicalErrorCode = keyof typeof medicalErrors;
