import type { EpicKr } from './share';
import { describeShare } from './share';

const kr = (share: EpicKr['share'], denominator = 80) => ({ share, explain: { denominator } }) as unknown as EpicKr;

describe('describeShare', () => {
  it("says what the epic counts and its part of the key result's scope", () => {
    expect(describeShare(kr({ credit: 22, size: 38, children: 8, done: 5 }, 82))).toBe("5 of 8 child issues done; this epic counts 22 of 38, 46% of the key result's scope.");
  });

  it('says an epic without children adds nothing', () => {
    expect(describeShare(kr({ credit: 0, size: 0, children: 0, done: 0 }))).toBe('This epic has no child issues yet, so it adds nothing to the key result.');
  });

  it('says a linked epic not read yet waits for the next sync', () => {
    expect(describeShare(kr(null))).toBe('This epic is linked but not counted yet: the next sync reads its child issues.');
  });
});
