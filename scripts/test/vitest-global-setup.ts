// Gives the database tests a real PostgreSQL: TEST_DATABASE_URL's server if set, otherwise an
// embedded one in a temporary folder. Each test file creates its own throwaway database.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) {
    project.provide("testServerUrl", configured);
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "ea-test-pg-"));
  const server = await startEmbeddedPostgres({ dir: path.join(dir, "data"), persistent: false });
  project.provide("testServerUrl", server.url("postgres"));
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
