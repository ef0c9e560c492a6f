/**
 * The roster cache over a `SqlDb`: members of conversations as Teams' roster API described
 * them, for the check-in owner check and owner @mentions. Addresses are stored and matched in
 * lower case.
 */
import type { MemberRecord, MemberStore } from './port';
import type { Row, SqlDb } from './sql-db';

const toMember = (r: Row): MemberRecord => ({
  conversationId: String(r.conversation_id),
  tenantId: String(r.tenant_id),
  userId: String(r.user_id),
  aadObjectId: r.aad_object_id === null ? null : String(r.aad_object_id),
  name: String(r.name),
  email: r.email === null ? null : String(r.email),
  upn: r.upn === null ? null : String(r.upn),
  fetchedAt: Number(r.fetched_at),
});

const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');
const lower = (value: string | null) => (value === null ? null : value.toLowerCase());

/** The member part of the store. */
export function createSqlMembers(db: SqlDb): MemberStore {
  return {
    async saveMembers(members) {
      if (members.length === 0) return;
      await db.transaction(async (tx) => {
        for (const m of members) {
          await tx.run(
            `INSERT INTO members (conversation_id, user_id, tenant_id, aad_object_id, name, email, upn, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (conversation_id, user_id) DO UPDATE SET tenant_id = excluded.tenant_id, aad_object_id = excluded.aad_object_id,
               name = excluded.name, email = excluded.email, upn = excluded.upn, fetched_at = excluded.fetched_at`,
            [m.conversationId, m.userId, m.tenantId, m.aadObjectId, m.name, lower(m.email), lower(m.upn), m.fetchedAt],
          );
        }
      });
    },
    async removeMembers(conversationId, userIds) {
      if (userIds.length === 0) return;
      await db.run(`DELETE FROM members WHERE conversation_id = ? AND user_id IN (${marks(userIds)})`, [conversationId, ...userIds]);
    },
    async membersByAddress(conversationIds, addresses) {
      if (conversationIds.length === 0 || addresses.length === 0) return [];
      const wanted = [...new Set(addresses.map((a) => a.toLowerCase()))];
      const rows = await db.query(
        `SELECT * FROM members WHERE conversation_id IN (${marks(conversationIds)}) AND (email IN (${marks(wanted)}) OR upn IN (${marks(wanted)}))
         ORDER BY conversation_id, user_id`,
        [...conversationIds, ...wanted, ...wanted],
      );
      return rows.map(toMember);
    },
    async memberOf(conversationId, userId) {
      const rows = await db.query('SELECT * FROM members WHERE conversation_id = ? AND user_id = ?', [conversationId, userId]);
      return rows[0] ? toMember(rows[0]) : null;
    },
    async rosterFetchedAt(conversationId) {
      const rows = await db.query('SELECT MAX(fetched_at) AS at FROM members WHERE conversation_id = ?', [conversationId]);
      return rows[0]?.at === null || rows[0]?.at === undefined ? null : Number(rows[0].at);
    },
  };
}
