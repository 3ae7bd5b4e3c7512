/**
 * The self-service pages through their route modules: loaders and actions with real requests carrying a
 * real portal session (plain form posts, multipart for files, as a browser without JavaScript sends
 * them), and each page rendered to HTML in every language through React Router's static handler — the
 * same router Remix renders with on the server.
 */
import { createRequire } from "node:module";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { Outlet } from "@remix-run/react";
import { afterAll, describe, expect, it } from "vitest";
import { args, ORIGIN, requestAs, settle, useSeededPortal, type OpenCase } from "./payment-fixtures.ts";

const { t, cases: open } = useSeededPortal(8);

// React Router is a dependency of @remix-run/react, not of the portal: reach it (the very same copy
// Remix uses) through @remix-run/react's own resolution.
const require = createRequire(import.meta.url);
const routerServer = createRequire(require.resolve("@remix-run/react"))("react-router-dom/server") as {
  createStaticHandler: (routes: unknown[]) => { query: (request: Request) => Promise<unknown>; dataRoutes: unknown[] };
  createStaticRouter: (routes: unknown[], context: unknown) => unknown;
  StaticRouterProvider: ComponentType<{ router: unknown; context: unknown; hydrate?: boolean }>;
};

type RouteModule = {
  default: ComponentType;
  loader: (a: ReturnType<typeof args>) => Promise<unknown>;
  action?: (a: ReturnType<typeof args>) => Promise<unknown>;
};

const pages = {
  dispute: () => import("~/routes/case_.dispute.tsx") as Promise<RouteModule>,
  paid: () => import("~/routes/case_.paid.tsx") as Promise<RouteModule>,
  contact: () => import("~/routes/case_.contact.tsx") as Promise<RouteModule>,
  messages: () => import("~/routes/case_.messages.tsx") as Promise<RouteModule>,
  callback: () => import("~/routes/case_.callback.tsx") as Promise<RouteModule>,
  statement: () => import("~/routes/case._index.tsx") as Promise<RouteModule>,
};

/** A Remix `data()` result as React Router wants it: a JSON Response keeping its status, or the value as is. */
const unwrap = (value: unknown) => {
  const maybe = value as { type?: string; data?: unknown; init?: { status?: number } };
  if (!maybe || maybe.type !== "DataWithResponseInit") return value;
  return Response.json(maybe.data, { status: maybe.init?.status ?? 200 });
};

/**
 * The HTML the page renders for `request` in `locale` (a POST runs the action first, as Remix does):
 * a root route standing for the real one (it gives the page its language) and the page route.
 */
async function render(mod: RouteModule, request: Request, locale: "fr" | "nl" | "en"): Promise<{ status: number; html: string }> {
  const path = new URL(request.url).pathname;
  const routes = [
    {
      id: "root",
      path: "/",
      loader: () => ({ locale }),
      Component: Outlet,
      children: [
        {
          id: "page",
          path: path.slice(1),
          loader: async ({ request: r }: { request: Request }) => unwrap(await mod.loader(args(r))),
          action: mod.action ? async ({ request: r }: { request: Request }) => unwrap(await mod.action!(args(r))) : undefined,
          Component: mod.default,
        },
      ],
    },
  ];
  const handler = routerServer.createStaticHandler(routes);
  const context = await handler.query(request);
  if (context instanceof Response) return { status: context.status, html: "" };
  const router = routerServer.createStaticRouter(handler.dataRoutes, context);
  const html = renderToString(createElement(routerServer.StaticRouterProvider, { router, context, hydrate: false }));
  return { status: (context as { statusCode: number }).statusCode, html };
}

/** The page's text as a reader gets it: no tags, no React text separators, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** A multipart POST from the debtor of `c`, as a browser sends a form with files. */
async function multipartAs(c: OpenCase, path: string, fields: Record<string, string>, files: { name: string; type: string; bytes: Uint8Array }[] = []) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  for (const f of files) body.append("evidence", new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  // An empty file input is sent too, as browsers do.
  if (files.length === 0) body.append("evidence", new File([], "", { type: "application/octet-stream" }));
  return requestAs(t, c, path, { method: "POST", body });
}

/** A plain form POST (urlencoded), with repeated fields for checkbox groups. */
function formAs(c: OpenCase, path: string, fields: [string, string][]) {
  return requestAs(t, c, path, { method: "POST", body: new URLSearchParams(fields) });
}

