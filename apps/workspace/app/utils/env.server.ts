import { z } from "zod";

/** The only place the workspace reads the environment; a malformed value stops the server at start-up. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Unset = the embedded PostgreSQL (see @recouvra/db); the database package reads it the same way.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Set when a reverse proxy you control sits in front of the workspace and appends X-Forwarded-For:
  // only then is the client's address known (for the per-address sign-in limit).
  TRUST_PROXY: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  // After this many seconds without a heartbeat the worker is shown as stale (it beats every minute).
  WORKER_STALE_AFTER_SECONDS: z.coerce.number().int().positive().default(180),
  // Where debtors open the portal; printed in letters, emails and SMS ({portal_url}).
  PORTAL_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().url("PORTAL_URL must be a URL, e.g. https://pay.example.com").default("http://localhost:3001")),
});

export type Env = z.infer<typeof EnvSchema>;

function parseEnv(): Env {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid workspace environment: ${detail}`);
  }
  return parsed.data;
}

export const env = parseEnv();
