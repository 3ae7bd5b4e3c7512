import postgres from "postgres";

/** URL of database `name` on the same server as `baseUrl`. */
export function withDatabase(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on a short-lived admin connection. */
export async function adminExec(adminUrl: string, statement: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 2 });
  }
}

/**
 * Clones `template` into a new database `name`. CREATE DATABASE … TEMPLATE fails while anything else
 * is copying or connected to the template, so a concurrent worker retries after a short pause.
 */
export async function cloneDatabase(adminUrl: string, template: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminExec(adminUrl, `create database "${name}" template "${template}"`);
      return;
    } catch (error) {
      if (attempt >= 40 || !String(error).includes("being accessed by other users")) throw error;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
}

/** Drops a database even when connections are still open. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await adminExec(adminUrl, `drop database if exists "${name}" with (force)`);
}
