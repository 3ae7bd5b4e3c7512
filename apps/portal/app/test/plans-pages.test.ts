/**
 * The plan and settlement pages as a browser without JavaScript sees them: the real Remix server build
 * (through Vite, as `remix vite:dev` serves it) answers document requests with server-rendered HTML,
 * and every step posts the form fields the previous page rendered, to the action that page named.
 */
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { seedDemo } from "@recouvra/db/seed";
import { useTestDb } from "@recouvra/db/testing";
import { addDays, calendarDateIn, evaluateProposal, formatMoney, formatStatementDate, referralAnswerDate, type Locale, type NegotiationPolicy } from "@recouvra/domain";
import { fileURLToPath } from "node:url";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FORMAT_LOCALE } from "~/i18n/index.ts";
import { PLAN_TEXTS } from "~/i18n/plans.ts";
import { anonymousRequest, debtorRequest, PORTAL_ORIGIN } from "./session.ts";

const t = useTestDb();
let vite: ViteDevServer;
let handle: (request: Request) => Promise<Response>;

interface Picked {
  id: string;
  reference: string;
  balanceCents: number;
}
/** Open cases whose client's policy accepts 6 monthly instalments and counters 24, and cases it refers. */
const fits: Picked[] = [];
const referred: Picked[] = [];
const policyOf = new Map<string, NegotiationPolicy>();
let today: string;

