import { type RouteResponse } from '@cakeday/shared';
import { call } from '../api/client';
import { showSuccessToast } from '../components/feedback';
import { useAction, type Action } from './useAction';
import { useRemoteData, type RemoteData } from './useRemoteData';

export type BirthdayBenefits = RouteResponse<'birthday.benefits'>;
export type BenefitPackage = BirthdayBenefits['packages'][number];

export interface BirthdayBenefitsState extends RemoteData<BirthdayBenefits> {
  /** Claims a package once for this birthday year; its coupons go to 我的券. */
  claim: Action<[packageCode: string], void>;
}

export function useBirthdayBenefits(): BirthdayBenefitsState {
  const remote = useRemoteData(() => call('birthday.benefits', {}));
  const claim = useAction(async (packageCode: string) => {
    const claimed = await call('birthday.claim', { packageCode });
    showSuccessToast(claimed.coupons.length > 0 ? '领取成功，券已放入我的券' : '领取成功');
    await remote.reload();
  });
  return { ...remote, claim };
}