const caseRow = async (id: string) => (await t.sql<{ holds: string[]; next_action_on: string | null; next_action_kind: string | null }[]>`select holds, next_action_on::text, next_action_kind from cases where id = ${id}`)[0]!;
const countOf = async (table: "disputes" | "interactions", caseId: string) => Number((await t.sql<{ n: string }[]>`select count(*) as n from ${t.sql(table)} where case_id = ${caseId}`)[0]!.n);

afterAll(() => {
  delete process.env.DATABASE_URL;
});

describe("every page renders in French, Dutch and English", () => {
  const words = {
    dispute: { fr: ["Contester la créance", "Envoyer ma contestation", "Pourquoi contestez-vous ?"], nl: ["Vordering betwisten", "Mijn betwisting versturen"], en: ["Dispute this debt", "Send my dispute", "Why do you dispute it?"] },
    paid: { fr: ["J'ai déjà payé", "Envoyer mes informations de paiement", "Date du paiement"], nl: ["Ik heb al betaald", "Mijn betalingsgegevens versturen"], en: ["I have already paid", "Send my payment details", "Date of payment"] },
    contact: { fr: ["Mes coordonnées", "Enregistrer mes préférences", "Ajouter ce numéro"], nl: ["Mijn contactgegevens", "Mijn voorkeuren opslaan"], en: ["My contact details", "Save my preferences", "Add this phone number"] },
    messages: { fr: ["Échanges avec votre gestionnaire de dossier", "Envoyer mon message"], nl: ["Berichten met uw dossierbeheerder", "Mijn bericht versturen"], en: ["Messages with your case handler", "Send my message"] },
    callback: { fr: ["Être rappelé", "Demander à être rappelé", "À quel moment ?"], nl: ["Teruggebeld worden", "Terugbelverzoek versturen"], en: ["Ask to be called back", "At what time of day?"] },
  } as const;

  for (const page of Object.keys(words) as (keyof typeof words)[]) {
    it(`/case/${page}`, async () => {
      const mod = await pages[page]();
      for (const locale of ["fr", "nl", "en"] as const) {
        const { status, html } = await render(mod, await requestAs(t, open[0]!, `/case/${page}`), locale);
        expect(status, `${page} ${locale}`).toBe(200);
        const text = textOf(html);
        for (const w of words[page][locale]) expect(text, `${page} ${locale}`).toContain(w);
        expect(html).toMatch(/<form[^>]*method="post"/);
      }
    });
  }

  it("sends files as a multipart form, and accepts only PDF, JPEG and PNG", async () => {
    for (const page of ["dispute", "paid"] as const) {
      const { html } = await render(await pages[page](), await requestAs(t, open[0]!, `/case/${page}`), "en");
      // React writes the attribute as the prop is spelled (encType); HTML attribute names ignore case.
      expect(html).toMatch(/<form[^>]*enctype="multipart\/form-data"/i);
      expect(html).toMatch(/<input[^>]*type="file"[^>]*name="evidence"|<input[^>]*name="evidence"[^>]*type="file"/);
      expect(html).toContain('accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"');
      expect(html).toMatch(/<input[^>]*multiple/);
    }
  });

  it("lists the other things the debtor can do on the statement", async () => {
    const { html } = await render(await pages.statement(), await requestAs(t, open[0]!, "/case?lang=en"), "en");
    const text = textOf(html);
    expect(text).toContain("Other things you can do");
    for (const href of ["/case/dispute", "/case/paid", "/case/messages", "/case/callback", "/case/contact"]) expect(html).toContain(`href="${href}"`);
    const fr = textOf((await render(await pages.statement(), await requestAs(t, open[0]!, "/case?lang=fr"), "fr")).html);
    expect(fr).toContain("Autres démarches");
    expect(fr).toContain("Écrire à mon gestionnaire de dossier");
  });
});