beforeAll(async () => {
  // The portal opens its pool on first use: point it at this file's database first.
  process.env.DATABASE_URL = t.url;
  delete (globalThis as { __recouvraPortalDb?: unknown }).__recouvraPortalDb;
  // The portal runs on the real clock, and its day is the agency's (Paris), not UTC's.
  today = calendarDateIn(new Date(), "Europe/Paris");
  await seedDemo(t.db, { today });

  const rows = await t.sql<{ id: string; reference: string; balance_cents: string; client_id: string }[]>`
    select c.id, c.reference, c.balance_cents, c.client_id from cases c
    where c.stage in ('notified', 'in_contact', 'negotiating') and cardinality(c.holds) = 0 and c.balance_cents > 10000
      and not exists (select 1 from arrangements a where a.case_id = c.id and a.status in ('proposed', 'accepted', 'active'))
      and exists (select 1 from contact_points cp where cp.debtor_id = c.debtor_id and cp.kind = 'email' and not cp.is_invalid and cp.opted_out_at is null)
    order by c.reference`;
  const policies = new Map((await t.sql<{ client_id: string | null; policy: NegotiationPolicy }[]>`select client_id, policy from negotiation_policies`).map((p) => [p.client_id, p.policy]));
  const answer = (policy: NegotiationPolicy, balanceCents: number, count: number) =>
    evaluateProposal({ policy, balanceCents, today, proposal: { kind: "plan", frequency: "monthly", firstDueOn: addDays(today, 7), count } }).decision;
  for (const r of rows) {
    const policy = policies.get(r.client_id);
    const picked = { id: r.id, reference: r.reference, balanceCents: Number(r.balance_cents) };
    if (!policy) continue;
    policyOf.set(r.id, policy);
    if (answer(policy, picked.balanceCents, 6) === "accept" && answer(policy, picked.balanceCents, 24) === "counter") fits.push(picked);
    else if (answer(policy, picked.balanceCents, 6) === "refer") referred.push(picked);
  }
  if (fits.length < 6 || referred.length < 1) throw new Error("the seed has too few cases for this file");

  const root = fileURLToPath(new URL("../..", import.meta.url));
  vite = await createServer({
    root,
    configFile: `${root}/vite.config.ts`,
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: "custom",
    logLevel: "error",
    // Server rendering only: nothing to pre-bundle for a browser.
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const build = (await vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild;
  handle = createRequestHandler(build, "development");
}, 180_000);

afterAll(async () => {
  await vite?.close();
});

/** A page as the browser gets it: status, where it redirects, the HTML and its text. */
async function fetchPage(request: Request) {
  const response = await handle(request);
  const html = await response.text();
  return { status: response.status, location: response.headers.get("Location"), html, text: textOf(html) };
}

const decode = (s: string) => s.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The visible text of an HTML document, spaces collapsed (React's `<!-- -->` between text nodes dropped). */
function textOf(html: string): string {
  const body = html.replace(/<script[\s\S]*?<\/script>/g, " ").replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ");
  return decode(body).replace(/\s+/g, " ");
}
const squash = (s: string) => s.replace(/\s+/g, " ");

/** The form of `html` holding a hidden `intent` of `intent` (or the only post form): where it posts and what it sends as is. */
function formOf(html: string, intent?: string): { action: string; fields: Record<string, string> } {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].filter((m) => /method="post"/i.test(m[1]!));
  const form = intent ? forms.find((m) => m[2]!.includes(`name="intent" value="${intent}"`)) : forms.find((m) => !m[1]!.includes('action="/sign-out"'));
  if (!form) throw new Error(`no form ${intent ?? ""} on the page`);
  const action = decode(/action="([^"]*)"/.exec(form[1]!)?.[1] ?? "");
  const fields: Record<string, string> = {};
  for (const input of form[2]!.matchAll(/<input\b[^>]*>/g)) {
    const tag = input[0];
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    if (!name || !/type="hidden"/.test(tag)) continue;
    fields[name] = decode(/value="([^"]*)"/.exec(tag)?.[1] ?? "");
  }
  return { action, fields };
}

const get = async (c: Picked, path: string) => fetchPage(await debtorRequest(t, c.id, path));
// A browser sends the Host it reached; Remix compares it with the form's Origin before running an action.
const post = async (c: Picked, path: string, fields: Record<string, string>) =>
  fetchPage(await debtorRequest(t, c.id, path, { method: "POST", body: new URLSearchParams(fields), headers: { "X-Forwarded-Host": new URL(PORTAL_ORIGIN).host } }));

/** Opens the plan page in `locale` and sends the proposal form with `fields`. */
async function propose(c: Picked, locale: Locale, fields: Record<string, string>) {
  const page = await get(c, `/case/plan?lang=${locale}`);
  const form = formOf(page.html, "propose");
  return post(c, form.action, { ...form.fields, firstDueOn: addDays(today, 7), ...fields });
}

const money = (cents: number, locale: Locale) => formatMoney(cents, "EUR", FORMAT_LOCALE[locale]);
const date = (iso: string, locale: Locale) => formatStatementDate(iso, locale);
const ackOf = (html: string) => decode(/<blockquote[^>]*>([\s\S]*?)<\/blockquote>/.exec(html)?.[1] ?? "");
async function arrangementsOf(caseId: string) {
  const rows = await t.sql<{ kind: string; status: string; proposed_by: string; total_cents: string; acknowledgment_text: string | null; terms: Record<string, unknown> }[]>`
    select kind, status, proposed_by, total_cents, acknowledgment_text, terms from arrangements where case_id = ${caseId} order by created_at`;
  return rows.map((r) => ({ kind: r.kind, status: r.status, proposedBy: r.proposed_by, totalCents: Number(r.total_cents), acknowledgmentText: r.acknowledgment_text, terms: r.terms }));
}
async function agreementOf(caseId: string) {
  const [doc] = await t.sql<{ id: string; filename: string }[]>`select id, filename from documents where case_id = ${caseId} and kind = 'plan_agreement'`;
  return doc;
}

describe("/case/plan", () => {
  it("sends a visitor without a session to the sign-in page", async () => {
    const r = await fetchPage(anonymousRequest("/case/plan"));
    expect([r.status, r.location]).toEqual([302, "/"]);
  });

  it("renders the proposal form in each language, with its labels, its radio group and the settlement link", async () => {
    const kase = fits[0]!;
    for (const locale of ["fr", "nl", "en"] as const) {
      const t = PLAN_TEXTS[locale];
      const r = await get(kase, `/case/plan?lang=${locale}`);
      expect(r.status).toBe(200);
      expect(r.html).toContain(`<html lang="${locale}"`);
      for (const words of [t.title, t.form.legend, t.form.modeAmount, t.form.modeCount, t.form.amountLabel("EUR"), t.form.countLabel, t.form.firstDueOnLabel, t.form.submit, t.form.settlementLink]) {
        expect(r.text).toContain(squash(words));
      }
      expect(r.text).toContain(squash(money(kase.balanceCents, locale)));
      expect(r.html).toMatch(/<fieldset[\s\S]*<legend[\s\S]*type="radio" name="mode"[^>]*value="amount"[\s\S]*type="radio" name="mode"[^>]*value="count"[\s\S]*<\/fieldset>/);
      expect(r.html).toContain(`min="${today}"`);
      expect(r.html).toContain(`value="${addDays(today, 7)}"`);
      expect(r.html).toContain('href="/case/settlement"');
    }
  });

  it("names the field that is wrong, keeping what was typed", async () => {
    const kase = fits[0]!;
    const r = await propose(kase, "en", { mode: "amount", amount: "a lot" });
    expect(r.status).toBe(400);
    expect(r.text).toContain(PLAN_TEXTS.en.errors.amountInvalid);
    expect(r.html).toMatch(/name="amount"[^>]*value="a lot"|value="a lot"[^>]*name="amount"/);
    expect(r.html).toMatch(/aria-invalid="true"[^>]*name="amount"|name="amount"[^>]*aria-invalid="true"/);
    expect(await arrangementsOf(kase.id)).toEqual([]);
  });

  it("shows a plan within policy with every date and amount and its acknowledgment; without the box ticked it says so beside it", async () => {
    const kase = fits[1]!;
    const r = await propose(kase, "fr", { mode: "count", count: "6" });
    expect(r.status).toBe(200);
    const t = PLAN_TEXTS.fr;
    expect(r.text).toContain(t.offer.acceptTitle);
    const lines = evaluateProposalFor(kase, 6);
    for (const line of lines) {
      expect(r.text).toContain(squash(date(line.dueOn, "fr")));
      expect(r.text).toContain(squash(money(line.amountCents, "fr")));
    }
    expect(ackOf(r.html)).toContain(`dossier ${kase.reference}`);
    expect(r.text).toContain(t.offer.acknowledgeLabel);
    expect(r.text).toContain(t.offer.accept);

    const accept = formOf(r.html, "accept");
    expect(accept.fields).toMatchObject({ intent: "accept", mode: "count", count: "6", locale: "fr" });
    const unticked = await post(kase, accept.action, accept.fields);
    expect(unticked.status).toBe(400);
    expect(unticked.text).toContain(t.errors.acknowledge);
    expect(unticked.html).toMatch(/aria-invalid="true"[^>]*name="acknowledge"|name="acknowledge"[^>]*aria-invalid="true"/);
    expect(await arrangementsOf(kase.id)).toEqual([]);
  });

  it("accepting starts the plan with the text shown, then the confirmation links to the agreement and to paying", async () => {
    const kase = fits[2]!;
    const offer = await propose(kase, "fr", { mode: "count", count: "6" });
    const shown = ackOf(offer.html);
    const accept = formOf(offer.html, "accept");
    const done = await post(kase, accept.action, { ...accept.fields, acknowledge: "yes" });
    expect([done.status, done.location]).toEqual([302, "/case/plan/done"]);

    const [row] = await arrangementsOf(kase.id);
    expect(row).toMatchObject({ status: "active", proposedBy: "debtor", totalCents: kase.balanceCents });
    expect(row!.acknowledgmentText).toBe(shown);
    const doc = await agreementOf(kase.id);
    expect(doc).toBeDefined();
    expect(await t.sql`select id from messages where case_id = ${kase.id} and template = 'plan_confirmation' and status = 'queued'`).toHaveLength(1);

    const confirmation = await get(kase, "/case/plan/done?lang=fr");
    expect(confirmation.status).toBe(200);
    expect(confirmation.text).toContain(PLAN_TEXTS.fr.done.title);
    expect(confirmation.html).toContain(`href="/case/documents/${doc!.id}"`);
    expect(confirmation.html).toContain('href="/case/pay"');
    expect(confirmation.text).toContain(PLAN_TEXTS.fr.done.payFirst);

    const pdf = await handle(await debtorRequest(t, kase.id, `/case/documents/${doc!.id}`));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("Content-Type")).toContain("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const statement = await get(kase, "/case?lang=fr");
    expect(statement.text).toContain(doc!.filename);

    // Back on the plan page: the plan is there, no second one can be proposed.
    const again = await get(kase, "/case/plan?lang=fr");
    expect(again.text).toContain(PLAN_TEXTS.fr.existing.title);
    expect(again.html).not.toContain('name="intent" value="propose"');
    const twice = await post(kase, accept.action, { ...accept.fields, acknowledge: "yes" });
    expect(twice.status).toBe(409);
    expect(await arrangementsOf(kase.id)).toHaveLength(1);
  });

  it("counters a plan outside policy with one the debtor can accept", async () => {
    const kase = fits[3]!;
    const r = await propose(kase, "en", { mode: "count", count: "24" });
    expect(r.status).toBe(200);
    expect(r.text).toContain(PLAN_TEXTS.en.offer.counterTitle);
    expect(r.text).toContain(PLAN_TEXTS.en.offer.reasons.too_many_instalments);
    expect(r.text).toContain(PLAN_TEXTS.en.offer.refer);
    const accept = formOf(r.html, "accept");
    expect(accept.fields).toMatchObject({ mode: "count", count: "24", locale: "en" });
    const done = await post(kase, accept.action, { ...accept.fields, acknowledge: "yes" });
    expect(done.location).toBe("/case/plan/done");
    const [row] = await arrangementsOf(kase.id);
    expect(row).toMatchObject({ status: "active", proposedBy: "debtor", acknowledgmentText: ackOf(r.html) });
    expect(row!.terms).toMatchObject({ counterOffer: true });
  });

  it("sends the debtor's own plan to the case handler instead of the counter-offer when asked", async () => {
    const kase = fits[4]!;
    const r = await propose(kase, "nl", { mode: "count", count: "24" });
    const refer = formOf(r.html, "refer");
    const sent = await post(kase, refer.action, refer.fields);
    expect(sent.status).toBe(200);
    expect(sent.text).toContain(squash(PLAN_TEXTS.nl.referred.body(date(referralAnswerDate(today), "nl"))));
    const [row] = await arrangementsOf(kase.id);
    expect(row).toMatchObject({ status: "proposed", proposedBy: "debtor" });
  });

  it("refers what only a person can decide, saying by when the answer comes, and only once", async () => {
    const kase = referred[0]!;
    const form = formOf((await get(kase, "/case/plan?lang=en")).html, "propose");
    const fields = { ...form.fields, mode: "count", count: "6", firstDueOn: addDays(today, 7) };
    const r = await post(kase, form.action, fields);
    expect(r.status).toBe(200);
    expect(r.text).toContain(squash(PLAN_TEXTS.en.referred.body(date(referralAnswerDate(today), "en"))));
    const [row] = await arrangementsOf(kase.id);
    expect(row).toMatchObject({ status: "proposed", kind: "plan", proposedBy: "debtor" });
    // The page now says the proposal waits, and offers no form; the form sent again (a second tab, a
    // double click) is refused: still one proposal.
    const waiting = await get(kase, "/case/plan?lang=en");
    expect(waiting.text).toContain(squash(PLAN_TEXTS.en.waiting.planBody(date(referralAnswerDate(today), "en"))));
    expect(() => formOf(waiting.html, "propose")).toThrow();
    const resent = await post(kase, form.action, fields);
    expect(resent.status).toBe(409);
    expect(resent.text).toContain(PLAN_TEXTS.en.waiting.title);
    expect(await arrangementsOf(kase.id)).toHaveLength(1);
  });

  it("another debtor's session cannot accept this case's offer, nor download its agreement", async () => {
    const owner = fits[5]!;
    const stranger = fits[0]!;
    const offer = await propose(owner, "fr", { mode: "count", count: "6" });
    const accept = formOf(offer.html, "accept");
    // The stranger posts the owner's offer: the session says which case, and it is the stranger's own.
    const r = await post(stranger, accept.action, { ...accept.fields, acknowledge: "yes" });
    expect(r.status).toBe(409);
    expect(r.text).toContain(PLAN_TEXTS.fr.errors.offerChanged);
    expect(await arrangementsOf(owner.id)).toEqual([]);
    expect(await arrangementsOf(stranger.id)).toEqual([]);

    const done = await post(owner, accept.action, { ...accept.fields, acknowledge: "yes" });
    expect(done.location).toBe("/case/plan/done");
    const doc = await agreementOf(owner.id);
    expect((await handle(await debtorRequest(t, stranger.id, `/case/documents/${doc!.id}`))).status).toBe(404);
  });
});

describe("/case/settlement", () => {
  it("renders in each language with its labels", async () => {
    const kase = fits[0]!;
    for (const locale of ["fr", "nl", "en"] as const) {
      const s = PLAN_TEXTS[locale].settlement;
      const r = await get(kase, `/case/settlement?lang=${locale}`);
      expect(r.status).toBe(200);
      for (const words of [s.title, s.amountLabel("EUR"), s.payOnLabel, s.messageLabel, s.submit]) expect(r.text).toContain(squash(words));
    }
  });

  it("refuses the whole balance beside the field, then sends an offer below it to the case handler", async () => {
    const kase = fits[0]!;
    const page = await get(kase, "/case/settlement?lang=en");
    const form = formOf(page.html);
    const all = await post(kase, form.action, { amount: (kase.balanceCents / 100).toFixed(2), payOn: addDays(today, 10), message: "" });
    expect(all.status).toBe(400);
    expect(all.text).toContain(squash(PLAN_TEXTS.en.settlement.errors.amountNotBelowBalance(money(kase.balanceCents, "en"))));
    expect(await arrangementsOf(kase.id)).toEqual([]);

    const offered = Math.floor(kase.balanceCents * 0.7);
    const sent = await post(kase, form.action, { amount: (offered / 100).toFixed(2), payOn: addDays(today, 10), message: "I can pay this from my savings." });
    expect(sent.status).toBe(200);
    expect(sent.text).toContain(squash(PLAN_TEXTS.en.settlement.sentBody(date(referralAnswerDate(today), "en"))));
    const [row] = await arrangementsOf(kase.id);
    expect(row).toMatchObject({ kind: "settlement", status: "proposed", proposedBy: "debtor", totalCents: offered });
    expect(row!.terms).toMatchObject({ debtorMessage: "I can pay this from my savings." });
    // Waiting for an answer now: the plan page says so instead of offering the form.
    expect((await get(kase, "/case/plan?lang=en")).text).toContain(PLAN_TEXTS.en.waiting.title);
  });
});

/** The schedule the policy gives `count` monthly instalments from a week today on a picked case. */
function evaluateProposalFor(kase: Picked, count: number) {
  const policy = policyOf.get(kase.id);
  if (!policy) throw new Error("no policy");
  const decision = evaluateProposal({ policy, balanceCents: kase.balanceCents, today, proposal: { kind: "plan", frequency: "monthly", firstDueOn: addDays(today, 7), count } });
  if (decision.decision === "refer") throw new Error("referred");
  return decision.schedule;
}
