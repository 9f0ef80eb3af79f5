import type { Scenario } from '../scenario';
import { healthzScenario } from './healthz';
import { helpAssistScenario } from './helpAssist';
import { mallBrowseScenario } from './mallBrowse';
import { mallRedeemScenario } from './mallRedeem';
import { membersMeScenario } from './membersMe';

/** Every scenario, in the order they run; the first is the framework ceiling the others are compared with. Adding one is one line. */
export const scenarios: readonly Scenario[] = [healthzScenario, membersMeScenario, mallBrowseScenario, mallRedeemScenario, helpAssistScenario];
