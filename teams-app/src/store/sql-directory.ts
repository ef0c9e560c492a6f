/**
 * Conversations, follows and connections over a `SqlDb` (shared by the SQLite and PostgreSQL
 * adapters).
 */
import type { ConnectionRecord, ConnectionStore, ConversationRecord, ConversationStore, FollowStore, StoredReference } from './port';
import type { Row, SqlDb } from './sql-db';

const toConversation = (r: Row): ConversationRecord => ({
  id: String(r.id),
  tenantId: String(r.tenant_id),
  reference: JSON.parse(String(r.reference)) as StoredReference,
  installed: Number(r.installed) === 1,
  timeZone: r.time_zone === null ? null : String(r.time_zone),
  updatedAt: Number(r.updated_at),
});

const toConnection = (r: Row): ConnectionRecord => ({
  id: String(r.id),
  tenantId: String(r.tenant_id),
  url: String(r.url),
  secret: String(r.secret),
  siteUrl: String(r.site_url),
  siteName: String(r.site_name),
  createdAt: Number(r.created_at),
});

/** Thrown inside the transaction to roll it back when a connection id belongs to another tenant. */
class ConnectionTaken extends Error {}

/** The conversation, follow and connection parts of the store. */
export function createSqlDirectory(db: SqlDb): ConversationStore & FollowStore & ConnectionStore {
  return {
    async saveConversation(record) {
      await db.run(
        `INSERT INTO conversations (id, tenant_id, reference, installed, time_zone, updated_at) VALUES (?, ?, ?, 1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET tenant_id = excluded.tenant_id, reference = excluded.reference, installed = 1,
           time_zone = COALESCE(excluded.time_zone, conversations.time_zone), updated_at = excluded.updated_at`,
        [record.id, record.tenantId, JSON.stringify(record.reference), record.timeZone, record.updatedAt],
      );
    },
    async getConversation(id) {
      const rows = await db.query('SELECT * FROM conversations WHERE id = ?', [id]);
      return rows[0] ? toConversation(rows[0]) : undefined;
    },
    async markUninstalled(id, atMs) {
      await db.run('UPDATE conversations SET installed = 0, updated_at = ? WHERE id = ?', [atMs, id]);
    },
    async listConversations(tenantId) {
      return (await db.query('SELECT * FROM conversations WHERE tenant_id = ? ORDER BY id', [tenantId])).map(toConversation);
    },

    async follow(conversationId, department) {
      return (await db.run('INSERT INTO follows (conversation_id, department) VALUES (?, ?) ON CONFLICT DO NOTHING', [conversationId, department])) === 1;
    },
    async unfollow(conversationId, department) {
      return (await db.run('DELETE FROM follows WHERE conversation_id = ? AND department = ?', [conversationId, department])) === 1;
    },
    async departmentsFollowedBy(conversationId) {
      return (await db.query('SELECT department FROM follows WHERE conversation_id = ? ORDER BY department', [conversationId])).map((r) => String(r.department));
    },
    async followersOf(tenantId, departments) {
      if (departments.length === 0) return [];
      const rows = await db.query(
        `SELECT DISTINCT f.conversation_id AS id FROM follows f JOIN conversations c ON c.id = f.conversation_id
         WHERE c.tenant_id = ? AND c.installed = 1 AND f.department IN (${departments.map(() => '?').join(', ')}) ORDER BY f.conversation_id`,
        [tenantId, ...departments],
      );
      return rows.map((r) => String(r.id));
    },

    async saveConnection(record) {
      try {
        await db.transaction(async (tx) => {
          await tx.run('DELETE FROM connections WHERE tenant_id = ? AND id <> ?', [record.tenantId, record.id]);
          // The WHERE keeps a connection id with the tenant that first saved it: another
          // tenant's upsert changes no row, and the transaction rolls back (its delete too).
          const changed = await tx.run(
            `INSERT INTO connections (id, tenant_id, url, secret, site_url, site_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET url = excluded.url, secret = excluded.secret,
               site_url = excluded.site_url, site_name = excluded.site_name, created_at = excluded.created_at
             WHERE connections.tenant_id = excluded.tenant_id`,
            [record.id, record.tenantId, record.url, record.secret, record.siteUrl, record.siteName, record.createdAt],
          );
          if (changed === 0) throw new ConnectionTaken();
        });
      } catch (error) {
        if (error instanceof ConnectionTaken) return { kind: 'taken' };
        throw error;
      }
      return { kind: 'saved' };
    },
    async connectionById(id) {
      const rows = await db.query('SELECT * FROM connections WHERE id = ?', [id]);
      return rows[0] ? toConnection(rows[0]) : undefined;
    },
    async connectionForTenant(tenantId) {
      const rows = await db.query('SELECT * FROM connections WHERE tenant_id = ?', [tenantId]);
      return rows[0] ? toConnection(rows[0]) : undefined;
    },
  };
}
