/** The sentence that says what one epic adds to a key result it drives. */
import type { EpicView } from '@okr-bridge/core';
import { formatNumber, percentLabel } from '@okr-bridge/core/present';

export type EpicKr = EpicView['keyResults'][number];

/** "12 of 20 child issues done; 12 of the key result's 40" (or why there is no share). */
export function describeShare(kr: EpicKr): string {
  if (!kr.share) return 'This epic is linked but not counted yet: the next sync reads its child issues.';
  const { children, done, credit, size } = kr.share;
  if (children === 0) return 'This epic has no child issues yet, so it adds nothing to the key result.';
  const total = kr.explain.denominator;
  const part = percentLabel(total > 0 ? size / total : 0);
  return `${done} of ${children} child issues done; this epic counts ${formatNumber(credit)} of ${formatNumber(size)}, ${part} of the key result's scope.`;
}
