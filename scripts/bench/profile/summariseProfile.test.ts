import { areaOf, renderProfile, summariseProfiles, type CpuProfile } from './summariseProfile';

const frame = (id: number, functionName: string, url: string) => ({ id, callFrame: { functionName, url, lineNumber: 9 } });

describe('summarising a CPU profile', () => {
  it('adds self time per function and per area, leaving idle out of the shares', () => {
    const profile: CpuProfile = {
      nodes: [
        frame(1, '(idle)', ''),
        frame(2, 'serializeInto', 'file:///repo/node_modules/bson/lib/bson.cjs'),
        frame(3, 'describeMember', 'file:///repo/bff/dist/members/describeMember.js'),
        frame(4, '(garbage collector)', ''),
      ],
      samples: [1, 2, 2, 3, 4, 1],
      timeDeltas: [5000, 3000, 3000, 2000, 2000, 5000],
    };
    const summary = summariseProfiles([profile, profile]);
    expect(summary).toMatchObject({ busyMs: 20, idleMs: 20 });
    expect(summary.areas).toEqual([
      { name: 'bson', ms: 12, share: 0.6 },
      { name: 'bff/members', ms: 4, share: 0.2 },
      { name: '(garbage collector)', ms: 4, share: 0.2 },
    ]);
    expect(summary.functions[0]).toEqual({ name: 'serializeInto bson/lib/bson.cjs:10', ms: 12, share: 0.6 });
    expect(renderProfile(summary)).toContain(' 60.0%      12 ms  bson');
  });

  it('names areas by package (scoped too), BFF folder, Node internals', () => {
    expect(areaOf('file:///r/node_modules/@koa/router/dist/index.js', 'match')).toBe('@koa/router');
    expect(areaOf('file:///r/bff/dist/http/registerRoutes.js', 'x')).toBe('bff/http');
    expect(areaOf('node:internal/streams/writable', 'write')).toBe('node:streams');
    expect(areaOf('', 'writev')).toBe('(native)');
  });
});
