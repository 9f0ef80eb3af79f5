import { DEMO_MEMBER_PHONE } from '../../scripts/seed/demoMemberSeeder';
import { DEMO_OPERATORS } from '../../scripts/seed/operatorSeeder';

/** The seed's demo data the console journey works on (scripts/seed). */
export function demoOperator(loginName: 'admin' | 'analyst' | 'ops' | 'moderator'): { loginName: string; password: string; displayName: string } {
  const operator = DEMO_OPERATORS.find((candidate) => candidate.loginName === loginName);
  if (!operator) throw new Error(`no demo operator ${loginName}`);
  return operator;
}

/** The demo member's phone as the seed binds it, and as every page shows it. */
export const DEMO_PHONE = DEMO_MEMBER_PHONE;
export const DEMO_PHONE_MASKED = `${DEMO_PHONE.slice(0, 3)}****${DEMO_PHONE.slice(-4)}`;
/** Seeded with 80 units. */
export const STOCK_ITEM = { title: '会员周边帆布袋', stock: 80 };
