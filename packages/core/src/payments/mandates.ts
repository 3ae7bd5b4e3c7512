/**
 * Automatic collection of a plan's instalments: the debtor saves a card or signs a SEPA Direct Debit
 * mandate on the provider's checkout in setup mode, the provider's signed webhook records the mandate
 * (once, however often it is delivered), and the debtor can stop it at any time from the portal. The
 * charges themselves are asked by the worker (collect-instalments.ts).
 */
import { appendAuditEvent, auditEvents, paymentMandates, type Arrangement, type Case, type DbOrTx, type Instalment, type PaymentMandate } from "@recouvra/db";
import { DomainError, instalmentOpenCents, LOCALES, MANDATE_METHODS, mandateMethodsFor, type IsoDate, type Locale, type MandateMethod } from "@recouvra/domain";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type Stripe from "stripe";
import { z } from "zod";
import { today, type Ctx } from "../context.ts";
import { auditFor, clockOf, lockWorkableCase, parseInput } from "../cases/actions/shared.ts";
import { usableDebtorEmail } from "../messages/queue-debtor-email.ts";
import { auditPortal } from "../portal/shared.ts";
import type { DemoPaymentProvider, PaymentProvider, WebhookDelivery } from "./provider.ts";
import type { ProviderPaymentOutcome } from "./record-provider-payment.ts";
import { isOpen, LIVE_PLAN_STATUSES, livePlanOf, requireDebtorCase } from "./shared.ts";

/** A saved method, as the debtor and the agent read it. */
export interface MandateView {
  id: string;
  arrangementId: string;
  provider: string;
  method: MandateMethod;
  label: string;
  createdAt: string;
}

/** Automatic collection on the debtor's case: whether it can be set up, and what is saved. */
export interface AutomaticCollection {
  /** A running plan with instalments still to pay on an open case: a method can be saved (or replaced). */
  canSetUp: boolean;
  arrangementId: string | null;
  currency: string;
  methods: MandateMethod[];
  /** The active saved method of the running plan. */
  mandate: MandateView | null;
  /** The earliest instalment still to pay: what the next charge will be, and from when (already past when `isOverdue`). */
  nextCollection: { dueOn: IsoDate; amountCents: number; isOverdue: boolean } | null;
  /** The provider refused the last charge of an instalment still due (it is tried again a few days later). */
  lastRefusal: { dueOn: IsoDate; requestedAt: string } | null;
}

const viewOf = (m: PaymentMandate): MandateView => ({
  id: m.id,
  arrangementId: m.arrangementId,
  provider: m.provider,
  method: m.method as MandateMethod,
  label: m.label,
  createdAt: m.createdAt.toISOString(),
});

/** The automatic-collection facts of a case whose running plan (if any) the caller has read. */
export async function automaticCollectionOf(db: DbOrTx, kase: Case, live: { plan: Arrangement; lines: Instalment[] } | null, day: IsoDate): Promise<AutomaticCollection> {
  const open = live ? live.lines.filter((l) => instalmentOpenCents(l) > 0) : [];
  const [mandate] = live
    ? await db
        .select()
        .from(paymentMandates)
        .where(and(eq(paymentMandates.arrangementId, live.plan.id), eq(paymentMandates.status, "active")))
        .limit(1)
    : [];
  const refused = open.filter((l) => l.collectionError !== null && l.collectionRequestedAt !== null).at(-1);
  return {
    canSetUp: isOpen(kase) && open.length > 0,
    arrangementId: live?.plan.id ?? null,
    currency: kase.currency,
    methods: mandateMethodsFor(kase.currency),
    mandate: mandate ? viewOf(mandate) : null,
    nextCollection: open[0] ? { dueOn: open[0].dueOn, amountCents: Math.min(instalmentOpenCents(open[0]), Math.max(0, kase.balanceCents)), isOverdue: open[0].dueOn < day } : null,
    lastRefusal: refused ? { dueOn: refused.dueOn, requestedAt: refused.collectionRequestedAt!.toISOString() } : null,
  };
}

