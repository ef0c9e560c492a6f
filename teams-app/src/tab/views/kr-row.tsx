/** One key result: progress, status, trend against the expected line, and its explanation on demand. */
import { Badge, Button, Link, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { explanationSentence, ownerLabel, type PeopleIndex } from '@okr-bridge/core/present';
import { useId, useState } from 'react';
import type { KrView, ProgressPoint } from '../../tab-api/contract';
import { StateBadge, StatusBadge, TONE_BAR_COLOR } from './badges';
import { useDates } from '../viewer';
import { Sparkline } from './sparkline';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(200px, 3fr) minmax(140px, 2fr) auto auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    // A phone or a narrow side panel: the title on a line of its own, then the bar and Explain, then the badges.
    '@media (max-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr) auto' },
  },
  wideOnly: { '@media (max-width: 640px)': { gridColumn: '1 / -1' } },
  after: { '@media (max-width: 640px)': { order: 1 } },
  last: { '@media (max-width: 640px)': { order: 2 } },
  title: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  explain: { gridColumn: '1 / -1', background: tokens.colorNeutralBackground2, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium },
});

export interface KrRowProps {
  readonly kr: KrView;
  readonly cycle: { readonly start: string; readonly end: string };
  readonly expectedLabel: string;
  readonly trend: readonly ProgressPoint[] | undefined;
  readonly mine: boolean;
  /** The people the Jira app sent for the view's owners. */
  readonly people: PeopleIndex;
}

export function KrRow({ kr, cycle, expectedLabel, trend, mine, people }: KrRowProps) {
  const styles = useStyles();
  const { sentence } = useDates();
  const [open, setOpen] = useState(false);
  const explainId = useId();
  return (
    <div className={styles.row} data-kr={kr.id}>
      <div className={`${styles.title} ${styles.wideOnly}`}>
        <Text weight="semibold">{kr.title}</Text>
        <Text size={200}>
          {kr.owner ? ownerLabel(kr.owner, people) : 'No owner'} · {kr.valueLabel}
        </Text>
      </div>
      <div className={styles.bar}>
        <ProgressBar value={kr.progress} max={1} thickness="large" aria-label={`${kr.title}: ${kr.progressLabel}`} color={TONE_BAR_COLOR[kr.tone]} />
        <Text size={200}>{kr.progressLabel}</Text>
      </div>
      <div className={`${styles.badges} ${styles.wideOnly} ${styles.after}`}>
        <StatusBadge status={kr.status} label={kr.statusLabel} />
        {kr.dependencyState && kr.dependencyState !== 'done' && <StateBadge state={kr.dependencyState} prefix="Dependency: " />}
        {mine && <Badge appearance="outline">Yours</Badge>}
        <Sparkline cycle={cycle} points={trend} progressLabel={kr.progressLabel} expectedLabel={expectedLabel} tone={kr.tone} name={kr.title} />
      </div>
      <Button appearance="subtle" aria-expanded={open} aria-controls={explainId} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide' : 'Explain'}
        <span className="visually-hidden"> {kr.title}</span>
      </Button>
      {open && (
        <div id={explainId} className={`${styles.explain} ${styles.last}`}>
          <Text block>{sentence(kr.statusReason)}</Text>
          {kr.explanation.map((line) => (
            <Text block key={explanationSentence(line)}>
              {line.issue?.url ? (
                <Link href={line.issue.url} target="_blank" rel="noreferrer">
                  {line.issue.key}
                </Link>
              ) : (
                line.issue?.key
              )}
              {line.issue ? `: ${sentence(line.text)}` : sentence(line.text)}
            </Text>
          ))}
        </div>
      )}
    </div>
  );
}
