import type { PlatformModule } from '../platform/module.ts';
import { registerSimulationCommands } from './commands/index.ts';
import { simulationErrors } from './errors.ts';
import { simulationMigrations } from './storage/migrations.ts';

/**
 * The simulation area (政策测算) as the platform sees it. It has no article
 * of its own: it runs the other areas' rules with a scenario's parameters,
 * so it declares no rules and no manifest.
 */
export const simulationModule: PlatformModule = {
  name: 'simulation',
  title: '测算',
  migrations: simulationMigrations,
  commands: registerSimulationCommands,
  // Loaded on use, like the other areas: services import the error catalog,
  // which reads this module while it is assembled.
  routes: async (app, ctx) => (await import('./routes/index.ts')).simulationRoutes(app, ctx),
  errors: simulationErrors,
  rules: [],
  manifests: [],
};
