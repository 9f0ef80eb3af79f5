import type { Operator } from './Operator.model';

/** What the operator must do before anything else: change a one-time password; an admin, turn two-factor on. */
export function operatorRequirements(
  operator: Pick<Operator, 'mustChangePassword' | 'roles' | 'totp'>,
  policy: { totpRequiredForAdmin: boolean },
): { passwordChange: boolean; totpEnrollment: boolean } {
  return {
    passwordChange: operator.mustChangePassword,
    totpEnrollment: policy.totpRequiredForAdmin && operator.roles.includes('admin') && !operator.totp.enabled,
  };
}
