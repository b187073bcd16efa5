import type { Router } from 'express';
import type { Config } from '../config';
import { createDevRouter, type DevRouterDeps } from './create-dev-router';

/**
 * The dev routers for `createHttpApp({ routers })`: none at all unless `config.devPages`, which
 * config.ts keeps false whenever Teams or Slack credentials are set. Not mounting (rather than
 * guarding each route) means /dev is a plain 404 in production.
 */
export function devPageRouters(config: Pick<Config, 'devPages'>, deps: DevRouterDeps): Router[] {
  return config.devPages ? [createDevRouter(deps)] : [];
}
