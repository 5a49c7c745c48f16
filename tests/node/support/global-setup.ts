/** Starts one throwaway PostgreSQL server for the run; each test file makes its own database in it. */
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../../scripts/postgres-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the run's PostgreSQL server. */
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const server = await startPostgres();
  project.provide('pgUrl', server.url);
  return () => server.destroy();
}
