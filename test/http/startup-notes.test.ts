import { resolve } from 'node:path';
import { baseUrlOf, startupNotes } from '../../src/http/startup-notes';

describe('startupNotes: what npm start says first', () => {
  const dev = { host: '0.0.0.0', port: 3978, devPages: true, production: false, store: 'embedded' as const, dataDir: './data', cosmosDatabase: 'twilight' };

  it('a wildcard host is opened as localhost; dev mode names the /dev page; the embedded store names its folder in full', () => {
    expect(startupNotes(dev).map((n) => n.msg)).toEqual([
      'twilight is listening on http://localhost:3978',
      'dev pages: http://localhost:3978/dev',
      `store: embedded, data folder ${resolve('./data')}`,
    ]);
  });

  it('production (no /dev) on Cosmos names the account and database, never a key', () => {
    const notes = startupNotes({ ...dev, devPages: false, production: true, store: 'cosmos', cosmosEndpoint: 'https://school.documents.azure.com:443/' });
    expect(notes.map((n) => n.msg)).toEqual(['twilight is listening on http://localhost:3978', 'store: cosmos, https://school.documents.azure.com:443/ database twilight']);
  });

  it('without DEV_PAGES=true and with no platform secret, it says how to turn /dev on', () => {
    expect(startupNotes({ ...dev, devPages: false }).map((n) => n.msg)).toEqual([
      'twilight is listening on http://localhost:3978',
      'dev pages are off: start with DEV_PAGES=true to try the bot at /dev',
      `store: embedded, data folder ${resolve('./data')}`,
    ]);
  });

  it('an IPv6 host is bracketed', () => {
    expect(baseUrlOf('::1', 8080)).toBe('http://[::1]:8080');
    expect(baseUrlOf('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080');
  });
});
