/**
 * The KVS double kept in a JSON file, for the local Forge host: data survives a restart of the
 * host, and two processes started one after the other see the same store. Every write
 * rewrites the file (through a temporary file and a rename, so a crash leaves the old one).
 * Not for concurrent writers.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { KvsDouble } from './kvs-double';

const entrySchema = z.object({ json: z.string(), expiresAt: z.number().nullable() });
const fileSchema = z.object({ version: z.literal(1), values: z.record(z.string(), entrySchema), secrets: z.record(z.string(), entrySchema), entities: z.record(z.string(), entrySchema).default({}) });

export class FileKvsDouble extends KvsDouble {
  constructor(
    private readonly path: string,
    options: { clock?: () => number } = {},
  ) {
    const initial = existsSync(path) ? fileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) : undefined;
    super({ ...options, ...(initial ? { initial } : {}) });
  }

  protected override afterWrite(): void {
    const data = { version: 1, values: Object.fromEntries(this.values), secrets: Object.fromEntries(this.secrets), entities: Object.fromEntries(this.entityItems) };
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, this.path);
  }
}

/** Opens (or creates on first write) a file-backed KVS double. */
export function openFileKvs(path: string, options: { clock?: () => number } = {}): FileKvsDouble {
  return new FileKvsDouble(path, options);
}
