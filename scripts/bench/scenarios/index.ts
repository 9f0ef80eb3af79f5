import type { Scenario } from '../scenario';
import { campaignDispatchScenario } from './campaignDispatch';
import { dashboardQueryScenario } from './dashboardQuery';
import { healthzScenario } from './healthz';
import { helpAssistScenario } from './helpAssist';
import { mallBrowseScenario } from './mallBrowse';
import { mallRedeemScenario } from './mallRedeem';
import { membersMeScenario } from './membersMe';

/**
 * Every scenario, in the order they run; the first is the framework ceiling the others are compared with. Adding one
 * is one line. The campaign runs before the dashboard: a push reaches every active member, and the dashboard's
 * 100,000 members are not its cohort.
 */
export const scenarios: readonly Scenario[] = [healthzScenario, membersMeScenario, mallBrowseScenario, mallRedeemScenario, helpAssistScenario, campaignDispatchScenario, dashboardQueryScenario];
