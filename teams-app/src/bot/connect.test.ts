import { checkWebTriggerUrl } from './connect';

const production = { localDev: false };
const local = { localDev: true };
const expected = 'expected a Forge web trigger URL (https on a host ending in .webtrigger.atlassian.app or .atlassian-dev.net)';

describe('checkWebTriggerUrl', () => {
  it('accepts https Forge web trigger hosts, current and legacy', () => {
    expect(checkWebTriggerUrl('https://1f0c-uuid.webtrigger.atlassian.app/public/wt-789', production)).toEqual({ kind: 'ok', url: 'https://1f0c-uuid.webtrigger.atlassian.app/public/wt-789' });
    expect(checkWebTriggerUrl('https://abc.hello.atlassian-dev.net/x1/xyz', production)).toEqual({ kind: 'ok', url: 'https://abc.hello.atlassian-dev.net/x1/xyz' });
  });

  it('refuses other schemes, hosts, ports and credentials, naming what it expected', () => {
    expect(checkWebTriggerUrl('http://abc.hello.atlassian-dev.net/x1/xyz', production)).toEqual({ kind: 'refused', message: `${expected}, got http: abc.hello.atlassian-dev.net` });
    expect(checkWebTriggerUrl('https://evil.example.com/x', production)).toEqual({ kind: 'refused', message: `${expected}, got evil.example.com` });
    expect(checkWebTriggerUrl('https://atlassian-dev.net.evil.com/x', production)).toEqual({ kind: 'refused', message: `${expected}, got atlassian-dev.net.evil.com` });
    expect(checkWebTriggerUrl('https://evilatlassian-dev.net/x', production)).toEqual({ kind: 'refused', message: `${expected}, got evilatlassian-dev.net` });
    expect(checkWebTriggerUrl('https://abc.hello.atlassian-dev.net:8443/x', production)).toEqual({ kind: 'refused', message: `${expected}, got abc.hello.atlassian-dev.net:8443` });
    expect(checkWebTriggerUrl('https://u:p@abc.hello.atlassian-dev.net/x', production)).toEqual({ kind: 'refused', message: `${expected}; the code's URL carries credentials` });
    expect(checkWebTriggerUrl('not a url', production)).toEqual({ kind: 'refused', message: `${expected}; the code's URL is not a URL` });
  });

  it('allows a loopback web trigger only in local dev mode', () => {
    expect(checkWebTriggerUrl('http://127.0.0.1:4100/wt', production)).toEqual({ kind: 'refused', message: `${expected}, got http: 127.0.0.1` });
    expect(checkWebTriggerUrl('https://localhost:4100/wt', production)).toEqual({ kind: 'refused', message: `${expected}, got localhost:4100` });
    expect(checkWebTriggerUrl('http://127.0.0.1:4100/wt', local)).toEqual({ kind: 'ok', url: 'http://127.0.0.1:4100/wt' });
    expect(checkWebTriggerUrl('http://localhost:4100/wt', local)).toEqual({ kind: 'ok', url: 'http://localhost:4100/wt' });
    expect(checkWebTriggerUrl('http://169.254.169.254/latest/meta-data', local)).toEqual({ kind: 'refused', message: `${expected}, got http: 169.254.169.254` });
  });
});
