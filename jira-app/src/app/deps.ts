/**
 * What the app's functions need from the world, passed in whole: the Forge entry
 * (`index.ts`) wires the real `@forge/*` modules, the local Forge host and the tests wire
 * doubles (a KVS double, `requestJira` over HTTP to the Jira emulator, an in-process queue, a
 * fixed clock). Nothing below `app/` imports a `@forge/*` package.
 */
import type { KvsLike } from '../adapters/kvs-port';

/** The response of `requestJira` / `fetch`: the part of the Fetch API's `Response` the app reads. */
export interface HttpResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export interface HttpInit {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Aborts the request (Forge's `requestJira` and `fetch` take one). */
  readonly signal?: AbortSignal;
}

/** `api.asUser().requestJira` or `api.asApp().requestJira`, with the route already rendered to a path. */
export type RequestJira = (path: string, init?: HttpInit) => Promise<HttpResponse>;

/** A plain `fetch` to the Teams service (Forge: `fetch` from `@forge/api`, egress-checked). */
export type FetchLike = (url: string, init?: HttpInit) => Promise<HttpResponse>;

/** One event for the app's async queue (`@forge/events` Queue `push`). */
export interface QueuedEvent {
  readonly body: Record<string, unknown>;
  readonly delayInSeconds?: number;
}

export interface QueuePort {
  push(events: readonly QueuedEvent[]): Promise<void>;
}

export interface AppDeps {
  readonly kvs: KvsLike;
  readonly jira: { readonly asUser: RequestJira; readonly asApp: RequestJira };
  readonly queue: QueuePort;
  readonly fetch: FetchLike;
  /** Milliseconds since the epoch. */
  readonly clock: () => number;
  /** Waits before a retry; a real timer unless a test moves its own clock. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Random ids (request ids, connection ids) and secrets (32 random bytes, base64url). */
  readonly ids: { readonly id: () => string; readonly secret: () => string };
  /** The URL of the app's web trigger (Forge: `webTrigger.getUrl('teams-webtrigger')`). */
  readonly webTriggerUrl: () => Promise<string>;
  /** Where diagnostics go (never secrets); defaults to nowhere. */
  readonly log?: (message: string) => void;
}

/** What Forge passes a resolver as `context` (the fields the app reads). */
export interface ResolverContext {
  readonly accountId?: string;
  readonly extension?: Readonly<Record<string, unknown>>;
}

export interface ResolverRequest {
  readonly payload: unknown;
  readonly context: ResolverContext;
}
