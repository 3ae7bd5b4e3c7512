import { z } from "zod";

/** The only place packages/db reads the environment. */
const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Port of the embedded PostgreSQL started when DATABASE_URL is not set. */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /** Where the embedded PostgreSQL keeps its data (git-ignored). */
  EMBEDDED_PG_DIR: z.string().optional(),
  /** Log every SQL statement (development aid). */
  DB_LOG_QUERIES: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
});

export type DbEnv = z.infer<typeof EnvSchema>;

/** Parses the database environment, failing loudly on a malformed value. */
export function readDbEnv(source: Record<string, string | undefined> = process.env): DbEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid database environment: ${detail}`);
  }
  return parsed.data;
}
