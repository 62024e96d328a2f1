/** The worked cases of ../shared/examples/disability, read as they are. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT } from '../../src/platform/context.ts';
import { SHARED_EXAMPLES } from '../helpers/shared.ts';

export interface DisabilityExamples {
  cards: Array<{ card: string; valid: boolean; category?: string; grade?: number; why?: string }>;
  subsidy_parameters: {
    living_subsidy_monthly_yuan: number;
    care_subsidy_monthly_yuan: Record<string, number>;
  };
  eligibility: Array<{
    id: string;
    card: string;
    household: string;
    county_extensions: Record<string, boolean>;
    receives_orphan_allowance?: boolean;
    living: boolean;
    care: boolean;
    monthly_total: number;
    note?: string;
    care_amount_note?: string;
  }>;
  indicators: {
    register_summary: Record<string, number>;
    expected: Record<string, string>;
    alarms: string[];
  };
}

export function loadExamples(): DisabilityExamples {
  const file = join(SHARED_EXAMPLES, 'disability', 'cases.json');
  return JSON.parse(readFileSync(file, 'utf8')) as DisabilityExamples;
}
