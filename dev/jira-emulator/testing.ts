/**
 * Helpers for tests that talk to the emulator over real HTTP: a request function, a basic
 * auth header, a raw issue builder, and a webhook listener on 127.0.0.1 that records what it
 * receives.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RawIssue } from '../../core/src/model/issue';
import { findByName, ISSUE_TYPES, jiraInstant, STATUSES } from './catalog';

export interface HttpResult {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** `Basic base64(email:token)`. */
export function basicAuth(email: string, token: string): string {
  return `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
}

/** Sends one request; the body is parsed as JSON when there is one. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; authorization?: string } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.authorization) headers.authorization = options.authorization;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** A raw issue with sensible defaults; `status` and `type` are names from the catalog. */
export function rawIssue(
  id: number,
  key: string,
  over: { status?: string; type?: string; parent?: string; points?: number | null; updated?: string; due?: string; extra?: Record<string, unknown> } = {},
): RawIssue {
  const project = key.slice(0, key.lastIndexOf('-'));
  return {
    id: String(id),
    key,
    fields: {
      summary: `Summary of ${key}`,
      issuetype: findByName(ISSUE_TYPES, over.type ?? 'Story') as (typeof ISSUE_TYPES)[number],
      project: { id: String(10000 + project.length), key: project, name: project },
      status: findByName(STATUSES, over.status ?? 'To Do') as (typeof STATUSES)[number],
      issuelinks: [],
      duedate: over.due ?? null,
      created: jiraInstant(Date.parse('2026-01-05T09:00:00Z')),
      updated: over.updated ?? jiraInstant(Date.parse('2026-02-01T09:00:00Z')),
      resolutiondate: null,
      customfield_10016: over.points ?? null,
      customfield_10021: null,
      ...(over.parent ? { parent: { key: over.parent } } : {}),
      ...over.extra,
    },
  };
}

export interface WebhookListener {
  readonly url: string;
  readonly received: unknown[];
  /** Resolves once `n` bodies have arrived (or rejects after `timeoutMs`). */
  waitFor(n: number, timeoutMs?: number): Promise<unknown[]>;
  close(): Promise<void>;
}

/** A server on 127.0.0.1 that answers `status` and records every JSON body posted to it. */
export async function listenForWebhooks(status = 200): Promise<WebhookListener> {
  const received: unknown[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(status).end();
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    async waitFor(n, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} webhook calls, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return received.slice(0, n);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
