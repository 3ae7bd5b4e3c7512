import { checkStripeEnvPair, STRIPE_ENV_FIELDS } from "@recouvra/core";
import { z } from "zod";

/** The only place the portal reads the environment; a malformed value stops the server at start-up. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Unset = the embedded PostgreSQL (see @recouvra/db); the database package reads it the same way.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // Set when a reverse proxy you control sits in front of the portal and appends X-Forwarded-For:
  // only then is the client's address known (for the per-address sign-in limit).
  TRUST_PROXY: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  // Unset = the offline demo checkout (/case/pay/demo/…); set = Stripe Checkout with this key.
  ...STRIPE_ENV_FIELDS,
});

export type Env = z.infer<typeof EnvSchema>;

function parseEnv(): Env {
  const parsed = EnvSchema.superRefine(checkStripeEnvPair).safeParse(process.env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid portal environment: ${detail}`);
  }
  return parsed.data;
}

export const env = parseEnv();
