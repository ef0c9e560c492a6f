import { namedText } from './named-text';

const ANA = '712020:2e7d1ecb-3b92-551e-574a-5d200c67dab9';
const people = new Map([
  [ANA, { accountId: ANA, displayName: 'Ana Costa', avatarUrl: null }],
  ['raj@acme.example', { accountId: '712020:00000000-0000-4000-8000-00000000000a', displayName: 'Raj Mehta', avatarUrl: null, email: 'raj@acme.example' }],
]);

describe('sentences that name owners as stored', () => {
  it('read with the names of the accounts the panel knows, other words untouched', () => {
    expect(namedText(`${ANA} holds 7 key results (k1, k2); expected at most 5 per owner`, people)).toBe('Ana Costa holds 7 key results (k1, k2); expected at most 5 per owner');
    expect(namedText('"Ship SSO" (owner 712020:00000000-0000-4000-8000-000000000000) waits on it.', people)).toBe('"Ship SSO" (owner 712020:00000000-0000-4000-8000-000000000000) waits on it.');
    expect(namedText('mei@acme.example holds 7 key results', people)).toBe('mei@acme.example holds 7 key results');
    expect(namedText('"Cut p95" (owner Raj@acme.example) waits on it.', people)).toBe('"Cut p95" (owner Raj Mehta) waits on it.');
  });
});
