/**
 * An empty state sized for an issue panel's narrow column: a small heading and a line of
 * advice, without Atlaskit's illustration-sized empty state (and its button group).
 */
import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives/compiled';

export function CompactEmpty({ header, description, testId }: { readonly header: string; readonly description: string; readonly testId?: string }) {
  return (
    <Box paddingBlock="space.100" testId={testId}>
      <Stack space="space.075">
        <Heading size="xsmall" as="h2">
          {header}
        </Heading>
        <Text color="color.text.subtle">{description}</Text>
      </Stack>
    </Box>
  );
}
