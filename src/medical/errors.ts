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
  ERR_MEDICAL_CLAIM_CONFLICT: {
    status: 409,
    message: '该单据号已结算，但本次提交的内容与已结算单据不同',
    en: 'a claim with this id was settled with other content',
  },
  ERR_MEDICAL_NOT_ENROLLED: {
    status: 422,
    message: '就诊日期不在参保人的参保期间内',
    en: 'the person was not insured on the date of the claim',
  },
  ERR_MEDICAL_ALREADY_REVERSED: {
    status: 409,
    message: '该单据已冲销，不能重复冲销',
    en: 'the claim has already been reversed',
  },
  ERR_MEDICAL_BATCH_INVALID: {
    status: 400,
    message: '文件中有不合规的行，未保存任何数据；请按报告逐行修改后重新提交',
    en: 'the file has invalid rows; nothing was stored',
  },
  ERR_MEDICAL_NO_ACCOUNT: {
    status: 422,
    message: '该参保人没有职工医保个人账户（城乡居民和单建统筹灵活就业人员不设个人账户）',
    en: 'the person has no personal account',
  },
  ERR_MEDICAL_ACCOUNT_INSUFFICIENT: {
    status: 422,
    message: '个人账户余额不足',
    en: 'the personal account balance is too low for this movement',
  },
  ERR_MEDICAL_RETRO_REFUSED: {
    status: 422,
    message: '不符合依申请救助条件（因病致贫风险救助对象每年申请一次，且须在暂行办法施行后申请），未作任何改动',
    en: 'the retroactive application cannot be applied (once a year, D4 in force); nothing was stored',
  },
  ERR_MEDICAL_RETRO_CONFLICT: {
    status: 409,
    message: '该申请编号已办理，但本次提交的内容与已办理的申请不同',
    en: 'an application with this id was applied with other content',
  },
} as const satisfies ErrorCatalogPart;

export type MedicalErrorCode = keyof typeof medicalErrors;
