import { hostname } from "node:os";
import { checkStripeEnvPair, STRIPE_ENV_FIELDS } from "@recouvra/core";
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

/**
 * The payment provider settings of the automatic instalment collection: Stripe with a secret key, the
 * offline demo provider without (the same variables as the portal's).
 */
const PaymentEnvSchema = z.object(STRIPE_ENV_FIELDS).superRefine(checkStripeEnvPair);

export type PaymentEnv = z.infer<typeof PaymentEnvSchema>;

/** Parses the payment provider variables, naming every bad one. */
export function readPaymentEnv(source: Record<string, string | undefined> = process.env): PaymentEnv {
  const parsed = PaymentEnvSchema.safeParse(source);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid worker environment: ${detail}`);
  }
  return parsed.data;
}
