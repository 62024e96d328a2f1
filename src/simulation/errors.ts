/**
 * Error codes of the simulation area. A scenario that changes nothing for
 * anyone is a result (all deltas zero), never an error: these are for
 * scenarios that cannot run and for what cannot be found.
 */
import type { ErrorCatalogPart } from '../core/errors.ts';

export const simulationErrors = {
  ERR_SIMULATION_SCENARIO_INVALID: {
    status: 422,
    message: '测算方案不完整或参数调整无效，请按提示修改',
    en: 'a scenario has missing fields or parameter changes that cannot be applied',
  },
  ERR_SIMULATION_SCENARIO_NOT_FOUND: {
    status: 404,
    message: '没有这个测算方案',
    en: 'no scenario with this id',
  },
  ERR_SIMULATION_RUN_NOT_FOUND: {
    status: 404,
    message: '没有这次测算结果',
    en: 'no run with this id',
  },
  ERR_SIMULATION_COMPARE_INVALID: {
    status: 422,
    message: '所选测算结果无法比较：须为同一年度的测算',
    en: 'runs compared must be of the same year',
  },
} as const satisfies ErrorCatalogPart;
