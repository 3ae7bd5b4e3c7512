import { resolveDatabase, type ResolvedDatabase } from "../resolve.ts";

/** Runs a CLI body against the resolved database and always stops an embedded cluster it started. */
export async function runCli(body: (db: ResolvedDatabase) => Promise<void>): Promise<void> {
  let resolved: ResolvedDatabase | undefined;
  try {
    resolved = await resolveDatabase();
    await body(resolved);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await resolved?.embedded?.stop();
  }
}
