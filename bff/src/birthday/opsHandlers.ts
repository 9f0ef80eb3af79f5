import type { RouteHandlers } from '../http/routeHandler';
import { auditOf } from '../operators/handlers';
import { BirthdayPackageModel } from './BirthdayPackage.model';
import { presentBirthdayPackageForOps } from './presentBirthdayPackageForOps';
import { updateBirthdayPackage } from './updateBirthdayPackage';

export const birthdayPackagesOpsHandlers: Pick<RouteHandlers, 'ops.birthdayPackages.list' | 'ops.birthdayPackages.update'> = {
  'ops.birthdayPackages.list': async (input) => {
    const packages = await BirthdayPackageModel.find(input.tier ? { tiers: input.tier } : {}).sort({ sortOrder: 1, code: 1 }).lean();
    return { items: packages.map(presentBirthdayPackageForOps) };
  },
  'ops.birthdayPackages.update': async (input, context) => presentBirthdayPackageForOps(await updateBirthdayPackage(input, auditOf(context))),
};
