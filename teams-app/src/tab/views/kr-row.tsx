/** One key result: progress, status, trend against the expected line, and its explanation on demand. */
import { Badge, Button, Link, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { KrView, ProgressPoint } from '../../tab-api/contract';
import { StateBadge, StatusBadge } from './badges';
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
}

export function KrRow({ kr, cycle, expectedLabel, trend, mine }: KrRowProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const explainId = useId();
  const e = kr.explain;
  return (
    <div className={styles.row} data-kr={kr.id}>
      <div className={`${styles.title} ${styles.wideOnly}`}>
        <Text weight="semibold">{kr.title}</Text>
        <Text size={200}>
          {kr.owner ?? 'No owner'} · {kr.valueLabel}
        </Text>
      </div>
      <div className={styles.bar}>
        <ProgressBar value={kr.progress} max={1} thickness="large" aria-label={`${kr.title}: ${kr.progressLabel}`} color={kr.status === 'at-risk' ? 'error' : kr.status === 'behind' ? 'warning' : 'brand'} />
        <Text size={200}>{kr.progressLabel}</Text>
      </div>
      <div className={`${styles.badges} ${styles.wideOnly} ${styles.after}`}>
        <StatusBadge status={kr.status} label={kr.statusLabel} />
        {kr.dependencyState && kr.dependencyState !== 'done' && <StateBadge state={kr.dependencyState} prefix="Dependency: " />}
        {mine && <Badge appearance="outline">Yours</Badge>}
        <Sparkline cycle={cycle} points={trend} progressLabel={kr.progressLabel} expectedLabel={expectedLabel} tone={kr.tone} />
      </div>
      <Button appearance="subtle" aria-expanded={open} aria-controls={explainId} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide' : 'Explain'}
        <span className="visually-hidden"> {kr.title}</span>
      </Button>
      {open && (
        <div id={explainId} className={`${styles.explain} ${styles.last}`}>
          <Text block>{e.rule}</Text>
          {e.epics && e.epics.length > 0 && (
            <ul>
              {e.epics.map((ep) => {
                const link = kr.epics.find((l) => l.key === ep.key);
                return (
                  <li key={ep.key}>
                    {link?.url ? (
                      <Link href={link.url} target="_blank" rel="noreferrer">
                        {ep.key}
                      </Link>
                    ) : (
                      ep.key
                    )}
                    : {ep.done} of {ep.children} issues done, counts {Math.round(ep.credit * 10) / 10} of {Math.round(ep.size * 10) / 10}
                  </li>
                );
              })}
            </ul>
          )}
          {e.unestimated ? <Text block>{e.unestimated} issues have no story points and are not counted.</Text> : null}
          {e.scopeAdded && (e.scopeAdded.issues > 0 || e.scopeAdded.points > 0) ? (
            <Text block>
              Scope added since the cycle started: {e.scopeAdded.issues} issues, {e.scopeAdded.points} points.
            </Text>
          ) : null}
          {e.empty ? <Text block>No issues under its epics yet: progress is 0.</Text> : null}
        </div>
      )}
    </div>
  );
}
