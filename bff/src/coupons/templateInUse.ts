import { BirthdayPackageModel } from '../birthday/BirthdayPackage.model';
import { MallItemModel } from '../mall/MallItem.model';

/**
 * Whether something live issues this template: an item on sale, an active birthday package, or a code the program
 * issues by (settings, referral). Deactivating it would make those fail to issue (a paid order left unfulfilled).
 */
export async function templateInUse(code: string, programCodes: readonly string[]): Promise<boolean> {
  if (programCodes.includes(code)) return true;
  const [item, pkg] = await Promise.all([
    MallItemModel.exists({ couponTemplateCode: code, status: 'active' }),
    BirthdayPackageModel.exists({ active: true, 'items.templateCode': code }),
  ]);
  return item !== null || pkg !== null;
}
