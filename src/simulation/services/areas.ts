/** What each area contributes to a run: its runner and its detail sheets. */
import type { ParamRegistry } from '../../core/params/registry.ts';
import type { PlatformContext } from '../../platform/context.ts';
import type { AreaResult } from '../rules/result.ts';
import type { Area } from '../rules/scenario.ts';
import type { DetailSheets } from './export.ts';
import { creditSheets, creditYears, runCreditArea } from './creditArea.ts';
import { disabilitySheets, disabilityYears, runDisabilityArea } from './disabilityArea.ts';
import { priceSheets, priceYears, runPriceArea } from './priceArea.ts';
import { medicalSheets, medicalYears, runMedicalArea } from './medicalArea.ts';

export type Registries = { baseline: ParamRegistry; scenario: ParamRegistry };

export interface AreaPlugin {
  run: (ctx: PlatformContext, registries: Registries, year: number) => Promise<AreaResult>;
  sheets: DetailSheets;
  /** Years for which the area holds data to run over. */
  years: (ctx: PlatformContext) => Promise<number[]>;
}

export const AREA_PLUGINS: Partial<Record<Area, AreaPlugin>> = {
  medical: { run: runMedicalArea, sheets: medicalSheets, years: medicalYears },
  disability: { run: runDisabilityArea, sheets: disabilitySheets, years: disabilityYears },
  credit: { run: runCreditArea, sheets: creditSheets, years: creditYears },
  price: { run: runPriceArea, sheets: priceSheets, years: priceYears },
};
