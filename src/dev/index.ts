export { createDevRouter, type DevRouterDeps } from './create-dev-router';
export { devPageRouters } from './dev-pages';
