import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import express, { type Router } from 'express';

/** tsc does not copy non-TS files, so a build under dist/ still finds the page's script and CSS in src/dev/public. */
const CANDIDATES = [join(__dirname, 'public'), join(__dirname, '..', '..', 'src', 'dev', 'public')];

function publicDir(): string | undefined {
  return CANDIDATES.find((dir) => existsSync(join(dir, 'preview.js')));
}

/** The adaptivecards browser bundle from node_modules (no CDN: the machine may be offline), plus the page's own script and CSS. */
export function createDevAssets(): Router {
  const router = express.Router();
  const bundle = require.resolve('adaptivecards/dist/adaptivecards.min.js');
  router.get('/dev/assets/adaptivecards.min.js', (_req, res) => res.sendFile(bundle));
  router.get('/dev/assets/adaptivecards.css', (_req, res) => res.sendFile(join(dirname(bundle), 'adaptivecards.css')));
  router.get('/dev/assets/adaptivecards.min.js.map', (_req, res) => res.sendFile(join(dirname(bundle), 'adaptivecards.min.js.map')));
  const dir = publicDir();
  if (dir) router.use('/dev/assets', express.static(dir, { index: false, fallthrough: false }));
  else {
    // A production image without src/: the server still starts; only the page's own assets are missing.
    router.use('/dev/assets', (_req, res) => {
      res.status(500).type('text/plain').send(`dev pages: preview.js not found in ${CANDIDATES.join(' or ')}`);
    });
  }
  return router;
}
