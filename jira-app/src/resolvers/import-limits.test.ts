import { ORG_LIMITS } from '@okr-bridge/core';
import { flatDepartments } from '@okr-bridge/core/testing';
import { KVS_LIMITS } from '../adapters/kvs-port';
import { chunkKey } from '../adapters/kvs-records';
import { KVS_KEYS, createKvsOkrRepository } from '../adapters/kvs-okr-repository';
import type { ResolverName } from '../contract';
import { permissionsOnlyJira } from '../testing/http-request-jira';
import { createTestDeps, type TestDeps } from '../testing/test-deps';
import { createResolverHandlers } from '.';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = { ok: true; data: any } | { ok: false; error: { code: string; message: string; issues?: { where: string; line?: number; column?: number; message: string }[] } };

async function call(deps: TestDeps, name: ResolverName, payload: unknown, accountId = 'admin-1'): Promise<Answer> {
  const handlers = createResolverHandlers(deps) as unknown as Record<string, (r: unknown) => Promise<Answer>>;
  return handlers[name]!({ payload, context: { accountId } });
}

describe('importOrg and the limits of the hosts', () => {
  it('refuses an id longer than a storage key can hold with the file, line and path, writing nothing', async () => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(true) });
    const long = 'd'.repeat(600);
    const text = flatDepartments(2).replace('{ id: d0,', `{ id: ${long},`).replace('department: d0,', `department: ${long},`);
    const answer = await call(deps, 'importOrg', { text });
    if (answer.ok) throw new Error('expected a refusal');
    expect(answer.error.code).toBe('invalid-org');
    expect(answer.error.issues?.map((i) => i.where)).toEqual(['org.yaml:5:11 departments[0].id', 'org.yaml:9:47 objectives[1].department']);
    expect(answer.error.issues?.[0]?.message).toBe(`expected an id of at most ${ORG_LIMITS.idLength} characters (the Jira app stores it in a storage key), got 600`);
    expect(deps.kvs.counts.writes).toBe(0);
  });

  it('keeps the longest ids the schema allows within the KVS key limit', () => {
    const key = chunkKey(KVS_KEYS.department('c'.repeat(ORG_LIMITS.idLength), 'd'.repeat(ORG_LIMITS.idLength)), 999);
    expect(key.length).toBeLessThanOrEqual(KVS_LIMITS.maxKeyLength);
    expect(KVS_LIMITS.keyPattern.test(key)).toBe(true);
  });

  it('writes each department a record of its own size: 300 flat departments, each record naming one department', async () => {
    const deps = createTestDeps({ asUser: permissionsOnlyJira(true) });
    const answer = await call(deps, 'importOrg', { text: flatDepartments(300) });
    expect(answer.ok).toBe(true);
    const repo = createKvsOkrRepository(deps.kvs);
    const record = await repo.loadDepartment('2026-Q4', 'd150');
    expect(record?.org.departments.map((d) => d.id)).toEqual(['d150']);
    expect(record?.org.objectives.map((o) => o.id)).toEqual(['C1', 'O150']);
  });
});
