/** The whole schema, as each area declares its own tables. */
import type { CoreTables } from './coreTables.ts';
import type { CreditTables } from '../credit/storage/tables.ts';
import type { DisabilityTables } from '../disability/storage/tables.ts';
import type { MedicalTables } from '../medical/storage/tables.ts';
import type { PriceTables } from '../price/storage/tables.ts';
import type { SimulationTables } from '../simulation/storage/tables.ts';

export type Database = CoreTables &
  MedicalTables &
  CreditTables &
  PriceTables &
  DisabilityTables &
  SimulationTables;
