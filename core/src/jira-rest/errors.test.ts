import { excerptOf, readJiraMessages, redact } from './errors';

test('reads errorMessages then errors as field: message', () => {
  const body = { errorMessages: ["Field 'foo' does not exist or you do not have permission to view it."], errors: { jql: 'bad', maxResults: 'too big' } };
  expect(readJiraMessages(body, JSON.stringify(body))).toEqual([
    "Field 'foo' does not exist or you do not have permission to view it.",
    'jql: bad',
    'maxResults: too big',
  ]);
});

test('falls back to a message property, then to an excerpt of the text, then to nothing', () => {
  expect(readJiraMessages({ message: 'Client must be authenticated' }, '')).toEqual(['Client must be authenticated']);
  expect(readJiraMessages(undefined, '<html>\n  <body>Bad Gateway</body></html>')).toEqual(['<html> <body>Bad Gateway</body></html>']);
  expect(readJiraMessages({ errorMessages: [], errors: {} }, '  ')).toEqual([]);
});

test('excerptOf flattens whitespace and cuts long text', () => {
  expect(excerptOf('a\n\n b   c')).toBe('a b c');
  expect(excerptOf('x'.repeat(10), 4)).toBe('xxxx…');
});

test('redact replaces every secret and leaves short strings alone', () => {
  expect(redact('token s3cr3t-token and again s3cr3t-token; id abc', ['s3cr3t-token', 'abc'])).toBe('token *** and again ***; id abc');
});
