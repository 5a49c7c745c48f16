export interface PostgresServer {
  port: number;
  dir: string;
  /** Connection URL, trust authentication on 127.0.0.1. */
  url: string;
  start(): void;
  stop(): void;
  destroy(): void;
}
export function findPostgresBin(): string | null;
export function startPostgres(options?: { durable?: boolean }): Promise<PostgresServer>;
