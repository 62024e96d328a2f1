/**
 * Error codes of the price area. A month that does not trigger subsidies,
 * or a day on which no rule fires, is a result; these are for requests the
 * platform cannot carry out.
 */
import type { ErrorCatalogPart } from '../core/errors.ts';

export const priceErrors = {
  ERR_PRICE_PARAM_INVALID: {
    status: 500,
    message: '价格监测预警参数缺失或取值无效，请联系市发改委核对参数',
    en: 'a price parameter in force is missing or has an unusable value',
  },
  ERR_PRICE_CALLER_MISSING: {
    status: 401,
    message: '请求未注明操作人（x-user）或角色（x-role）',
    en: 'the request names no caller or no role',
  },
  ERR_PRICE_ROLE_FORBIDDEN: {
    status: 403,
    message: '当前角色无权执行此操作',
    en: 'the caller\'s role may not do this',
  },
  ERR_PRICE_IMPORT_INVALID: {
    status: 422,
    message: '价格监测报表有误，未导入任何数据；请按行、列提示修改后重新导入',
    en: 'the observation file has invalid rows; nothing was stored',
  },
  ERR_PRICE_ITEM_UNKNOWN: {
    status: 422,
    message: '监测品种不在目录中',
    en: 'the item is not in the catalogue',
  },
  ERR_PRICE_POINT_UNKNOWN: {
    status: 422,
    message: '价格监测点不存在',
    en: 'the monitoring point does not exist',
  },
  ERR_PRICE_NOT_HELD: {
    status: 409,
    message: '该报价不在待核实状态',
    en: 'the observation is not held for confirmation',
  },
  ERR_PRICE_WARNING_TRANSITION: {
    status: 409,
    message: '预警当前状态不允许此操作',
    en: 'the warning\'s state does not allow this step',
  },
  ERR_PRICE_WARNING_STALE: {
    status: 409,
    message: '预警已被他人更新，请刷新后再操作',
    en: 'the warning changed since the caller read it',
  },
  ERR_PRICE_DOCUMENT_REQUIRED: {
    status: 422,
    message: '二级、一级预警及其变更、解除须录入省政府（国务院）的决定文件',
    en: 'levels 2 and 1 follow a declaration whose document must be entered',
  },
  ERR_PRICE_INCIDENT_STEP_UNKNOWN: {
    status: 422,
    message: '该事件没有这个报告环节或责任单位',
    en: 'the incident has no such reporting step or owner',
  },
  ERR_PRICE_TASK_UNKNOWN: {
    status: 422,
    message: '该预警没有这项任务',
    en: 'the warning has no such task',
  },
  ERR_PRICE_SERIES_INVALID: {
    status: 422,
    message: '价格序列或物价指数文件有误',
    en: 'the monthly series or index file has invalid rows',
  },
  ERR_PRICE_INDEX_MISSING: {
    status: 422,
    message: '该月的 CPI 或食品价格同比数据尚未录入，无法判断是否启动补贴',
    en: 'the index month lacks the figures the trigger needs',
  },
} as const satisfies ErrorCatalogPart;

export type PriceErrorCode = keyof typeof priceErrors;
