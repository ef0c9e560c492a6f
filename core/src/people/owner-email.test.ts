import { emailsInText, isOwnerEmail, ownerEmailsOf, replaceEmails } from './owner-email';

describe('owners written as emails', () => {
  it('are told from account ids and names', () => {
    expect(isOwnerEmail(' ana@acme.example ')).toBe(true);
    expect(isOwnerEmail('712020:2e7d1ecb-3b92-551e-574a-5d200c67dab9')).toBe(false);
    expect(isOwnerEmail('Ana Costa')).toBe(false);
    expect(isOwnerEmail('ana @acme.example')).toBe(false);
    expect(isOwnerEmail(`${'a'.repeat(320)}@acme.example`)).toBe(false);
  });

  it('are listed once each, as stored', () => {
    expect(ownerEmailsOf(['Mei@Acme.example', 'Ana Costa', undefined, ' Mei@Acme.example', null, 'raj@acme.example'])).toEqual(['Mei@Acme.example', 'raj@acme.example']);
  });

  it('are found inside sentences, a full stop after them left out', () => {
    const text = '"Ship SSO" (owner ana@acme.example) waits on raj@acme.example. Ask ana@acme.example.';
    expect(emailsInText(text)).toEqual(['ana@acme.example', 'raj@acme.example']);
    expect(replaceEmails(text, (e) => e.split('@')[0]!.toUpperCase())).toBe('"Ship SSO" (owner ANA) waits on RAJ. Ask ANA.');
  });
});
