/** The integration-test harness: real PostgreSQL servers, load, comparison, cleanup. */
export * from './pg-versions';
export * from './os-user';
export * from './cleanup';
export * from './scratch';
export * from './poll';
export * from './cluster';
export * from './standby';
export * from './replication-wait';
export * from './write-load';
export * from './seed-data';
export * from './compare-data';
export * from './tree-digest';
export * from './cli';
export * from './failover';
export * from './report-schema';
export * from './mount-namespace';
export * from './seeded-random';
