import { hostname } from "node:os";
import { z } from "zod";

/** The only place the worker reads the environment; a missing or malformed value stops it at start-up. */
const EnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL"),
  // One heartbeat row per name: give each worker process of a deployment its own.
  WORKER_NAME: z.string().trim().min(1).default(`worker@${hostname()}`),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type WorkerEnv = z.infer<typeof EnvSchema>;

/** Parses the worker's environment, naming every bad variable. */
export function readWorkerEnv(source: Record<string, string | undefined> = process.env): WorkerEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid worker environment: ${detail}`);
  }
  return parsed.data;
}