/** Automatic collection on the debtor's own case (the pay page, the plan confirmation page). */
export async function getAutomaticCollection({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<AutomaticCollection> {
  const kase = await requireDebtorCase(ctx.db, ctx.actor, input.caseId);
  return automaticCollectionOf(ctx.db, kase, await livePlanOf(ctx.db, kase.id), today(ctx.clock));
}

export const StartMandateSetupInputSchema = z.object({
  caseId: z.string(),
  locale: z.enum(LOCALES).default("fr"),
  /** The portal's own origin, for the provider's return addresses. */
  portalUrl: z.string().url("portalUrl must be a URL"),
});
export type StartMandateSetupInput = z.input<typeof StartMandateSetupInputSchema>;

/** The line on the setup page, in the debtor's language. */
const SETUP_DESCRIPTION: Record<Locale, string> = {
  fr: "Prélèvement automatique des échéances — dossier {reference}",
  nl: "Automatische inning van de afbetalingen — dossier {reference}",
  en: "Automatic collection of instalments — file {reference}",
};

/**
 * Opens the provider's checkout in setup mode for the running plan of the debtor's case: the debtor
 * saves a card or signs a SEPA mandate there, and nothing is charged. The mandate is recorded only
 * from the provider's webhook; the audit event remembers the setup for the confirmation page.
 */
export async function startMandateSetup({ ctx, input, provider }: { ctx: Ctx; input: StartMandateSetupInput; provider: PaymentProvider }): Promise<{ setupId: string; url: string }> {
  const data = parseInput(StartMandateSetupInputSchema, input);
  const kase = await requireDebtorCase(ctx.db, ctx.actor, data.caseId);
  if (!isOpen(kase)) throw new DomainError("CONFLICT", "Nothing is left to pay on this file.");
  const live = await livePlanOf(ctx.db, kase.id);
  if (!live) throw new DomainError("PRECONDITION_FAILED", "Automatic collection is for a running payment plan, and this file has none.");
  if (!live.lines.some((l) => instalmentOpenCents(l) > 0)) throw new DomainError("PRECONDITION_FAILED", "Every instalment of the plan is already paid.");
  const methods = mandateMethodsFor(kase.currency);
  // The debtor's earlier saved method hangs on a provider customer: the new one joins it.
  const [earlier] = await ctx.db
    .select({ customerId: paymentMandates.providerCustomerId })
    .from(paymentMandates)
    .where(and(eq(paymentMandates.caseId, kase.id), eq(paymentMandates.provider, provider.name), isNotNull(paymentMandates.providerCustomerId)))
    .orderBy(desc(paymentMandates.createdAt))
    .limit(1);
  const base = data.portalUrl.replace(/\/+$/, "");
  const setup = await provider.createSetupCheckout({
    caseId: kase.id,
    arrangementId: live.plan.id,
    reference: kase.reference,
    currency: kase.currency,
    methods,
    locale: data.locale,
    description: SETUP_DESCRIPTION[data.locale].replace("{reference}", kase.reference),
    successUrl: `${base}/case/pay/automatic?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${base}/case/pay`,
    customerEmail: (await usableDebtorEmail(ctx.db, kase))?.value ?? null,
    customerId: earlier?.customerId ?? null,
  });
  await ctx.db.transaction(async (tx) => {
    await appendAuditEvent(tx, {
      occurredAt: ctx.clock.now(),
      actorKind: "debtor",
      actorId: kase.debtorId,
      action: "payment.mandate_setup_started",
      entityType: "mandate_setup",
      entityId: setup.id,
      caseId: kase.id,
      clientId: kase.clientId,
      data: { provider: provider.name, arrangementId: live.plan.id, methods },
    });
  });
  return { setupId: setup.id, url: setup.url };
}

export const GetMandateSetupInputSchema = z.object({ caseId: z.string(), setupId: z.string().trim().max(200) });

/** A setup the debtor started, and what became of it. */
export interface MandateSetupView {
  setupId: string;
  provider: "stripe" | "demo";
  caseId: string;
  reference: string;
  arrangementId: string;
  methods: MandateMethod[];
  /** `confirming` until the webhook has recorded the mandate; `stopped` once revoked or replaced; `not_saved` when the plan had ended meanwhile. */
  status: "confirming" | "saved" | "stopped" | "not_saved";
  mandate: MandateView | null;
}

/** The setup `setupId` started on the debtor's case; NOT_FOUND for any other. */
export async function getMandateSetup({ ctx, input }: { ctx: Ctx; input: z.input<typeof GetMandateSetupInputSchema> }): Promise<MandateSetupView> {
  const data = parseInput(GetMandateSetupInputSchema, input);
  const kase = await requireDebtorCase(ctx.db, ctx.actor, data.caseId);
  const trail = await ctx.db
    .select({ action: auditEvents.action, data: auditEvents.data })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "mandate_setup"), eq(auditEvents.entityId, data.setupId), eq(auditEvents.caseId, kase.id)));
  const started = trail.find((e) => e.action === "payment.mandate_setup_started");
  if (!started) throw new DomainError("NOT_FOUND", "This setup does not exist or is not yours to see.");
  const facts = started.data as { provider: "stripe" | "demo"; arrangementId: string; methods: MandateMethod[] };
  const [mandate] = await ctx.db
    .select()
    .from(paymentMandates)
    .where(and(eq(paymentMandates.provider, facts.provider), eq(paymentMandates.providerSetupId, data.setupId), eq(paymentMandates.caseId, kase.id)));
  const notSaved = trail.some((e) => e.action === "payment.mandate_not_saved");
  return {
    setupId: data.setupId,
    provider: facts.provider,
    caseId: kase.id,
    reference: kase.reference,
    arrangementId: facts.arrangementId,
    methods: facts.methods,
    status: mandate ? (mandate.status === "active" ? "saved" : "stopped") : notSaved ? "not_saved" : "confirming",
    mandate: mandate ? viewOf(mandate) : null,
  };
}

