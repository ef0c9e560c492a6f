import { readGadgetScope } from './gadget-scope';

describe('readGadgetScope', () => {
  it('reads a department or the company', () => {
    expect(readGadgetScope({ scope: { kind: 'department', department: 'eng' } })).toEqual({ kind: 'department', department: 'eng' });
    expect(readGadgetScope({ scope: { kind: 'company' } })).toEqual({ kind: 'company' });
  });

  it('treats an empty or foreign configuration as not configured', () => {
    expect(readGadgetScope({})).toBeNull();
    expect(readGadgetScope({ scope: { kind: 'department' } })).toBeNull();
    expect(readGadgetScope({ scope: 'eng' })).toBeNull();
  });
});
