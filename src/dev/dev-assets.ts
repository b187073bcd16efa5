import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import express, { type Router } from 'express';

/** tsc does not copy non-TS files, so a build under dist/ still finds the page's script and CSS in src/dev/public. */
function publicDir(): string {
  const candidates = [join(__dirname, 'public'), join(__dirname, '..', '..', 'src', 'dev', 'public')];
  const found = candidates.find((dir) => existsSync(join(dir, 'preview.js')));
  if (!found) throw new Error(`dev pages: preview.js not found in ${candidates.join(' or ')}`);
  return found;
}

/** The adaptivecards browser bundle from node_modules (no CDN: the machine may be offline), plus the page's own script and CSS. */
export function createDevAssets(): Router {
  const router = express.Router();
  const bundle = require.resolve('adaptivecards/dist/adaptivecards.min.js');
  router.get('/dev/assets/adaptivecards.min.js', (_req, res) => res.sendFile(bundle));
  router.get('/dev/assets/adaptivecards.css', (_req, res) => res.sendFile(join(dirname(bundle), 'adaptivecards.css')));
  router.get('/dev/assets/adaptivecards.min.js.map', (_req, res) => res.sendFile(join(dirname(bundle), 'adaptivecards.min.js.map')));
  router.use('/dev/assets', express.static(publicDir(), { index: false, fallthrough: false }));
  return router;
}