export const CompleteDemoMandateSetupInputSchema = GetMandateSetupInputSchema.extend({
  method: z.enum(MANDATE_METHODS, { error: "method must be card or sepa_debit" }),
});

/**
 * The demo setup page's "Save": the signed delivery Stripe would send once the setup completed, to
 * hand to the webhook code path. Only a demo setup of the debtor's own case can be completed this way.
 */
export async function completeDemoMandateSetup({
  ctx,
  input,
  provider,
}: {
  ctx: Ctx;
  input: z.input<typeof CompleteDemoMandateSetupInputSchema>;
  provider: DemoPaymentProvider;
}): Promise<WebhookDelivery> {
  const data = parseInput(CompleteDemoMandateSetupInputSchema, input);
  const setup = await getMandateSetup({ ctx, input: { caseId: data.caseId, setupId: data.setupId } });
  if (setup.provider !== "demo") throw new DomainError("NOT_FOUND", "This setup does not exist or is not yours to see.");
  if (!setup.methods.includes(data.method)) throw new DomainError("VALIDATION", "This method cannot be used for this file.", { field: "method" });
  return provider.setupCompletionDelivery({ id: setup.setupId, caseId: setup.caseId, arrangementId: setup.arrangementId, reference: setup.reference, method: data.method });
}

/**
 * The debtor stops automatic collection: the active saved method of the case is revoked and no
 * further instalment is charged to it. Stopping twice changes nothing the second time.
 */
export async function revokeMandate({ ctx, input }: { ctx: Ctx; input: { caseId: string } }): Promise<{ revoked: MandateView | null }> {
  const kase = await requireDebtorCase(ctx.db, ctx.actor, input.caseId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const revoked = await tx
      .update(paymentMandates)
      .set({ status: "revoked", revokedAt: now })
      .where(and(eq(paymentMandates.caseId, kase.id), eq(paymentMandates.status, "active")))
      .returning();
    for (const m of revoked) {
      await auditPortal(tx, {
        now,
        action: "mandate.revoked",
        caseId: kase.id,
        clientId: kase.clientId,
        debtorId: kase.debtorId,
        entityType: "mandate",
        entityId: m.id,
        data: { reason: "stopped_by_debtor", provider: m.provider, method: m.method, label: m.label, arrangementId: m.arrangementId },
      });
    }
    return { revoked: revoked[0] ? viewOf(revoked[0]) : null };
  });
}

const ref = z.union([z.string(), z.object({ id: z.string() })]).nullish();
const idOf = (v: z.infer<typeof ref>) => (typeof v === "string" ? v : (v?.id ?? null));

