/** What other features and the app root use of people/: import it from here, not from its files. */
export * from './actor';
export * from './erase-staff';
export * from './retention';
export * from './send-when-linked';
export * from './set-away';
export * from './staff-records';
