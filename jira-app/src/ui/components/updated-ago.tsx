/** A quiet "Updated 20 s ago" under a live view; it ticks on its own. */
import { useEffect, useState } from 'react';
import { Text } from '@atlaskit/primitives/compiled';
import { describeAgo } from '@okr-bridge/core/present';

export function UpdatedAgo({ at }: { readonly at: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text size="small" color="color.text.subtle" testId="updated-ago">
      <span aria-live="off">{describeAgo(at, Math.max(now, at))}</span>
    </Text>
  );
}
