/**
 * Pushes events to registered URLs (a Forge web trigger, a test's listener) by HTTP POST
 * with a JSON body. Deliveries run after the change's response, in order per URL; a failure
 * (network error, timeout, non-2xx answer) is counted, never thrown. `drain` waits for all
 * pending deliveries (the emulator's `stop` calls it).
 */
import type { ForgeIssueEvent } from './events';
import type { StatsCounter } from './stats';

export interface Webhook {
  readonly id: string;
  readonly url: string;
}

const TIMEOUT_MS = 5_000;

export class WebhookHub {
  private readonly hooks = new Map<string, Webhook>();
  private readonly chains = new Map<string, Promise<void>>();
  private nextId = 1;
  pending = 0;

  constructor(private readonly stats: StatsCounter) {}

  register(url: string): Webhook {
    for (const hook of this.hooks.values()) if (hook.url === url) return hook;
    const hook = { id: String(this.nextId++), url };
    this.hooks.set(hook.id, hook);
    return hook;
  }

  list(): Webhook[] {
    return [...this.hooks.values()];
  }

  unregister(id: string): boolean {
    return this.hooks.delete(id);
  }

  clear(): void {
    this.hooks.clear();
  }

  /** Queues `events` for every registered URL and returns at once. */
  push(events: readonly ForgeIssueEvent[]): void {
    for (const hook of this.hooks.values()) {
      for (const event of events) {
        this.pending++;
        const previous = this.chains.get(hook.url) ?? Promise.resolve();
        const next = previous.then(() => this.deliver(hook.url, event)).finally(() => this.pending--);
        this.chains.set(hook.url, next);
      }
    }
  }

  /** Resolves when every queued delivery has been attempted. */
  async drain(): Promise<void> {
    while (this.pending > 0) await Promise.all([...this.chains.values()]);
  }

  private async deliver(url: string, event: ForgeIssueEvent): Promise<void> {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await res.arrayBuffer();
      if (res.ok) this.stats.delivered++;
      else this.fail(`${url} answered ${res.status}`);
    } catch (e) {
      this.fail(`${url}: ${(e as Error).message}`);
    }
  }

  private fail(message: string): void {
    this.stats.failed++;
    this.stats.lastError = message;
  }
}
