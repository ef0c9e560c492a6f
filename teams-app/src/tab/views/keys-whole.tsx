/** Text whose Jira issue keys ("ENG-171") never break at their hyphen. */
import { Fragment } from 'react';

// A Jira issue key: a project key (a capital letter, then capitals, digits or underscores), a hyphen, a number.
const ISSUE_KEY = /\b([A-Z][A-Z0-9_]+-\d+)\b/;

/** `text` with each issue key in a span of `className` (white-space: nowrap). */
export function KeysWhole({ text, className }: { readonly text: string; readonly className: string }) {
  // split() with a capturing group puts the keys at the odd indexes.
  const parts = text.split(ISSUE_KEY);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} className={className}>
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