const SetupSessionSchema = z.object({
  id: z.string().min(1),
  object: z.literal("checkout.session"),
  mode: z.literal("setup"),
  status: z.string().nullish(),
  setup_intent: ref,
  customer: ref,
  metadata: z.record(z.string(), z.string()).nullish(),
  client_reference_id: z.string().nullish(),
});

/**
 * Records the saved method a completed setup session announces, once: `payment_mandates (provider,
 * provider_setup_id)` is unique and the case row lock serialises concurrent deliveries. A newer
 * mandate revokes the case's older one in the same transaction.
 */
export async function recordProviderMandate(ctx: Ctx, event: Stripe.Event, provider: Pick<PaymentProvider, "name" | "retrieveSavedMethod">): Promise<ProviderPaymentOutcome> {
  const parsed = SetupSessionSchema.safeParse(event.data.object);
  if (!parsed.success) throw new DomainError("VALIDATION", "The setup session in the event is malformed.", { cause: parsed.error });
  const s = parsed.data;
  const caseId = s.metadata?.caseId ?? s.client_reference_id ?? null;
  const arrangementId = s.metadata?.arrangementId ?? null;
  if (!caseId || !arrangementId) return { status: "ignored", reason: "no case or plan in the setup session" };
  if (s.status && s.status !== "complete") return { status: "ignored", reason: `setup session ${s.status}` };
  const setupIntentId = idOf(s.setup_intent);
  if (!setupIntentId) throw new DomainError("VALIDATION", "The setup session names no setup intent.");

  const existingOf = async (db: DbOrTx) => (await db.select().from(paymentMandates).where(and(eq(paymentMandates.provider, provider.name), eq(paymentMandates.providerSetupId, s.id))))[0];
  const seen = await existingOf(ctx.db);
  if (seen) return { status: "mandate_replayed", mandateId: seen.id };
  // Outside the transaction: no row lock is held while the provider answers.
  const saved = await provider.retrieveSavedMethod({ setupIntentId, customerId: idOf(s.customer) });

  const { now } = clockOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const kase = await lockWorkableCase(tx, ctx, caseId);
    const existing = await existingOf(tx);
    if (existing) {
      if (existing.caseId !== kase.id) throw new DomainError("CONFLICT", "This setup is already recorded on another case.");
      return { status: "mandate_replayed", mandateId: existing.id };
    }
    const audit = auditFor(tx, ctx, kase, now);
    const live = await livePlanOf(tx, kase.id);
    if (!live || live.plan.id !== arrangementId || !(LIVE_PLAN_STATUSES as readonly string[]).includes(live.plan.status)) {
      // The plan ended (paid, broken) between the setup and its completion: nothing left to collect.
      const [noted] = await tx
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, "mandate_setup"), eq(auditEvents.entityId, s.id), eq(auditEvents.action, "payment.mandate_not_saved")))
        .limit(1);
      if (!noted) await audit.event("payment.mandate_not_saved", "mandate_setup", s.id, { provider: provider.name, arrangementId, reason: "plan_not_running", eventId: event.id });
      return { status: "ignored", reason: "the plan is no longer running" };
    }
    const replaced = await tx
      .update(paymentMandates)
      .set({ status: "revoked", revokedAt: now })
      .where(and(eq(paymentMandates.caseId, kase.id), eq(paymentMandates.status, "active")))
      .returning();
    const [row] = await tx
      .insert(paymentMandates)
      .values({
        caseId: kase.id,
        clientId: kase.clientId,
        arrangementId,
        provider: provider.name,
        method: saved.method,
        providerSetupId: s.id,
        providerCustomerId: saved.customerId,
        providerPaymentMethodId: saved.paymentMethodId,
        label: saved.label,
        status: "active",
        createdAt: now,
      })
      .returning();
    for (const old of replaced) await audit.event("mandate.revoked", "mandate", old.id, { reason: "replaced", byMandateId: row!.id, method: old.method, label: old.label });
    await audit.event("mandate.created", "mandate", row!.id, { provider: provider.name, method: saved.method, label: saved.label, arrangementId, setupId: s.id, eventId: event.id });
    return { status: "mandate_saved", mandateId: row!.id };
  });
}
