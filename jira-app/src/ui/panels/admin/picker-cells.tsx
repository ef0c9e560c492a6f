/**
 * The settings' people and project pickers. A cell shows its values as a button until someone
 * edits it; only then the picker (AsyncSelect, Avatar) loads and searches Jira, so opening the
 * settings page costs neither JavaScript nor Jira calls for cells nobody touches.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { Box } from '@atlaskit/primitives/compiled';
import { deferred, Deferred } from '../../components/deferred';
import { ownerText, usePeopleMap } from '../../components/people/people-context';

const PeopleCell = deferred(() => import('../../components/people/pickers.js').then((m) => m.PeopleCell));
const PersonCell = deferred(() => import('../../components/people/pickers.js').then((m) => m.PersonCell));
const ProjectsCell = deferred(() => import('../../components/people/pickers.js').then((m) => m.ProjectsCell));

export interface PickerCellProps {
  /** `person`: one account (`value` holds at most one). */
  readonly kind: 'people' | 'person' | 'projects';
  readonly id: string;
  readonly label: string;
  readonly showLabel?: boolean;
  readonly value: readonly string[];
  readonly onChange: (v: string[]) => void;
}

export function PickerCell({ kind, showLabel, ...props }: PickerCellProps) {
  const people = usePeopleMap();
  const [editing, setEditing] = useState(false);
  const text = props.value.map((v) => (kind === 'projects' ? v : ownerText(v, people))).join(', ') || 'none';
  const Cell = kind === 'people' ? PeopleCell : kind === 'person' ? PersonCell : ProjectsCell;
  const shown = (
    <Button spacing="compact" appearance="subtle" onClick={() => setEditing(true)} aria-label={`${props.label}: ${text}`} testId={`${props.id}-edit`}>
      {text}
    </Button>
  );
  return (
    <Box style={{ minWidth: 180 }}>
      {showLabel && (
        <label htmlFor={props.id} style={{ display: 'block', fontSize: 12, fontWeight: 600 }}>
          {props.label}
        </label>
      )}
      {editing ? (
        <Deferred fallback={shown}>
          <Cell {...props} autoFocus />
        </Deferred>
      ) : (
        shown
      )}
    </Box>
  );
}
