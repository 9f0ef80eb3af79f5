import { randomBytes } from 'node:crypto';
import { tillClient, TillError, type TillKey } from './tillClient';

const USAGE = `usage: npm run till -- <command>   (a till simulator: signed requests to the integration API)
  identify <member code>                       the member behind a code (the QR token or the 18 digits)
  purchase <member code> <yuan> [--discount <yuan>] [--coupon <id>]… [--points <n>] [--receipt <no>] [--sku <sku>]
                                               rings up one line and records the purchase (--points: the member
                                               pays that many points, if the brand allows it)
  refund <receipt no> <yuan> [--refund-no <no>] refunds (part of) a purchase
The API is CAKEDAY_URL (default http://127.0.0.1:3000); the key is CAKEDAY_KEY_ID and CAKEDAY_SECRET
(npm run ops -- create-integration, or 接入管理 in the console).`;

function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
}

function options(argv: string[], name: string): string[] {
  return argv.flatMap((value, index) => (value === `--${name}` && argv[index + 1] ? [argv[index + 1] as string] : []));
}

const fen = (yuan: string | undefined): number => Math.round(Number(yuan ?? '0') * 100);
const number = (prefix: string): string => `${prefix}${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`;

export interface TillEnvironment {
  CAKEDAY_URL?: string;
  CAKEDAY_KEY_ID?: string;
  CAKEDAY_SECRET?: string;
}

/** Runs one command against the API; returns the exit code (0 done, 1 refused by the API, 2 usage). */
export async function runTillCommand(argv: string[], out: (line: string) => void, env: TillEnvironment, now: () => Date = () => new Date()): Promise<number> {
  const [command, first, second] = argv;
  if (!env.CAKEDAY_KEY_ID || !env.CAKEDAY_SECRET || !command || !first) {
    out(USAGE);
    return 2;
  }
  const key: TillKey = { keyId: env.CAKEDAY_KEY_ID, secret: env.CAKEDAY_SECRET };
  const till = tillClient(env.CAKEDAY_URL ?? 'http://127.0.0.1:3000', key, now);
  try {
    if (command === 'identify') {
      const answer = await till.call('pos.identify', { memberCode: first });
      out(`member ${answer.member.maskedName} · ${answer.member.tier.name} · ${answer.member.pointsBalance} points`);
      for (const coupon of answer.coupons) out(`coupon ${coupon.id} ${coupon.title} ${coupon.valueText} ${coupon.blocker ? `(cannot use: ${coupon.blocker.message})` : ''}`.trimEnd());
      return 0;
    }
    if (command === 'purchase' && second) {
      const totalFen = fen(second);
      const discountFen = fen(option(argv, 'discount'));
      const receiptNo = option(argv, 'receipt') ?? number('R');
      const pointsToRedeem = Number(option(argv, 'points') ?? '0');
      // What the points pay follows the brand's rate, which the till learns from identify.
      const payment = pointsToRedeem > 0 ? (await till.call('pos.identify', { memberCode: first })).pointsPayment : null;
      const pointsFen = payment ? Math.floor((pointsToRedeem * 100) / payment.pointsPerYuan) : 0;
      const answer = await till.call('pos.purchase', {
        receiptNo,
        purchasedAt: now().toISOString(),
        lines: [{ sku: option(argv, 'sku') ?? 'CAKE-8', name: '8寸生日蛋糕', qty: 1, amountFen: totalFen }],
        totalFen,
        discountFen,
        paidFen: totalFen - discountFen - pointsFen,
        pointsToRedeem,
        memberCode: first,
        couponIds: options(argv, 'coupon'),
      });
      out(`receipt ${answer.receiptNo}: paid ¥${(answer.paidFen / 100).toFixed(2)}, earned ${answer.pointsEarned} points`);
      if (answer.pointsRedeemed > 0) out(`paid with ${answer.pointsRedeemed} points (¥${(answer.pointsRedeemedFen / 100).toFixed(2)})`);
      out(`member ${answer.member.maskedName} · ${answer.member.tier.name}${answer.member.tierChanged ? ' (new tier)' : ''} · ${answer.member.pointsBalance} points`);
      if (answer.couponsWrittenOff.length > 0) out(`coupons written off: ${answer.couponsWrittenOff.join(', ')}`);
      return 0;
    }
    if (command === 'refund' && second) {
      const answer = await till.call('pos.refund', { receiptNo: first, refundNo: option(argv, 'refund-no') ?? number('F'), refundedAt: now().toISOString(), refundFen: fen(second) });
      out(`refund ${answer.refundNo} of receipt ${answer.receiptNo}: ${answer.status}, ¥${(answer.refundFen / 100).toFixed(2)}, ${answer.pointsClawedBack} points taken back${answer.pointsReturned > 0 ? `, ${answer.pointsReturned} points returned` : ''}`);
      if (answer.couponsRestored.length > 0) out(`coupons restored: ${answer.couponsRestored.join(', ')}`);
      return 0;
    }
  } catch (error) {
    if (error instanceof TillError) {
      out(`refused: ${error.message}`);
      return 1;
    }
    throw error;
  }
  out(USAGE);
  return 2;
}

if (require.main === module) {
  runTillCommand(process.argv.slice(2), (line) => console.log(line), process.env)
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
