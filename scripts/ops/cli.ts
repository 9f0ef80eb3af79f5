import { userInfo } from 'node:os';
import { OPERATOR_ROLES, type OperatorRole } from '@cakeday/shared';
import mongoose from 'mongoose';
import { verifyAuditChain } from '../../bff/src/audit/verifyAuditChain';
import { loadConfig } from '../../bff/src/config/config';
import { createIntegration } from '../../bff/src/integrations/createIntegration';
import { createOperator } from '../../bff/src/operators/createOperator';
import { PRODUCTION_PASSWORD_COST } from '../../bff/src/operators/passwords';
import { StoreModel } from '../../bff/src/writeoff/Store.model';

/** Who created what the CLI creates (no operator is signed in). */
const SYSTEM_OPERATOR_ID = '000000000000000000000000';

/** `npm run dev`'s database, when MONGODB_URI is not given. */
export const DEV_DATABASE_URI = 'mongodb://127.0.0.1:27018/cakeday';

const USAGE = `usage: npm run ops -- <command>
  create-operator --name <login> --role <${OPERATOR_ROLES.join('|')}>[,<role>…] [--display <name>] [--store <store code>]
      creates an operator and prints a one-time password (to be changed at first login)
  create-integration --name <name> (--store <store code> | --online)
      creates a till's (or the online shop's) key for the integration API and prints its secret once
  audit-verify
      checks the audit log's hash chain; exits 1 and names the first broken entry if it does not hold
The database is MONGODB_URI, or npm run dev's (${DEV_DATABASE_URI}).`;

function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
}

async function createOperatorCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const loginName = option(argv, 'name')?.toLowerCase();
  const roles = (option(argv, 'role') ?? '').split(',').filter(Boolean) as OperatorRole[];
  if (!loginName || roles.length === 0 || roles.some((role) => !OPERATOR_ROLES.includes(role))) {
    out(USAGE);
    return 2;
  }
  const storeCode = option(argv, 'store');
  const store = storeCode ? await StoreModel.findOne({ code: storeCode }, { _id: 1 }).lean() : null;
  if (storeCode && !store) {
    out(`no store with code ${storeCode}`);
    return 2;
  }
  const actor = { type: 'system' as const, id: 'ops-cli', name: `ops CLI (${userInfo().username})`, roles: [] };
  const { operator, password } = await createOperator(
    { loginName, displayName: option(argv, 'display') ?? loginName, roles, storeId: store?._id.toHexString() ?? null },
    { actor, requestId: null, ip: null, now: new Date() },
    PRODUCTION_PASSWORD_COST,
  );
  out(`created operator ${operator.loginName} (${operator.roles.join(', ')}), id ${operator._id.toHexString()}`);
  out(`one-time password: ${password}`);
  out('It is shown only now; the operator must change it at first login.');
  return 0;
}

async function createIntegrationCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const name = option(argv, 'name');
  const storeCode = option(argv, 'store');
  const online = argv.includes('--online');
  if (!name || online === Boolean(storeCode)) {
    out(USAGE);
    return 2;
  }
  const store = storeCode ? await StoreModel.findOne({ code: storeCode }, { _id: 1 }).lean() : null;
  if (storeCode && !store) {
    out(`no store with code ${storeCode}`);
    return 2;
  }
  const actor = { type: 'system' as const, id: 'ops-cli', name: `ops CLI (${userInfo().username})`, roles: [] };
  const { integration, secret } = await createIntegration(
    { name, kind: online ? 'online' : 'store', storeId: store?._id.toHexString() ?? null },
    SYSTEM_OPERATOR_ID,
    { actor, requestId: null, ip: null, now: new Date() },
    loadConfig({ MONGODB_URI: DEV_DATABASE_URI, ...process.env }).SESSION_SECRET,
  );
  out(`created integration ${integration.name}: key id ${integration.keyId}`);
  out(`secret: ${secret}`);
  out('It is shown only now: give it to the till (CAKEDAY_KEY_ID / CAKEDAY_SECRET for npm run till).');
  return 0;
}

async function auditVerifyCommand(out: (line: string) => void): Promise<number> {
  const verdict = await verifyAuditChain();
  if (verdict.intact) {
    out(`audit log intact: ${verdict.entries} entries`);
    return 0;
  }
  out(`audit log BROKEN at entry ${verdict.firstBroken?.seq} (${verdict.firstBroken?.problem}); ${verdict.entries} entries before it hold`);
  return 1;
}

/** Runs one command on the connected database; returns the exit code. */
export async function runOpsCommand(argv: string[], out: (line: string) => void): Promise<number> {
  switch (argv[0]) {
    case 'create-operator':
      return createOperatorCommand(argv.slice(1), out);
    case 'create-integration':
      return createIntegrationCommand(argv.slice(1), out);
    case 'audit-verify':
      return auditVerifyCommand(out);
    default:
      out(USAGE);
      return argv[0] ? 2 : 0;
  }
}

async function main(): Promise<void> {
  const uri = process.env.MONGODB_URI ?? DEV_DATABASE_URI;
  try {
    await mongoose.connect(uri, { serverSelectionTimeoutMS: 3000 });
  } catch {
    console.error(`ops: cannot reach the database at ${uri}: start \`npm run dev\` or set MONGODB_URI`);
    process.exit(2);
  }
  const code = await runOpsCommand(process.argv.slice(2), (line) => console.log(line)).finally(() => mongoose.disconnect());
  process.exit(code);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