describe("the dispute form without JavaScript", () => {
  it("puts the hold on with a PDF stored with the dispute, then shows what happens next", async () => {
    const kase = open[1]!;
    const { action } = await pages.dispute();
    const r = await settle(async () => action!(args(await multipartAs(kase, "/case/dispute", { reason: "amount_wrong", details: "Charged twice." }, [{ name: "bank.pdf", type: "application/pdf", bytes: PDF }]))));
    expect(r.status).toBe(302);
    expect(r.headers?.get("Location")).toBe("/case/dispute?sent=1");
    expect((await caseRow(kase.id)).holds).toContain("disputed");
    const [doc] = await t.sql<{ filename: string; kind: string; dispute_id: string; reason: string }[]>`
      select d.filename, d.kind, d.dispute_id, s.reason from documents d join disputes s on s.id = d.dispute_id where d.case_id = ${kase.id}`;
    expect(doc).toMatchObject({ filename: "bank.pdf", kind: "dispute_evidence", reason: "amount_wrong" });
    const page = await render(await pages.dispute(), await requestAs(t, kase, "/case/dispute?sent=1"), "en");
    const text = textOf(page.html);
    expect(text).toContain("We have received your dispute");
    expect(text).toContain("Collection is paused");
    expect(page.html).toContain(`href="/case/documents/`);
    // The debtor can download what they sent; another debtor gets the same 404 as for nothing.
    const documentId = (await t.sql<{ id: string }[]>`select id from documents where dispute_id = ${doc!.dispute_id}`)[0]!.id;
    const download = await import("~/routes/case.documents.$documentId.ts");
    expect((await settle(async () => download.loader(args(await requestAs(t, kase, `/case/documents/${documentId}`), { documentId })))).status).toBe(200);
    expect((await settle(async () => download.loader(args(await requestAs(t, open[2]!, `/case/documents/${documentId}`), { documentId })))).status).toBe(404);
  });

  it("refuses a file too large or of the wrong type with an error naming it, and writes nothing", async () => {
    const kase = open[2]!;
    const before = await caseRow(kase.id);
    const big = new Uint8Array(10 * 1024 * 1024 + 10);
    big.set(PDF);
    const { action } = await pages.dispute();
    const tooBig = await settle(async () => action!(args(await multipartAs(kase, "/case/dispute", { reason: "not_mine", details: "Not me." }, [{ name: "huge-scan.pdf", type: "application/pdf", bytes: big }]))));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ problem: { field: "evidence", kind: "fileTooBig", filename: "huge-scan.pdf" }, values: { reason: "not_mine", details: "Not me." } });
    const exe = await settle(async () =>
      action!(args(await multipartAs(kase, "/case/dispute", { reason: "not_mine", details: "Not me." }, [{ name: "proof.pdf", type: "application/pdf", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0]) }]))),
    );
    expect(exe.status).toBe(400);
    expect(exe.body).toMatchObject({ problem: { field: "evidence", kind: "fileType", filename: "proof.pdf" } });
    // The page sends the form back filled in, the error beside the file input, in the page's language.
    const page = await render(await pages.dispute(), await multipartAs(kase, "/case/dispute", { reason: "not_mine", details: "Not me." }, [{ name: "photo.gif", type: "image/gif", bytes: new TextEncoder().encode("GIF89a......") }]), "fr");
    expect(page.status).toBe(400);
    expect(textOf(page.html)).toContain("photo.gif n'est pas un fichier PDF, JPEG ou PNG");
    expect(page.html).toMatch(/aria-invalid="true"[^>]*type="file"|type="file"[^>]*aria-invalid="true"/);
    expect(await caseRow(kase.id)).toEqual(before);
    expect(await countOf("disputes", kase.id)).toBe(0);
    expect((await t.sql`select id from documents where case_id = ${kase.id} and kind = 'dispute_evidence'`).length).toBe(0);
  });

  it("names the missing reason and details", async () => {
    const { action } = await pages.dispute();
    const r = await settle(async () => action!(args(await multipartAs(open[2]!, "/case/dispute", { details: "" }))));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ problem: { field: "reason", kind: "required" } });
    const noDetails = await settle(async () => action!(args(await multipartAs(open[2]!, "/case/dispute", { reason: "other", details: " " }))));
    expect(noDetails.body).toMatchObject({ problem: { field: "details", kind: "required" } });
  });

  it("sends a visitor without a session to the sign-in page, and refuses a post from another site", async () => {
    const { loader, action } = await pages.dispute();
    expect((await settle(() => loader(args(new Request(`${ORIGIN}/case/dispute`))))).headers?.get("Location")).toBe("/");
    const forged = await multipartAs(open[3]!, "/case/dispute", { reason: "not_mine", details: "x" });
    forged.headers.set("Origin", "https://evil.test");
    expect((await settle(() => action!(args(forged)))).status).toBe(403);
  });
});

