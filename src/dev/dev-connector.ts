import { randomUUID } from 'node:crypto';
import express, { type Router } from 'express';

/** What the bot sent to the fake connector, newest last. */
export interface ConnectorRecord {
  seq: number;
  method: string;
  path: string;
  conversationId: string;
  activity?: unknown;
}

export interface DevConnector {
  router: Router;
  /** Records after `since` (a seq the page saw last). */
  recordsSince(since: number): ConnectorRecord[];
}

/** Enough to show recent replies; old ones fall off so a long dev session cannot grow memory without bound. */
const KEEP = 200;

/**
 * A tiny Bot Connector stand-in mounted under /dev/connector. Activities the page sends name it
 * as their `serviceUrl`, so every reply the bot makes lands here and nothing leaves the machine.
 */
export function createDevConnector(): DevConnector {
  const records: ConnectorRecord[] = [];
  let seq = 0;
  const record = (method: string, path: string, conversationId: string, activity?: unknown): void => {
    records.push({ seq: ++seq, method, path, conversationId, ...(activity !== undefined ? { activity } : {}) });
    if (records.length > KEEP) records.splice(0, records.length - KEEP);
  };
  const router = express.Router();
  router.use(express.json({ limit: '1mb' }));
  router.post('/v3/conversations', (req, res) => {
    const id = `dev-conv-${randomUUID()}`;
    record('POST', req.path, id, req.body);
    res.status(201).json({ id, activityId: randomUUID() });
  });
  router.post(['/v3/conversations/:conversationId/activities', '/v3/conversations/:conversationId/activities/:replyToId'], (req, res) => {
    record('POST', req.path, String(req.params.conversationId), req.body);
    res.status(201).json({ id: randomUUID() });
  });
  router.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    record('PUT', req.path, String(req.params.conversationId), req.body);
    res.json({ id: req.params.activityId });
  });
  router.delete('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    record('DELETE', req.path, String(req.params.conversationId));
    res.status(200).end();
  });
  // Member look-ups: the dev identity is linked by aadObjectId already, so no e-mail is offered.
  router.use((req, res) => {
    res.status(404).json({ error: { code: 'NotFound', message: `dev connector does not implement ${req.method} ${req.path}` } });
  });
  return { router, recordsSince: (since) => records.filter((r) => r.seq > since) };
}
