/** An issue key that opens the issue in Jira; a real link, so it is keyboard reachable and readable. */
import type { MouseEvent } from 'react';
import { token } from '@atlaskit/tokens';
import { openIssue } from '../api/navigation';

/** `ENG-101`, opening the issue through the bridge (the iframe cannot navigate Jira itself). */
export function IssueLink({ issueKey, url }: { readonly issueKey: string; readonly url?: string | null }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    openIssue(issueKey);
  };
  return (
    <a href={url ?? `#issue-${issueKey}`} onClick={onClick} style={{ color: token('color.link'), textDecoration: 'underline' }} data-issue={issueKey}>
      {issueKey}
    </a>
  );
}

/** Keys separated by commas. */
export function IssueLinks({ links }: { readonly links: readonly { readonly key: string; readonly url: string | null }[] }) {
  return (
    <>
      {links.map((l, i) => (
        <span key={l.key}>
          {i > 0 && ', '}
          <IssueLink issueKey={l.key} url={l.url} />
        </span>
      ))}
    </>
  );
}