describe("already paid without JavaScript", () => {
  it("reports the payment with its proof, in words for the handler", async () => {
    const kase = open[3]!;
    const { action } = await pages.paid();
    const bad = await settle(async () => action!(args(await multipartAs(kase, "/case/paid", { paidOn: "yesterday", amount: "100", method: "bank_transfer" }))));
    expect(bad.body).toMatchObject({ problem: { field: "paidOn", kind: "invalid" } });
    const noAmount = await settle(async () => action!(args(await multipartAs(kase, "/case/paid", { paidOn: "01/03/2026", amount: "", method: "bank_transfer" }))));
    expect(noAmount.body).toMatchObject({ problem: { field: "amountCents", kind: "required" } });
    const r = await settle(async () =>
      action!(args(await multipartAs(kase, "/case/paid", { paidOn: "01/03/2026", amount: "120,50", method: "to_creditor", note: "Paid at the counter" }, [{ name: "receipt.pdf", type: "application/pdf", bytes: PDF }]))),
    );
    expect(r.headers?.get("Location")).toBe("/case/paid?sent=1");
    const [dispute] = await t.sql<{ reason: string; details: string }[]>`select reason, details from disputes where case_id = ${kase.id}`;
    expect(dispute).toEqual({ reason: "already_paid", details: "The debtor says they paid €120.50 on 2026-03-01 directly to the creditor. Their note: Paid at the counter" });
    expect((await caseRow(kase.id)).holds).toContain("disputed");
    const text = textOf((await render(await pages.paid(), await requestAs(t, kase, "/case/paid?sent=1"), "nl")).html);
    expect(text).toContain("Bedankt, wij kijken uw betaling na");
    expect(text).toContain("receipt.pdf");
  });
});

describe("contact details without JavaScript", () => {
  it("saves preferences, adds a phone number as the debtor's own and reports one as not theirs", async () => {
    const kase = open[4]!;
    const { action } = await pages.contact();
    const prefs = await settle(async () => action!(args(await formAs(kase, "/case/contact", [["intent", "preferences"], ["preferredChannel", "email"], ["preferredTimes", "morning"], ["preferredTimes", "evening"]]))));
    expect(prefs.headers?.get("Location")).toBe("/case/contact?saved=preferences");
    const [debtor] = await t.sql<{ preferred_channel: string; preferred_contact_times: string[] }[]>`select d.preferred_channel, d.preferred_contact_times from debtors d join cases c on c.debtor_id = d.id where c.id = ${kase.id}`;
    expect(debtor).toEqual({ preferred_channel: "email", preferred_contact_times: ["morning", "evening"] });

    const added = await settle(async () => action!(args(await formAs(kase, "/case/contact", [["intent", "add-phone"], ["phone", "06 98 76 54 01"], ["isPreferred", "on"]]))));
    expect(added.headers?.get("Location")).toBe("/case/contact?saved=add");
    const [point] = await t.sql<{ id: string; value: string; source: string; is_verified: boolean; is_primary: boolean }[]>`
      select cp.id, cp.value, cp.source, cp.is_verified, cp.is_primary from contact_points cp join cases c on c.debtor_id = cp.debtor_id where c.id = ${kase.id} and cp.value = '+33698765401'`;
    expect(point).toMatchObject({ source: "debtor_portal", is_verified: false, is_primary: true });
    const again = await settle(async () => action!(args(await formAs(kase, "/case/contact", [["intent", "add-phone"], ["phone", "+33698765401"]]))));
    expect(again).toMatchObject({ status: 400, body: { intent: "add-phone", problem: { field: "phone", kind: "duplicate", value: "+33698765401" } } });
    const badEmail = await render(await pages.contact(), await formAs(kase, "/case/contact", [["intent", "add-email"], ["email", "nope"]]), "en");
    expect(textOf(badEmail.html)).toContain("This email address does not look right");

    const reported = await settle(async () => action!(args(await formAs(kase, "/case/contact", [["intent", "report"], ["contactPointId", point!.id]]))));
    expect(reported.headers?.get("Location")).toBe("/case/contact?saved=report");
    expect((await t.sql<{ is_invalid: boolean }[]>`select is_invalid from contact_points where id = ${point!.id}`)[0]!.is_invalid).toBe(true);
    const page = textOf((await render(await pages.contact(), await requestAs(t, kase, "/case/contact?saved=report"), "en")).html);
    expect(page).toContain("Noted: we will no longer use this contact detail.");
    expect(page).not.toContain("+33698765401");
    // Another debtor's point is the same 404 as one that does not exist.
    const [foreign] = await t.sql<{ id: string }[]>`select cp.id from contact_points cp join cases c on c.debtor_id = cp.debtor_id where c.id = ${open[5]!.id} limit 1`;
    expect((await settle(async () => action!(args(await formAs(kase, "/case/contact", [["intent", "report"], ["contactPointId", foreign!.id]]))))).status).toBe(404);
    expect((await t.sql<{ is_invalid: boolean }[]>`select is_invalid from contact_points where id = ${foreign!.id}`)[0]!.is_invalid).toBe(false);
  });
});

