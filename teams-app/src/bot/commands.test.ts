import { parseCommand, resolveDepartment } from './commands';

describe('parseCommand', () => {
  it('reads every command, with and without arguments, ignoring mentions and case', () => {
    expect(parseCommand('<at>OKR</at> status')).toEqual({ kind: 'status', department: null });
    expect(parseCommand('Status  Customer Success ')).toEqual({ kind: 'status', department: 'Customer Success' });
    expect(parseCommand('agenda company')).toEqual({ kind: 'agenda', scope: 'company' });
    expect(parseCommand('agenda')).toEqual({ kind: 'agenda', scope: null });
    expect(parseCommand('blocked')).toEqual({ kind: 'blocked' });
    expect(parseCommand('checkin')).toEqual({ kind: 'checkin', department: null });
    expect(parseCommand('check-in Engineering')).toEqual({ kind: 'checkin', department: 'Engineering' });
    expect(parseCommand('follow eng')).toEqual({ kind: 'follow', department: 'eng' });
    expect(parseCommand('UNFOLLOW plat')).toEqual({ kind: 'unfollow', department: 'plat' });
    expect(parseCommand('connect okrc1.abc')).toEqual({ kind: 'connect', code: 'okrc1.abc' });
    expect(parseCommand('help')).toEqual({ kind: 'help' });
  });

  it('turns anything else into unknown with a reason', () => {
    expect(parseCommand('hello there')).toEqual({ kind: 'unknown', text: 'hello there', reason: 'I did not understand "hello there".' });
    expect(parseCommand('follow')).toEqual({ kind: 'unknown', text: 'follow', reason: 'expected `follow <department>`' });
    expect(parseCommand('')).toEqual({ kind: 'unknown', text: '', reason: 'Type a command.' });
  });
});

describe('resolveDepartment', () => {
  const departments = [
    { id: 'eng', name: 'Engineering' },
    { id: 'cs', name: 'Customer Success' },
    { id: 'cx', name: 'Customer Experience' },
  ];
  it('matches an id or a name exactly, or a unique name prefix', () => {
    expect(resolveDepartment(departments, 'ENG')?.id).toBe('eng');
    expect(resolveDepartment(departments, 'customer success')?.id).toBe('cs');
    expect(resolveDepartment(departments, 'engin')?.id).toBe('eng');
    expect(resolveDepartment(departments, 'customer')).toBeNull();
    expect(resolveDepartment(departments, 'sales')).toBeNull();
  });
});
