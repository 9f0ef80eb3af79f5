/**
 * Jest's default reporter writes its summary to stderr; CI logs that keep only standard output then show no test at
 * all. This reporter repeats the run's totals on standard output, in the default reporter's own words.
 */
// `results.success` is only settled after the reporters have run.
const passed = (results) =>
  results.numFailedTests === 0 && results.numRuntimeErrorTestSuites === 0 && results.numFailedTestSuites === 0;

class StdoutSummaryReporter {
  onRunComplete(_contexts, results) {
    const count = (passedCount, failed, skipped, total) =>
      [failed && `${failed} failed`, skipped && `${skipped} skipped`, `${passedCount} passed`, `${total} total`]
        .filter(Boolean)
        .join(', ');
    const suitesSkipped = results.numPendingTestSuites;
    process.stdout.write(
      [
        `Test Suites: ${count(results.numPassedTestSuites, results.numFailedTestSuites, suitesSkipped, results.numTotalTestSuites)}`,
        `Tests:       ${count(results.numPassedTests, results.numFailedTests, results.numPendingTests + results.numTodoTests, results.numTotalTests)}`,
        `jest: ${passed(results) ? 'passed' : 'FAILED'}`,
        '',
      ].join('\n'),
    );
  }
}

module.exports = StdoutSummaryReporter;
