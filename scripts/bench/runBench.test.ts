import { parseBenchOptions } from './options';
import { selectScenarios } from './runBench';
import { scenarios } from './scenarios';

describe('choosing what to run', () => {
  it('runs every scenario by default, the ceiling first', () => {
    expect(selectScenarios([]).map((scenario) => scenario.name)).toEqual(scenarios.map((scenario) => scenario.name));
    expect(scenarios[0]?.name).toBe('healthz');
  });

  it('--only keeps the ceiling, unless profiling, and knows a scenario by any of its routes', () => {
    expect(selectScenarios(['members.me']).map((scenario) => scenario.name)).toEqual(['healthz', 'members.me']);
    expect(selectScenarios(['mall.item'], { profile: true }).map((scenario) => scenario.name)).toEqual(['mall.list / mall.item']);
    expect(() => selectScenarios(['members.you'])).toThrow(/no scenario named members\.you/);
  });

  it('gives each scenario its own member group', () => {
    const groups = scenarios.map((scenario) => scenario.group);
    expect(new Set(groups).size).toBe(groups.length);
  });

  it('reads the options', () => {
    expect(parseBenchOptions([], '/out')).toMatchObject({ seconds: 8, warmupSeconds: 2, scale: 1, only: [], profile: false, outDir: '/out', thresholds: { throughput: 0.15, p99: 0.3 } });
    expect(parseBenchOptions(['--seconds', '1', '--warmup', '0', '--only', 'members.me, mall.redeem', '--profile'], '/out')).toMatchObject({ seconds: 1, warmupSeconds: 0, only: ['members.me', 'mall.redeem'], profile: true });
    expect(() => parseBenchOptions(['--seconds', 'soon'], '/out')).toThrow(/--seconds/);
    expect(() => parseBenchOptions(['--fast'], '/out')).toThrow();
  });
});
