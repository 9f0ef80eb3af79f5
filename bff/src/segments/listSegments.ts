import { BUILT_IN_SEGMENTS, toBusinessIso } from '@cakeday/shared';
import { presentBuiltInSegment, presentSegment } from './presentSegment';
import { SegmentModel } from './Segment.model';
import { segmentSizes } from './segmentMembership';

/** The built-in RFM levels, then ops' segments by name, each with its size now (one pass over the members for all). */
export async function listSegments(now: Date) {
  const stored = await SegmentModel.find({ state: 'active' }).sort({ name: 1 }).lean();
  const sizes = await segmentSizes([...BUILT_IN_SEGMENTS.map((segment) => segment.conditions), ...stored.map((segment) => segment.conditions)], now);
  const builtIn = BUILT_IN_SEGMENTS.map((segment, index) => presentBuiltInSegment(segment, sizes[index] ?? 0));
  const own = stored.map((segment, index) => presentSegment(segment, sizes[BUILT_IN_SEGMENTS.length + index] ?? 0));
  return { items: [...builtIn, ...own], sizedAt: toBusinessIso(now) };
}
