/**
 * The app's face for the bots on people: who is asking (resolving a platform identity to an
 * actor, with its cache), where to reach them (conversation references) and what an uninstall
 * removes. The bots import these from here, never from the people feature's own files.
 */
export * from './people/actor';
export * from './people/actor-cache';
export * from './people/conversations';
export * from './people/uninstall';
export { sendWhatFailedForNoAccount } from './people/send-when-linked';
