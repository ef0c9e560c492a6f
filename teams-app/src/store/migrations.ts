/**
 * Numbered schema migrations, applied in order and recorded in `schema_migrations`. A
 * migration is never edited once released: add the next number instead.
 */
import type { SqlDb } from './sql-db';

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: (dialect: SqlDb['dialect']) => string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'conversations, follows, connections, events, outbox',
    statements: (dialect) => [
      `CREATE TABLE conversations (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, reference TEXT NOT NULL, installed INTEGER NOT NULL, time_zone TEXT, updated_at BIGINT NOT NULL)`,
      `CREATE INDEX conversations_tenant ON conversations (tenant_id)`,
      `CREATE TABLE follows (conversation_id TEXT NOT NULL, department TEXT NOT NULL, PRIMARY KEY (conversation_id, department))`,
      `CREATE INDEX follows_department ON follows (department)`,
      `CREATE TABLE connections (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL UNIQUE, url TEXT NOT NULL, secret TEXT NOT NULL, site_url TEXT NOT NULL, site_name TEXT NOT NULL, created_at BIGINT NOT NULL)`,
      `CREATE TABLE bridge_requests (connection_id TEXT NOT NULL, request_id TEXT NOT NULL, received_at BIGINT NOT NULL, PRIMARY KEY (connection_id, request_id))`,
      `CREATE TABLE events (connection_id TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, body TEXT NOT NULL, received_at BIGINT NOT NULL, PRIMARY KEY (connection_id, id))`,
      `CREATE TABLE outbox (seq ${dialect === 'sqlite' ? 'INTEGER PRIMARY KEY AUTOINCREMENT' : 'BIGSERIAL PRIMARY KEY'}, event_id TEXT NOT NULL, conversation_id TEXT NOT NULL, tenant_id TEXT NOT NULL, kind TEXT NOT NULL, subject TEXT NOT NULL, activity TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at BIGINT NOT NULL, lease_until BIGINT, activity_id TEXT, last_error TEXT, UNIQUE (event_id, conversation_id))`,
      `CREATE INDEX outbox_due ON outbox (state, next_attempt_at)`,
      `CREATE INDEX outbox_card ON outbox (conversation_id, subject)`,
    ],
  },
  {
    version: 2,
    name: 'check-in reminders and agenda requests',
    statements: () => [
      `CREATE TABLE reminders (conversation_id TEXT NOT NULL, department TEXT NOT NULL, weekday INTEGER NOT NULL, time TEXT NOT NULL, time_zone TEXT NOT NULL, next_due_at BIGINT NOT NULL, PRIMARY KEY (conversation_id, department))`,
      `CREATE INDEX reminders_due ON reminders (next_due_at)`,
      `CREATE TABLE agenda_requests (tenant_id TEXT NOT NULL, scope TEXT NOT NULL, subject TEXT NOT NULL, title TEXT NOT NULL, added_by TEXT NOT NULL, added_at BIGINT NOT NULL, PRIMARY KEY (tenant_id, scope, subject))`,
    ],
  },
  {
    version: 3,
    name: 'the tab review records: items, progress samples, state since',
    // IF NOT EXISTS: before this migration the SQLite review store created these same tables on
    // first use, so a database from then already has them, with the meetings' records in them.
    statements: (dialect) => [
      `CREATE TABLE IF NOT EXISTS tab_review_items (space TEXT NOT NULL, review_id TEXT NOT NULL, item_id TEXT NOT NULL, discussed INTEGER NOT NULL, decision TEXT NOT NULL, notes TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (space, review_id, item_id))`,
      `CREATE TABLE IF NOT EXISTS tab_progress_samples (space TEXT NOT NULL, subject TEXT NOT NULL, day TEXT NOT NULL, progress ${dialect === 'sqlite' ? 'REAL' : 'DOUBLE PRECISION'} NOT NULL, PRIMARY KEY (space, subject, day))`,
      `CREATE TABLE IF NOT EXISTS tab_state_since (space TEXT NOT NULL, subject TEXT NOT NULL, state TEXT NOT NULL, since BIGINT NOT NULL, PRIMARY KEY (space, subject))`,
    ],
  },
  {
    version: 4,
    name: 'members seen in conversations, to mention owners',
    // Looked up by conversation (the key's prefix), then matched on email or UPN.
    statements: () => [
      `CREATE TABLE members (conversation_id TEXT NOT NULL, user_id TEXT NOT NULL, tenant_id TEXT NOT NULL, aad_object_id TEXT, name TEXT NOT NULL, email TEXT, upn TEXT, seen_at BIGINT NOT NULL, PRIMARY KEY (conversation_id, user_id))`,
    ],
  },
  {
    version: 5,
    name: 'conversations keyed by channel, not by thread; members from the roster',
    // A channel post's conversation id is `<channel id>;messageid=<post id>`: every post had its
    // own rows. Each thread's conversation, follows, reminders and outbox entries fold into its
    // channel (the newest thread's reference, with the thread part removed, so later alerts are
    // new channel posts). Members recorded from activities carried no address Teams vouches for
    // in a real tenant: they are forgotten and come back from the roster API.
    statements: (dialect) => {
      const channel = (column: string) => (dialect === 'sqlite' ? `substr(${column}, 1, instr(${column}, ';messageid=') - 1)` : `split_part(${column}, ';messageid=', 1)`);
      const thread = (column: string) => `${column} LIKE '%;messageid=%'`;
      return [
        `INSERT INTO conversations (id, tenant_id, reference, installed, time_zone, updated_at)
         SELECT ${channel('c.id')}, c.tenant_id, replace(c.reference, c.id, ${channel('c.id')}), c.installed, c.time_zone, c.updated_at FROM conversations c
         WHERE ${thread('c.id')} AND NOT EXISTS (SELECT 1 FROM conversations n WHERE ${thread('n.id')} AND ${channel('n.id')} = ${channel('c.id')}
           AND (n.updated_at > c.updated_at OR (n.updated_at = c.updated_at AND n.id > c.id)))
         ON CONFLICT (id) DO NOTHING`,
        `DELETE FROM conversations WHERE ${thread('id')}`,
        `INSERT INTO follows (conversation_id, department) SELECT DISTINCT ${channel('conversation_id')}, department FROM follows WHERE ${thread('conversation_id')} ON CONFLICT DO NOTHING`,
        `DELETE FROM follows WHERE ${thread('conversation_id')}`,
        `INSERT INTO reminders (conversation_id, department, weekday, time, time_zone, next_due_at)
         SELECT ${channel('r.conversation_id')}, r.department, r.weekday, r.time, r.time_zone, r.next_due_at FROM reminders r
         WHERE ${thread('r.conversation_id')} AND NOT EXISTS (SELECT 1 FROM reminders n WHERE ${thread('n.conversation_id')} AND n.department = r.department
           AND ${channel('n.conversation_id')} = ${channel('r.conversation_id')} AND n.conversation_id > r.conversation_id)
         ON CONFLICT DO NOTHING`,
        `DELETE FROM reminders WHERE ${thread('conversation_id')}`,
        `DELETE FROM outbox WHERE ${thread('conversation_id')} AND EXISTS (SELECT 1 FROM outbox o WHERE o.event_id = outbox.event_id
           AND (o.conversation_id = ${channel('outbox.conversation_id')} OR (${thread('o.conversation_id')} AND ${channel('o.conversation_id')} = ${channel('outbox.conversation_id')} AND o.seq < outbox.seq)))`,
        `UPDATE outbox SET conversation_id = ${channel('conversation_id')} WHERE ${thread('conversation_id')}`,
        `DELETE FROM members`,
        `ALTER TABLE members RENAME COLUMN seen_at TO fetched_at`,
      ];
    },
  },
  {
    version: 6,
    name: 'events by connection and time, for the version open tabs poll',
    statements: () => [`CREATE INDEX events_by_connection ON events (connection_id, received_at)`],
  },
  {
    version: 7,
    name: 'a version counter per connection, so old events can be pruned',
    statements: () => [
      `CREATE TABLE event_counters (connection_id TEXT PRIMARY KEY, events BIGINT NOT NULL)`,
      `INSERT INTO event_counters (connection_id, events) SELECT connection_id, COUNT(*) FROM events GROUP BY connection_id`,
      `CREATE INDEX events_by_time ON events (received_at)`,
      // The stamp no longer counts events per connection: the index made for that goes.
      `DROP INDEX events_by_connection`,
    ],
  },
  {
    version: 8,
    name: 'a counter of review item changes per space, so open tabs see what others record',
    statements: () => [
      `CREATE TABLE tab_review_changes (space TEXT PRIMARY KEY, changes BIGINT NOT NULL)`,
      `INSERT INTO tab_review_changes (space, changes) SELECT space, COUNT(*) FROM tab_review_items GROUP BY space`,
    ],
  },
];

/** Applies the migrations `db` lacks, each in its own transaction; returns the versions applied. */
export async function migrate(db: SqlDb, nowMs: number): Promise<number[]> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    const done = await db.transaction(async (tx) => {
      // Two processes starting at once: the second waits here, then sees the version recorded.
      if (db.dialect === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7245001)');
      const rows = await tx.query('SELECT version FROM schema_migrations WHERE version = ?', [migration.version]);
      if (rows.length > 0) return false;
      for (const statement of migration.statements(db.dialect)) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, nowMs]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

/** Applies the migrations `db` lacks and hands it back; on failure closes it and rethrows. */
export async function migrated(db: SqlDb, nowMs: number): Promise<SqlDb> {
  try {
    await migrate(db, nowMs);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
