import { indexPeople, nameOwnersIn, ownerAddresses, ownerLabel, UNNAMED_ACCOUNT_LABEL } from './owner-label';

const ANA = '712020:2e7d1ecb-3b92-551e-574a-5d200c67dab9';
const OLD = '5b10a2844c20165700ede21g';
const people = indexPeople([
  { id: ANA, displayName: 'Ana Costa', email: 'ana@acme.example' },
  { id: OLD, displayName: 'Raj Patel' },
]);

describe('owners as a person reads them', () => {
  it('labels an account by its name, an email or name as stored, and an account nobody named without its id', () => {
    expect(ownerLabel(ANA, people)).toBe('Ana Costa');
    expect(ownerLabel(` ${OLD} `, people)).toBe('Raj Patel');
    expect(ownerLabel('dana@acme.example', people)).toBe('dana@acme.example');
    expect(ownerLabel('Dana Lee', people)).toBe('Dana Lee');
    expect(ownerLabel('712020:00000000-0000-4000-8000-000000000000', people)).toBe(UNNAMED_ACCOUNT_LABEL);
    expect(ownerLabel(ANA, new Map())).toBe(UNNAMED_ACCOUNT_LABEL);
  });

  it('gives the addresses an owner can be matched by: their own email, or the one Jira revealed', () => {
    expect(ownerAddresses('Dana@Acme.example', people)).toEqual(['dana@acme.example']);
    expect(ownerAddresses(ANA, people)).toEqual(['ana@acme.example']);
    expect(ownerAddresses(OLD, people)).toEqual([]);
    expect(ownerAddresses('Dana Lee', people)).toEqual([]);
  });

  it('names the accounts a sentence holds, leaving other words alone', () => {
    expect(nameOwnersIn(`"Ship SSO" (owner ${ANA}) waits on it.`, people)).toBe('"Ship SSO" (owner Ana Costa) waits on it.');
    expect(nameOwnersIn(`${OLD} holds 9 key results`, people)).toBe('Raj Patel holds 9 key results');
    expect(nameOwnersIn('(owner 712020:00000000-0000-4000-8000-000000000000)', people)).toBe(`(owner ${UNNAMED_ACCOUNT_LABEL})`);
    expect(nameOwnersIn('abcdefghijklmnopqrstuvwx and eng-o1-kr1 stay', people)).toBe('abcdefghijklmnopqrstuvwx and eng-o1-kr1 stay');
  });

  it('names an owner written as an email by the person Jira showed with it, keeping its addresses', () => {
    const withMei = indexPeople([{ id: 'Mei@acme.example', displayName: 'Mei Lin', email: 'mei@acme.example' }]);
    expect(ownerLabel(' Mei@acme.example ', withMei)).toBe('Mei Lin');
    expect(ownerLabel('raj@acme.example', withMei)).toBe('raj@acme.example');
    expect(ownerAddresses('Mei@acme.example', withMei)).toEqual(['mei@acme.example']);
    expect(nameOwnersIn('"Cut p95" (owner Mei@acme.example). Due 1 Dec; raj@acme.example asks.', withMei)).toBe('"Cut p95" (owner Mei Lin). Due 1 Dec; raj@acme.example asks.');
  });
});
