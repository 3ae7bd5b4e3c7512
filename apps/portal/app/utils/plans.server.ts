/**
 * Glue between the plan and settlement pages and their use-cases: the forms' parsing (the domain reads
 * what was typed), the policy's answer shaped for the page, and every refusal turned into something the
 * page words beside its field. Every answer here is for the one signed-in debtor, about their own case.
 */
import { data, redirect } from "@remix-run/node";
import {
  acceptDebtorPlan,
  debtorProposalRefusalOf,
  getDebtorPlanPage,
  previewDebtorPlan,
  referDebtorPlan,
  requestSettlement,
  type DebtorPlanOffer,
  type DebtorPlanPage,
  type DebtorProposalUnavailable,
} from "@recouvra/core";
import { isDomainError, parseDebtorPlanForm, parseSettlementForm, type DebtorPlanTerms, type DebtorProposalProblem, type IsoDate } from "@recouvra/domain";
import type { Locale } from "~/i18n/index.ts";
import { clientIp, requireDebtorSession, type DebtorSession } from "./session.server.ts";

// A debtor's file is theirs alone: never kept by a shared cache or the back/forward cache.
const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", Vary: "Cookie" };

/** NOT_FOUND (and a malformed id) become the same 404 as an address that names nothing. */
async function orNotFound<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) throw new Response("Not found", { status: 404, headers: PRIVATE_HEADERS });
    throw error;
  }
}

const originOf = (request: Request) => new URL(request.url).origin;

/** What the plan form had typed, sent back with its errors so nothing is lost. */
export interface PlanFormValues {
  mode: string;
  amount: string;
  count: string;
  firstDueOn: string;
}

/** What the plan page's POST answers: the form again, an offer to accept, the referral, or why nothing can be done. */
export type PlanReply =
  | { stage: "form"; values: PlanFormValues; problems: DebtorProposalProblem[]; notice: "offer_gone" | null }
  | { stage: "offer"; offer: DebtorPlanOffer; acknowledgeMissing: boolean; notice: "offer_changed" | null }
  | { stage: "referred"; answerBy: IsoDate }
  | { stage: "unavailable"; reason: DebtorProposalUnavailable };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

function valuesOf(form: FormData): PlanFormValues {
  return { mode: text(form, "mode"), amount: text(form, "amount"), count: text(form, "count"), firstDueOn: text(form, "firstDueOn") };
}

/** The terms of an offer as the accept form carries them back (in figures, as the offer stated them). */
function termsFromHidden(form: FormData): DebtorPlanTerms | null {
  const firstDueOn = text(form, "firstDueOn");
  const whole = (s: string) => (/^\d{1,12}$/.test(s) ? Number(s) : null);
  if (text(form, "mode") === "amount") {
    const instalmentCents = whole(text(form, "instalmentCents"));
    return instalmentCents === null ? null : { mode: "amount", instalmentCents, firstDueOn };
  }
  if (text(form, "mode") === "count") {
    const count = whole(text(form, "count"));
    return count === null ? null : { mode: "count", count, firstDueOn };
  }
  return null;
}

/** A core refusal as the page shows it, or null when it is not one the page knows (then it is rethrown). */
function replyForRefusal(error: unknown, values: PlanFormValues): PlanReply | null {
  const refusal = debtorProposalRefusalOf(error);
  if (!refusal) {
    // A field the domain did not name a problem for (it checked the same rules first): say it is not valid.
    if (isDomainError(error, "VALIDATION") && error.field) {
      const field = error.field === "instalmentCents" ? "amount" : error.field;
      if (field === "amount" || field === "count") return { stage: "form", values, problems: [{ field, problem: "invalid" }], notice: null };
      if (field === "firstDueOn") return { stage: "form", values, problems: [{ field, problem: "invalid" }], notice: null };
      if (field === "mode") return { stage: "form", values, problems: [{ field, problem: "missing" }], notice: null };
    }
    return null;
  }
  if (refusal.kind === "unavailable") return { stage: "unavailable", reason: refusal.reason };
  if (refusal.kind === "problem") return { stage: "form", values, problems: [refusal.problem], notice: null };
  return { stage: "form", values, problems: [], notice: "offer_gone" };
}

const statusOf = (reply: PlanReply) => (reply.stage === "form" && reply.problems.length > 0 ? 400 : reply.stage === "unavailable" ? 409 : 200);

function reply(value: PlanReply, status = statusOf(value)) {
  return data<PlanReply>(value, { status, headers: PRIVATE_HEADERS });
}

/** The plan page: what can be proposed now, what waits, what is agreed. */
export async function loadPlanPage(request: Request) {
  const { ctx, caseId } = await requireDebtorSession(request);
  const page: DebtorPlanPage = await orNotFound(() => getDebtorPlanPage({ ctx, input: { caseId } }));
  return data({ page }, { headers: PRIVATE_HEADERS });
}

/** The policy's answer to the terms: an offer to show, or the referral, sent at once (the debtor asked for an answer). */
async function answer(session: DebtorSession, terms: DebtorPlanTerms, locale: Locale): Promise<PlanReply> {
  const { ctx, caseId } = session;
  const decision = await previewDebtorPlan({ ctx, input: { caseId, locale, ...terms } });
  if (decision.outcome !== "refer") return { stage: "offer", offer: decision, acknowledgeMissing: false, notice: null };
  const sent = await referDebtorPlan({ ctx, input: { caseId, locale, ...terms } });
  return { stage: "referred", answerBy: sent.answerBy };
}

