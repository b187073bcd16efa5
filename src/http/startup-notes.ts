import { resolve } from 'node:path';

export interface StartupFacts {
  host: string;
  port: number;
  devPages: boolean;
  /** A platform secret is set: /dev can never be served, so no hint about it. */
  production: boolean;
  store: 'embedded' | 'cosmos';
  dataDir: string;
  cosmosEndpoint?: string;
  cosmosDatabase: string;
}

export interface StartupNote {
  fields: Record<string, unknown>;
  msg: string;
}

/** The address to open: a wildcard host is reached as localhost. */
export function baseUrlOf(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${port}`;
}

/** What `npm start` says first: where it listens, the /dev page in dev mode, and where the data lives. */
export function startupNotes(facts: StartupFacts): StartupNote[] {
  const url = baseUrlOf(facts.host, facts.port);
  const notes: StartupNote[] = [{ fields: { port: facts.port, url }, msg: `twilight is listening on ${url}` }];
  if (facts.devPages) notes.push({ fields: { url: `${url}/dev` }, msg: `dev pages: ${url}/dev` });
  else if (!facts.production) notes.push({ fields: { devPages: false }, msg: 'dev pages are off: start with DEV_PAGES=true to try the bot at /dev' });
  notes.push(
    facts.store === 'embedded'
      ? { fields: { store: 'embedded', dataDir: resolve(facts.dataDir) }, msg: `store: embedded, data folder ${resolve(facts.dataDir)}` }
      : {
          fields: { store: 'cosmos', endpoint: facts.cosmosEndpoint, database: facts.cosmosDatabase },
          msg: `store: cosmos, ${facts.cosmosEndpoint ?? '(no endpoint)'} database ${facts.cosmosDatabase}`,
        },
  );
  return notes;
}
