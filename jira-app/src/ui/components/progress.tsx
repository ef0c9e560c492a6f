/** A progress bar with its number beside it, labelled for screen readers. */
import ProgressBar from '@atlaskit/progress-bar';
import { Box, Inline, Text } from '@atlaskit/primitives';

export interface ProgressLineProps {
  /** 0..1 */
  readonly progress: number;
  readonly label: string;
  /** What the bar measures, read out with the number: "Ship single sign-on progress". */
  readonly name: string;
  readonly width?: number;
}

/** The bar (success colour once done) and "42%". */
export function ProgressLine({ progress, label, name, width = 160 }: ProgressLineProps) {
  return (
    <Inline space="space.100" alignBlock="center">
      <Box as="span" style={{ width, display: 'inline-block' }}>
        <ProgressBar value={progress} appearance={progress >= 1 ? 'success' : 'default'} ariaLabel={`${name}: ${label}`} />
      </Box>
      <Text size="small" weight="semibold">
        {label}
      </Text>
    </Inline>
  );
}
