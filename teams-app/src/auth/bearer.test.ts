import { readBearerToken } from './bearer';

describe('readBearerToken', () => {
  test('reads the token of a Bearer header, whatever the case of the scheme', () => {
    expect([readBearerToken('Bearer abc.def'), readBearerToken('bearer xyz'), readBearerToken(['Bearer first', 'Bearer second'])]).toEqual(['abc.def', 'xyz', 'first']);
  });

  test('finds none in a missing, empty or other-scheme header', () => {
    expect([readBearerToken(undefined), readBearerToken('Bearer '), readBearerToken('Basic dXNlcg=='), readBearerToken('Bearer a b')]).toEqual([null, null, null, null]);
  });
});
