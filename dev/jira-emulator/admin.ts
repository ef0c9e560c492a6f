/**
 * The emulator's own API under `/_emulator/` (same auth as the Jira API, not counted as Jira
 * calls): statistics, faults, webhook registrations, changes to the site, and a look at one
 * stored issue. Routes return replies; the server writes them.
 *
 *   GET    /_emulator/stats            counts per endpoint, pages, faults, webhook deliveries
 *   DELETE /_emulator/stats            resets them
 *   GET    /_emulator/faults           the current faults
 *   POST   /_emulator/faults           replaces them (body: FaultOptions; {} clears)
 *   GET    /_emulator/webhooks         registered URLs
 *   POST   /_emulator/webhooks         registers { url }
 *   DELETE /_emulator/webhooks[/ID]    unregisters one or all
 *   POST   /_emulator/changes          applies a SiteChange, pushes its events
 *   GET    /_emulator/issues/KEY       the stored issue
 */
import { z } from 'zod';
import { formatPath } from '../../core/src/model/issue';
import type { ChangeOutcome, SiteChange } from './changes';
import { siteChangeSchema } from './changes';
import { faultOptionsSchema, type FaultInjector } from './faults';
import { jiraError, ok, type Reply } from './http';
import type { Site } from './site';
import type { EmulatorStats } from './stats';
import type { WebhookHub } from './webhooks';

export interface AdminContext {
  readonly site: Site;
  readonly faults: FaultInjector;
  readonly hub: WebhookHub;
  readonly stats: () => EmulatorStats;
  readonly resetStats: () => void;
  readonly apply: (change: SiteChange) => ChangeOutcome;
}

const webhookSchema = z.strictObject({ url: z.url({ protocol: /^https?$/ }) });

function invalid(error: z.ZodError): Reply {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[formatPath(issue.path)] = issue.message;
  return jiraError(400, ['Invalid request payload. Refer to the emulator README and try again.'], errors);
}

/** Answers an `/_emulator/…` request; null when no route matches. */
export function routeAdmin(ctx: AdminContext, method: string, path: string, body: unknown): Reply | null {
  const parts = path.split('/').filter(Boolean).slice(1);
  const [resource, id] = parts;
  const route = `${method} ${resource ?? ''}${id === undefined ? '' : '/:id'}`;
  switch (route) {
    case 'GET stats':
      return ok(ctx.stats());
    case 'DELETE stats':
      ctx.resetStats();
      return { status: 204 };
    case 'GET faults':
      return ok(ctx.faults.current);
    case 'POST faults': {
      const parsed = faultOptionsSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      ctx.faults.set(parsed.data);
      return ok(ctx.faults.current);
    }
    case 'GET webhooks':
      return ok(ctx.hub.list());
    case 'POST webhooks': {
      const parsed = webhookSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      return ok(ctx.hub.register(parsed.data.url), 201);
    }
    case 'DELETE webhooks':
      ctx.hub.clear();
      return { status: 204 };
    case 'DELETE webhooks/:id':
      return ctx.hub.unregister(id as string) ? { status: 204 } : jiraError(404, [`No webhook ${id}.`]);
    case 'POST changes': {
      const parsed = siteChangeSchema.safeParse(body);
      if (!parsed.success) return invalid(parsed.error);
      const outcome = ctx.apply(parsed.data);
      if (outcome.kind === 'not-found') return jiraError(404, [outcome.message]);
      if (outcome.kind === 'invalid') return jiraError(400, [outcome.message]);
      return ok({ issue: outcome.issue, events: outcome.events });
    }
    case 'GET issues/:id': {
      const raw = ctx.site.get(decodeURIComponent(id as string));
      return raw ? ok(raw) : jiraError(404, ['Issue does not exist or you do not have permission to see it.']);
    }
    default:
      return null;
  }
}
