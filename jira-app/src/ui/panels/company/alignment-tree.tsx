/** The alignment tree from company objectives down: each node a disclosure button, so it reads and works from the keyboard. */
import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { AlignmentNode } from '@okr-bridge/core';
import { ProgressLine } from '../../components/progress';
import { StatusLozenge } from '../../components/status';

function KeyResults({ objective, onExplain }: { readonly objective: AlignmentNode['objective']; readonly onExplain: (kr: string) => void }) {
  return (
    <Stack as="ul" space="space.050" testId={`tree-krs-${objective.id}`}>
      {objective.keyResults.map((kr) => (
        <Inline as="li" key={kr.id} space="space.100" alignBlock="center" shouldWrap>
          <Text size="small">{kr.title}</Text>
          <Text size="small" weight="semibold">
            {kr.progressLabel}
          </Text>
          <Text size="small" color="color.text.subtle">
            {kr.valueLabel}
          </Text>
          <Button spacing="compact" appearance="subtle" onClick={() => onExplain(kr.id)} aria-label={`Explain ${kr.title}`}>
            Explain
          </Button>
        </Inline>
      ))}
    </Stack>
  );
}

function Node({ node, depth, via, onExplain }: { readonly node: AlignmentNode; readonly depth: number; readonly via: string | null; readonly onExplain: (kr: string) => void }) {
  const [open, setOpen] = useState(depth < 1);
  const o = node.objective;
  const childId = `tree-children-${o.id}`;
  return (
    <Box as="li" style={{ listStyle: 'none', borderLeft: depth > 0 ? `2px solid ${token('color.border')}` : undefined, paddingLeft: depth > 0 ? 12 : 0 }} testId={`tree-node-${o.id}`}>
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Button spacing="compact" appearance="subtle" aria-expanded={open} aria-controls={childId} onClick={() => setOpen(!open)} aria-label={`${open ? 'Collapse' : 'Expand'} ${o.title}`}>
            {open ? '▾' : '▸'}
          </Button>
          <Text weight="semibold">{o.title}</Text>
          <StatusLozenge status={o.status} label={o.statusLabel} />
          <ProgressLine progress={o.progress} label={o.progressLabel} name={o.title} width={100} />
          <Text size="small" color="color.text.subtle">
            {o.departmentName}
            {via ? ` · via ${via}` : ''}
          </Text>
        </Inline>
        {open && (
          <Box id={childId} paddingInlineStart="space.400">
            <Stack space="space.075">
              <KeyResults objective={o} onExplain={onExplain} />
              {node.children.length > 0 && (
                <Stack as="ul" space="space.050">
                  {node.children.map((c) => (
                    <Node key={`${c.kr}:${c.node.objective.id}`} node={c.node} depth={depth + 1} via={o.keyResults.find((k) => k.id === c.kr)?.title ?? c.kr} onExplain={onExplain} />
                  ))}
                </Stack>
              )}
            </Stack>
          </Box>
        )}
      </Stack>
    </Box>
  );
}

/** The forest of company objectives; each node opens to its key results (with Explain) and the objectives aligned to it. */
export function AlignmentTree({ tree, onExplain }: { readonly tree: readonly AlignmentNode[]; readonly onExplain: (kr: string) => void }) {
  if (tree.length === 0) return <Text>No company objectives in this cycle: add them in the org file (Apps → OKR settings → Import).</Text>;
  return (
    <Stack as="ul" space="space.150" testId="alignment-tree" aria-label="Alignment from company objectives down">
      {tree.map((n) => (
        <Node key={n.objective.id} node={n} depth={0} via={null} onExplain={onExplain} />
      ))}
    </Stack>
  );
}
