/**
 * Error codes of the disability area. “Not eligible” for a subsidy or a
 * service is a decision with reasons, never one of these: they are for
 * input the register cannot take and steps the process does not allow.
 */
import type { ErrorCatalogPart } from '../core/errors.ts';

export const disabilityErrors = {
  ERR_DISABILITY_PERSON_INVALID: {
    status: 400,
    message: '残疾人登记信息有误（身份证号、残疾人证号、县区或家庭类别），请按提示修改',
    en: 'a register entry has invalid fields',
  },
  ERR_DISABILITY_PERSON_EXISTS: {
    status: 409,
    message: '该身份证号或残疾人证号已登记',
    en: 'a person with this resident ID or card number is already registered',
  },
  ERR_DISABILITY_PERSON_NOT_FOUND: {
    status: 404,
    message: '登记名册中没有这个人',
    en: 'no such person in the register',
  },
  ERR_DISABILITY_IMPORT_INVALID: {
    status: 400,
    message: '文件中有错误的行，未导入任何数据；请按错误清单修改后重新导入，或选择跳过错误行',
    en: 'the file has invalid rows; nothing was stored',
  },
  ERR_DISABILITY_PERIOD_INVALID: {
    status: 409,
    message: '时段与已登记的记录冲突（起始日期不能早于现有时段的起始日期）',
    en: 'a period conflicts with the periods already recorded',
  },
  ERR_DISABILITY_APPLICATION_NOT_FOUND: {
    status: 404,
    message: '没有这个补贴申请',
    en: 'no such application',
  },
  ERR_DISABILITY_APPLICATION_DUPLICATE: {
    status: 409,
    message: '此人已有同一补贴的在办申请或有效资格',
    en: 'an open application or an active grant for this subsidy exists',
  },
  ERR_DISABILITY_APPLICATION_STEP: {
    status: 409,
    message: '申请当前状态不允许此操作',
    en: 'the application cannot take this step in its current state',
  },
  ERR_DISABILITY_APPLICATION_INELIGIBLE: {
    status: 409,
    message: '按现行规定此人不符合该补贴条件，不能批准；请先核实登记信息',
    en: 'the rules find the person not eligible, so the application cannot be approved',
  },
  ERR_DISABILITY_PAYROLL_NOT_RUN: {
    status: 404,
    message: '该月发放名册尚未生成',
    en: 'the payroll of that month has not been run',
  },
  ERR_DISABILITY_PAYROLL_BUSY: {
    status: 409,
    message: '该月发放名册正在生成中，请稍后再查看',
    en: 'the payroll of that month is being run',
  },
  ERR_DISABILITY_PAYROLL_ORDER: {
    status: 409,
    message: '已生成更晚月份的发放名册，不能补生成更早的月份',
    en: 'a later month has already been run; months are closed in order',
  },
  ERR_DISABILITY_PARAM_MISSING: {
    status: 422,
    message: '该月没有生效的两项补贴标准或规则参数，请先录入',
    en: 'a subsidy parameter is not in force for that month',
  },
  ERR_DISABILITY_CALLER_REQUIRED: {
    status: 401,
    message: '请注明经办人（登录，或暂以 x-user 请求头）',
    en: 'a change needs a named caller (session, or the temporary x-user header)',
  },
} as const satisfies ErrorCatalogPart;

export type DisabilityErrorCode = keyof typeof disabilityErrors;
