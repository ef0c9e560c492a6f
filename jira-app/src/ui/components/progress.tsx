/** A progress bar with its number beside it, labelled for screen readers; the number never wraps. */
import ProgressBar from '@atlaskit/progress-bar';

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
    <span className="okr-progress">
      <span style={{ width, display: 'inline-block', flexShrink: 0 }}>
        <ProgressBar value={progress} appearance={progress >= 1 ? 'success' : 'default'} ariaLabel={`${name}: ${label}`} />
      </span>
      <span className="okr-progress-label">{label}</span>
    </span>
  );
}
