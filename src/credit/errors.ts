/** Error codes of the credit area (D2). "Not eligible" is a result, not an error. */
import type { ErrorCatalogPart } from '../core/errors.ts';

export const creditErrors = {
  ERR_CREDIT_USCC_INVALID: {
    status: 400,
    message: '统一社会信用代码有误，请核对后重新填写',
    en: 'the unified social credit code is malformed or its check character is wrong',
  },
  ERR_CREDIT_ENTITY_NOT_FOUND: {
    status: 404,
    message: '没有该统一社会信用代码的市场主体',
    en: 'no market entity with that code',
  },
  ERR_CREDIT_RECORD_INVALID: {
    status: 400,
    message: '信用记录有误，请按提示修改',
    en: 'a credit record has invalid fields',
  },
  ERR_CREDIT_IMPORT_INVALID: {
    status: 400,
    message: '导入文件有错误行，未保存任何数据；请按报告修改，或选择跳过错误行',
    en: 'the import file has invalid rows; nothing was stored',
  },
  ERR_CREDIT_INDICATOR_TABLE_INVALID: {
    status: 422,
    message: '评价指标表有误（分值合计或计分规则不符），不能用于评价',
    en: 'the indicator table does not add up or names an unknown rule',
  },
  ERR_CREDIT_MODEL_REFUSED: {
    status: 422,
    message: '行业评价模型不符合规定，未予采用',
    en: 'the industry model breaks D2 二(二)2 (public score weight or points below the average) or is malformed',
  },
  ERR_CREDIT_SECTOR_UNKNOWN: {
    status: 404,
    message: '没有这个行业领域',
    en: 'unknown sector',
  },
  ERR_CREDIT_ROLE_REQUIRED: {
    status: 401,
    message: '查询信用评价结果须表明身份（用户与角色）',
    en: 'reading credit results needs a caller with a role',
  },
  ERR_CREDIT_OTHER_DEPARTMENT: {
    status: 403,
    message: '行业监管部门只能报送或变更本部门的信用记录',
    en: 'a regulator bound to a department records and changes only that department\'s credit records',
  },
  ERR_CREDIT_ACCESS_DENIED: {
    status: 403,
    message: '信用评价结果不公开，您的角色无权查看该内容',
    en: 'the role may not read this credit result',
  },
  ERR_CREDIT_PURPOSE_REQUIRED: {
    status: 400,
    message: '查询信用评价结果须说明用途（审批、监管或服务事项）',
    en: 'a department read of a credit result needs a purpose',
  },
  ERR_CREDIT_WORKFLOW_STEP_INVALID: {
    status: 409,
    message: '当前状态不能执行该操作',
    en: 'the case is not in a state that allows this action',
  },
  ERR_CREDIT_REPAIR_NOT_ELIGIBLE: {
    status: 422,
    message: '不符合信用修复条件，不能准予修复',
    en: 'the repair conditions are not met',
  },
  ERR_CREDIT_PARAM_MISSING: {
    status: 422,
    message: '该日期没有生效的信用评价参数',
    en: 'a credit parameter has no value in force on that date',
  },
  ERR_CREDIT_NOT_FOUND: {
    status: 404,
    message: '未找到该信用事项（记录、异议、修复申请或抽查计划）',
    en: 'no such record, objection, repair application, inspector or plan',
  },
} as const satisfies ErrorCatalogPart;
