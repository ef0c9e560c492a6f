/**
 * Dashboard gadget configurations (what Jira keeps for each gadget after `view.submit`), in a
 * JSON file under the host's data directory so they survive a restart.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const fileSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

export class GadgetStore {
  private readonly configs: Record<string, Record<string, unknown>>;

  constructor(private readonly path: string) {
    this.configs = existsSync(path) ? fileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) : {};
  }

  /** The configuration of gadget `id` (empty until saved). */
  get(id: string): Record<string, unknown> {
    return this.configs[id] ?? {};
  }

  /** Saves gadget `id`'s configuration. */
  set(id: string, config: Record<string, unknown>): void {
    this.configs[id] = config;
    writeFileSync(`${this.path}.tmp`, JSON.stringify(this.configs));
    renameSync(`${this.path}.tmp`, this.path);
  }
}
