import { accountIdsOf, isAccountId } from './account-id';

describe('owners as stored', () => {
  it('tells account ids from names and emails typed before the pickers', () => {
    expect(isAccountId('712020:2e7d1ecb-3b92-551e-574a-5d200c67dab9')).toBe(true);
    expect(isAccountId('5b10a2844c20165700ede21g')).toBe(true);
    expect(isAccountId('5b10a2844c20165700ede21')).toBe(false);
    expect(isAccountId('mei@acme.example')).toBe(false);
    expect(isAccountId('Mei Lin')).toBe(false);
  });

  it('collects each account id once, leaving typed owners out', () => {
    expect(accountIdsOf(['5b10a2844c20165700ede001', 'dana@acme.example', undefined, '5b10a2844c20165700ede001', null])).toEqual(['5b10a2844c20165700ede001']);
  });
});