/**
 * The plan page's POST. `intent` says which form: `propose` (the proposal form), `accept` (the offer,
 * with its fingerprint and the "I have read" box) or `refer` (the debtor's own plan to a case handler
 * rather than the counter-offer). Accepting goes on to the confirmation page.
 */
export async function submitPlanForm(request: Request) {
  const session = await requireDebtorSession(request);
  const { ctx, caseId, locale } = session;
  const form = await request.formData();
  const intent = text(form, "intent") || "propose";
  const values = valuesOf(form);
  const page = await orNotFound(() => getDebtorPlanPage({ ctx, input: { caseId } }));
  if (page.planUnavailable) return reply({ stage: "unavailable", reason: page.planUnavailable });

  try {
    if (intent === "propose") {
      const parsed = parseDebtorPlanForm(values, { today: page.today, balanceCents: page.balanceCents, currency: page.currency });
      if (!parsed.ok) return reply({ stage: "form", values, problems: [...parsed.problems], notice: null });
      return reply(await answer(session, parsed.terms, locale));
    }

    const terms = termsFromHidden(form);
    // The offer's own form was tampered with or truncated: start again from the proposal form.
    if (!terms) return reply({ stage: "form", values: { ...values, amount: "", count: "" }, problems: [], notice: "offer_gone" }, 400);
    // The acknowledgment is accepted in the language it was shown in, whatever the page is in now.
    const offerLocale = (["fr", "nl", "en"] as const).find((l) => l === text(form, "locale")) ?? locale;

    if (intent === "refer") {
      const sent = await referDebtorPlan({ ctx, input: { caseId, locale: offerLocale, ...terms } });
      return reply({ stage: "referred", answerBy: sent.answerBy });
    }

    if (intent === "accept") {
      if (form.get("acknowledge") !== "yes") {
        const again = await previewDebtorPlan({ ctx, input: { caseId, locale: offerLocale, ...terms } });
        if (again.outcome === "refer") return reply({ stage: "form", values, problems: [], notice: "offer_gone" }, 409);
        return reply({ stage: "offer", offer: again, acknowledgeMissing: true, notice: null }, 400);
      }
      try {
        await acceptDebtorPlan({
          ctx,
          input: {
            caseId,
            locale: offerLocale,
            ...terms,
            fingerprint: text(form, "fingerprint"),
            ip: clientIp(request),
            userAgent: request.headers.get("User-Agent") ?? undefined,
            portalUrl: originOf(request),
          },
        });
      } catch (error) {
        if (debtorProposalRefusalOf(error)?.kind !== "offer_changed") throw error;
        // Show the offer as it stands now, so the debtor accepts what they read.
        const now = await previewDebtorPlan({ ctx, input: { caseId, locale: offerLocale, ...terms } });
        if (now.outcome === "refer") return reply({ stage: "form", values, problems: [], notice: "offer_gone" }, 409);
        return reply({ stage: "offer", offer: now, acknowledgeMissing: false, notice: "offer_changed" }, 409);
      }
      return redirect("/case/plan/done", { headers: PRIVATE_HEADERS });
    }
    return reply({ stage: "form", values, problems: [], notice: null }, 400);
  } catch (error) {
    const refused = replyForRefusal(error, values);
    if (refused) return reply(refused);
    throw error;
  }
}

/** The confirmation page after accepting: the plan, its agreement, the first instalment. */
export async function loadPlanDone(request: Request) {
  const { ctx, caseId } = await requireDebtorSession(request);
  const page = await orNotFound(() => getDebtorPlanPage({ ctx, input: { caseId } }));
  if (!page.plan) throw redirect("/case/plan", { headers: PRIVATE_HEADERS });
  return data({ page, plan: page.plan }, { headers: PRIVATE_HEADERS });
}

/** The settlement page: the balance and whether a request can be sent. */
export async function loadSettlementPage(request: Request) {
  return loadPlanPage(request);
}

/** What the settlement form had typed. */
export interface SettlementFormValues {
  amount: string;
  payOn: string;
  message: string;
}

/** What the settlement page's POST answers. */
export type SettlementReply =
  | { stage: "form"; values: SettlementFormValues; problems: DebtorProposalProblem[] }
  | { stage: "sent"; answerBy: IsoDate }
  | { stage: "unavailable"; reason: DebtorProposalUnavailable };

/** The settlement form's POST: the amount, the date and the note, sent to a case handler. */
export async function submitSettlement(request: Request) {
  const { ctx, caseId } = await requireDebtorSession(request);
  const form = await request.formData();
  const values: SettlementFormValues = { amount: text(form, "amount"), payOn: text(form, "payOn"), message: text(form, "message") };
  const answerWith = (value: SettlementReply, status: number) => data<SettlementReply>(value, { status, headers: PRIVATE_HEADERS });
  const page = await orNotFound(() => getDebtorPlanPage({ ctx, input: { caseId } }));
  if (page.settlementUnavailable) return answerWith({ stage: "unavailable", reason: page.settlementUnavailable }, 409);
  const parsed = parseSettlementForm(values, { today: page.today, balanceCents: page.balanceCents, currency: page.currency });
  if (!parsed.ok) return answerWith({ stage: "form", values, problems: [...parsed.problems] }, 400);
  try {
    const sent = await requestSettlement({ ctx, input: { caseId, ...parsed.terms } });
    return answerWith({ stage: "sent", answerBy: sent.answerBy }, 200);
  } catch (error) {
    const refusal = debtorProposalRefusalOf(error);
    if (refusal?.kind === "unavailable") return answerWith({ stage: "unavailable", reason: refusal.reason }, 409);
    if (refusal?.kind === "problem") return answerWith({ stage: "form", values, problems: [refusal.problem] }, 400);
    throw error;
  }
}
