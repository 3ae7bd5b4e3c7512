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
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, "STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_… or sk_live_…)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // The signing secret of the webhook endpoint /webhooks/stripe (required with STRIPE_SECRET_KEY).
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, "STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_…)")
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export type Env = z.infer<typeof EnvSchema>;

function parseEnv(): Env {
  const parsed = EnvSchema.refine((e) => !e.STRIPE_SECRET_KEY || e.STRIPE_WEBHOOK_SECRET, {
    path: ["STRIPE_WEBHOOK_SECRET"],
    message: "is required when STRIPE_SECRET_KEY is set: without it no payment could ever be recorded",
  }).safeParse(process.env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid portal environment: ${detail}`);
  }
  return parsed.data;
}

export const env = parseEnv();
