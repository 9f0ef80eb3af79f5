import { takeContractViolations } from './routeContract';

// Every HTTP test doubles as a check that the answers agree with the declared contract (and so with /openapi.json).
afterEach(() => {
  const violations = takeContractViolations();
  if (violations.length > 0) throw new Error(`answers the route table does not declare:\n  ${violations.join('\n  ')}`);
});
