import { type BUILT_IN_SEGMENTS, toBusinessIso, type Segment as SegmentView } from '@cakeday/shared';
import type { Segment } from './Segment.model';

export function presentSegment(segment: Segment, size: number): SegmentView {
  return {
    id: segment._id.toHexString(),
    name: segment.name,
    conditions: segment.conditions,
    builtIn: false,
    version: segment.version,
    size,
    createdBy: segment.createdBy,
    updatedAt: toBusinessIso(segment.updatedAt),
  };
}

export function presentBuiltInSegment(segment: (typeof BUILT_IN_SEGMENTS)[number], size: number): SegmentView {
  return { id: segment.id, name: segment.name, conditions: segment.conditions, builtIn: true, version: 0, size, createdBy: null, updatedAt: null };
}