describe("messages without JavaScript", () => {
  it("sends a message into the debtor's own thread; another debtor's session never sees it", async () => {
    const kase = open[5]!;
    const other = open[6]!;
    const { action, loader } = await pages.messages();
    const empty = await settle(async () => action!(args(await formAs(kase, "/case/messages", [["text", "  "]]))));
    expect(empty).toMatchObject({ status: 400, body: { problem: { field: "text", kind: "required" } } });
    const long = await settle(async () => action!(args(await formAs(kase, "/case/messages", [["text", "x".repeat(2001)]]))));
    expect(long.body).toMatchObject({ problem: { field: "text", kind: "tooLong" } });
    const sent = await settle(async () => action!(args(await formAs(kase, "/case/messages", [["text", "Could you send me the invoice again?"]]))));
    expect(sent.headers?.get("Location")).toBe("/case/messages?sent=1");
    const mine = await settle(async () => loader(args(await requestAs(t, kase, "/case/messages"))));
    expect((mine.body as { thread: { messages: { text: string; from: string }[] } }).thread.messages).toEqual([expect.objectContaining({ from: "debtor", text: "Could you send me the invoice again?" })]);
    const theirs = await settle(async () => loader(args(await requestAs(t, other, "/case/messages"))));
    expect((theirs.body as { thread: { caseId: string; messages: unknown[] } }).thread).toMatchObject({ caseId: other.id, messages: [] });
    const html = textOf((await render(await pages.messages(), await requestAs(t, kase, "/case/messages?sent=1"), "fr")).html);
    expect(html).toContain("Votre message est envoyé");
    expect(html).toContain("Could you send me the invoice again?");
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "Europe/Paris" });
    expect((await caseRow(kase.id)).next_action_on! <= today).toBe(true);
  });
});

describe("call back without JavaScript", () => {
  it("asks for a call on one of the days offered, and names a day that is not", async () => {
    const kase = open[7]!;
    const { loader, action } = await pages.callback();
    const options = (await settle(async () => loader(args(await requestAs(t, kase, "/case/callback"))))).body as { options: { days: string[]; phones: { id: string }[] } };
    const day = options.options.days.at(-1)!;
    const sunday = new Date(`${day}T12:00:00Z`);
    sunday.setUTCDate(sunday.getUTCDate() + ((7 - sunday.getUTCDay()) % 7));
    const refused = await settle(async () => action!(args(await formAs(kase, "/case/callback", [["contactPointId", "new"], ["newPhone", "0612345670"], ["day", sunday.toISOString().slice(0, 10)], ["slot", "morning"]]))));
    expect(refused.body).toMatchObject({ problem: { field: "day", kind: "notOffered" } });
    const noPhone = await settle(async () => action!(args(await formAs(kase, "/case/callback", [["contactPointId", "new"], ["newPhone", ""], ["day", day], ["slot", "morning"]]))));
    expect(noPhone.body).toMatchObject({ problem: { field: "newPhone", kind: "required" } });
    const done = await settle(async () => action!(args(await formAs(kase, "/case/callback", [["contactPointId", "new"], ["newPhone", "0612345670"], ["day", day], ["slot", "afternoon"], ["note", "About a plan"]]))));
    expect(done.headers?.get("Location")).toBe("/case/callback?sent=1");
    const [asked] = await t.sql<{ channel: string; note: string }[]>`select channel, note from interactions where case_id = ${kase.id} and outcome = 'callback_requested' and direction = 'inbound'`;
    expect(asked).toMatchObject({ channel: "portal", note: expect.stringContaining("in the afternoon, at +33612345670.\nAbout a plan") });
    // The handler has the case in front of them by that day at the latest (an action already due is kept).
    expect((await caseRow(kase.id)).next_action_on! <= day).toBe(true);
    const text = textOf((await render(await pages.callback(), await requestAs(t, kase, "/case/callback?sent=1"), "en")).html);
    expect(text).toContain("Thank you, noted: we will call you on");
    expect(text).toContain("(afternoon) on +33612345670");
  });

  it("tells a debtor whose file is on hold that we write instead of calling", async () => {
    // open[1] disputed its debt above.
    const text = textOf((await render(await pages.callback(), await requestAs(t, open[1]!, "/case/callback"), "en")).html);
    expect(text).toContain("we do not call during that time");
    expect(text).not.toContain("Which number should we call?");
  });
});
