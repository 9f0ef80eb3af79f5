import { auditFeature } from './audit/audit.feature';
import type { ConsoleFeature } from './feature';
import { operatorsFeature } from './operators/operators.feature';
import { settingsFeature } from './settings/settings.feature';

/** Every page of the console, in menu order within its section. A new page: a folder here and a line below. */
export const consoleFeatures: readonly ConsoleFeature[] = [settingsFeature, operatorsFeature, auditFeature];
