import { decodeConnectionCode, encodeConnectionCode, webTriggerRequestSchema } from './contract';

const payload = {
  v: 1 as const,
  url: 'https://example.atlassian-dev.net/x1/abc',
  connection: 'conn-1',
  secret: 'a'.repeat(43),
  site: 'https://acme.atlassian.net',
  expiresAt: '2026-11-15T09:15:00Z',
};

describe('connection codes', () => {
  it('round-trips before expiry', () => {
    const code = encodeConnectionCode(payload);
    expect(code.startsWith('okrc1.')).toBe(true);
    expect(decodeConnectionCode(`  ${code}\n`, Date.parse('2026-11-15T09:00:00Z'))).toEqual({ kind: 'ok', payload });
  });

  it('refuses an expired, damaged or foreign code with a message saying what to do', () => {
    const code = encodeConnectionCode(payload);
    expect(decodeConnectionCode(code, Date.parse('2026-11-15T09:15:00Z'))).toEqual({ kind: 'invalid', message: 'the connection code has expired; create a new one in OKR settings in Jira' });
    expect(decodeConnectionCode(`${code.slice(0, -4)}!!!!`, 0).kind).toBe('invalid');
    expect(decodeConnectionCode('hello', 0)).toEqual({ kind: 'invalid', message: 'expected a connection code starting with okrc1. (copy it from OKR settings in Jira)' });
  });

  it('refuses a code whose web trigger URL is not http(s)', () => {
    for (const url of ['file:///etc/passwd', 'gopher://127.0.0.1:6379/_x', 'ftp://example.atlassian-dev.net/x']) {
      expect(decodeConnectionCode(encodeConnectionCode({ ...payload, url }), 0)).toEqual({ kind: 'invalid', message: 'the connection code is damaged; copy it again from OKR settings in Jira' });
    }
    expect(decodeConnectionCode(encodeConnectionCode({ ...payload, url: 'http://127.0.0.1:8080/wt' }), 0).kind).toBe('ok');
  });
});

describe('web trigger requests', () => {
  it('names the actions it expects', () => {
    const r = webTriggerRequestSchema.safeParse({ action: 'delete-everything' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('expected action to be one of departments, company, department, dependencies, agenda, check-in, connect, link-account, void-link-code');
  });

  it('reads a link code as people type it, and refuses what is not one', () => {
    const parse = (code: string) => webTriggerRequestSchema.safeParse({ action: 'link-account', code, aadObjectId: '5f1c0a2e-8b7d-4c3a-9e61-2d4b8f0a7c13', name: 'Mei' });
    // Lower case, a space for the dash, and O and I typed for the digits they look like.
    expect(parse('7k2qf m9xwo')).toMatchObject({ success: true, data: { code: '7K2QFM9XW0' } });
    expect(parse('I0000-00000')).toMatchObject({ success: true, data: { code: '1000000000' } });
    expect(parse('7K2QF-M9XW')).toMatchObject({ success: false });
    expect(parse('7K2QF-M9XWU').error?.issues[0]?.message).toBe('expected a code of 10 letters and digits, like 7K2QF-M9XWD');
    expect(webTriggerRequestSchema.safeParse({ action: 'link-account', code: '7K2QF-M9XWD', aadObjectId: 'not an id!', name: 'Mei' }).error?.issues[0]?.message).toBe(
      'expected an Entra object id (letters, digits and dashes)',
    );
  });

  it('requires a value or done on a check-in', () => {
    const r = webTriggerRequestSchema.safeParse({ action: 'check-in', kr: 'k1', author: 'ann' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('expected a value (metric) or done (milestone)');
    expect(webTriggerRequestSchema.safeParse({ action: 'check-in', kr: 'k1', author: 'ann', value: 3 }).success).toBe(true);
  });
});

describe('the check-in call', () => {
  const base = { action: 'check-in', kr: 'eng-o1-kr3', done: false, author: 'Priya' };
  it('carries the decision asked for, as the Jira check-in dialog does', () => {
    expect(webTriggerRequestSchema.parse({ ...base, decision: 'Move the audit to January?' })).toEqual({ ...base, decision: 'Move the audit to January?' });
  });

  it('refuses an empty or oversized decision', () => {
    expect(webTriggerRequestSchema.safeParse({ ...base, decision: '' }).success).toBe(false);
    expect(webTriggerRequestSchema.safeParse({ ...base, decision: 'x'.repeat(2001) }).success).toBe(false);
  });
});
