/** A quiet "Updated 20 s ago" beside the live views; it ticks on its own. */
import { Text, tokens } from '@fluentui/react-components';
import { describeAgo } from '@okr-bridge/core/present';
import { useEffect, useState } from 'react';

export function UpdatedAgo({ at }: { readonly at: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text size={200} style={{ color: tokens.colorNeutralForeground3 }} data-testid="updated-ago">
      <span aria-live="off">{describeAgo(at, Math.max(now, at))}</span>
    </Text>
  );
}
