/**
 * The language of the portal's chrome and `<html lang>` (the root loader's `locale`, which `Layout`
 * and `Shell` read through `useLocale`): a signed-in debtor's resolved language, the same one the page
 * below renders in; the visitor's `?lang=` still switches it and is remembered; without a (live)
 * session, the browser's language.
 */
import { DEFAULT_LOCALE } from "~/i18n/index.ts";
import { seedDemo } from "@recouvra/db/seed";
import { useTestDb } from "@recouvra/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { anonymousRequest, debtorRequest } from "./session.ts";

const t = useTestDb();

type Loader = (args: never) => Promise<unknown>;
let rootLoader: Loader;
let rootMeta: (args: never) => { title?: string }[];
let unknownAddress: () => never;
let statementLoader: Loader;
/** One open case per debtor language, each of a debtor in that language. */
const caseIn: Record<"fr" | "nl" | "en", string> = { fr: "", nl: "", en: "" };

beforeAll(async () => {
  process.env.DATABASE_URL = t.url;
  delete (globalThis as { __recouvraPortalDb?: unknown }).__recouvraPortalDb;
  await seedDemo(t.db, { today: new Date().toISOString().slice(0, 10) });
  const open = await t.sql<{ id: string; debtor_id: string; locale: string }[]>`
    select c.id, c.debtor_id, d.locale from cases c join debtors d on d.id = c.debtor_id
    where c.stage <> 'closed' order by c.reference`;
  for (const locale of ["fr", "nl"] as const) {
    const found = open.find((c) => c.locale === locale);
    if (!found) throw new Error(`the seed has no open case of a debtor in ${locale}`);
    caseIn[locale] = found.id;
  }
  // The demo's debtors write in French or Dutch; make one an English speaker.
  const english = open.find((c) => c.locale === "en") ?? open.find((c) => c.id !== caseIn.fr && c.id !== caseIn.nl)!;
  await t.sql`update debtors set locale = 'en' where id = ${english.debtor_id}`;
  caseIn.en = english.id;
  const rootModule = await import("~/root.tsx");
  rootLoader = rootModule.loader as Loader;
  rootMeta = rootModule.meta as never;
  unknownAddress = (await import("~/routes/$.tsx")).loader;
  statementLoader = (await import("~/routes/case._index.tsx")).loader as Loader;
}, 120_000);

interface RootData {
  locale: string;
  isSignedIn: boolean;
}

/** Runs a loader; its data and headers (Remix `data()` results carry both). */
async function load<T>(loader: Loader, request: Request): Promise<{ body: T; headers: Headers }> {
  const value = (await loader({ request, params: {}, context: {} } as never)) as { type?: string; data?: T; init?: { headers?: HeadersInit } };
  if (value?.type === "DataWithResponseInit") return { body: value.data as T, headers: new Headers(value.init?.headers) };
  return { body: value as T, headers: new Headers() };
}

const root = (request: Request) => load<RootData>(rootLoader, request);
const statementLanguage = async (request: Request) => (await load<{ statement: { language: string } }>(statementLoader, request)).body.statement.language;
/** The same browser, asking for another page: the session cookie (and any others) again. */
const sameBrowser = (request: Request, path: string, extra?: string) =>
  anonymousRequest(path, { headers: { Cookie: [request.headers.get("Cookie"), extra].filter(Boolean).join("; "), "Accept-Language": request.headers.get("Accept-Language") ?? "" } });

describe("the portal root's language", () => {
  it("is the browser's for a visitor without a session, French when it offers none of ours", async () => {
    expect((await root(anonymousRequest("/", { headers: { "Accept-Language": "nl-BE,nl;q=0.9,fr;q=0.5" } }))).body).toMatchObject({ locale: "nl", isSignedIn: false });
    expect((await root(anonymousRequest("/", { headers: { "Accept-Language": "de-DE,de;q=0.9" } }))).body).toMatchObject({ locale: DEFAULT_LOCALE, isSignedIn: false });
  });

  it("is the signed-in debtor's language on the case, whatever the browser says, and the page below agrees", async () => {
    for (const [debtorLocale, caseId] of Object.entries(caseIn)) {
      const request = await debtorRequest(t, caseId, "/case", { headers: { "Accept-Language": debtorLocale === "fr" ? "en-GB,en;q=0.9" : "fr-FR,fr;q=0.9" } });
      const { body, headers } = await root(request);
      expect(body, `a debtor in ${debtorLocale}`).toMatchObject({ locale: debtorLocale, isSignedIn: true });
      expect(headers.get("Set-Cookie")).toBeNull();
      expect(headers.get("Vary")).toMatch(/Cookie/);
      expect(await statementLanguage(sameBrowser(request, "/case"))).toBe(debtorLocale);
    }
  });

  it("switches with ?lang= for a signed-in debtor, remembers the choice, and keeps chrome and page together", async () => {
    const request = await debtorRequest(t, caseIn.nl, "/case?lang=en", { headers: { "Accept-Language": "nl-BE" } });
    const switched = await root(request);
    expect(switched.body).toMatchObject({ locale: "en", isSignedIn: true });
    const remembered = switched.headers.get("Set-Cookie");
    expect(remembered).toMatch(/^lang=/);
    expect(await statementLanguage(sameBrowser(request, "/case?lang=en"))).toBe("en");

    // The next page, without ?lang=: the remembered choice wins over the debtor's language on file.
    const next = sameBrowser(request, "/case", remembered!.split(";")[0]);
    expect((await root(next)).body).toMatchObject({ locale: "en", isSignedIn: true });
    expect(await statementLanguage(next)).toBe("en");
    // And back to Dutch with the switcher.
    expect((await root(sameBrowser(request, "/case?lang=nl", remembered!.split(";")[0]))).body).toMatchObject({ locale: "nl" });
  });

  it("falls back to the browser's language when the session cookie is unknown or has expired", async () => {
    const unknown = anonymousRequest("/", { headers: { Cookie: `recouvra_portal=${"a".repeat(32)}`, "Accept-Language": "en-GB" } });
    expect((await root(unknown)).body).toMatchObject({ locale: "en", isSignedIn: false });
    const live = await debtorRequest(t, caseIn.nl, "/", { headers: { "Accept-Language": "fr-FR" } });
    expect((await root(live)).body).toMatchObject({ locale: "nl", isSignedIn: true });
    await t.sql`update portal_sessions set expires_at = now() - interval '1 minute' where case_id = ${caseIn.nl}`;
    expect((await root(sameBrowser(live, "/"))).body).toMatchObject({ locale: "fr", isSignedIn: false });
  });

  it("reaches the not-found page too: an unknown address is a 404 thrown below the root, titled in the page language", async () => {
    // Thrown from the catch-all route, so the root loader (and its language) runs for it.
    const thrown = (() => {
      try {
        return unknownAddress();
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
    const request = await debtorRequest(t, caseIn.en, "/no-such-page", { headers: { "Accept-Language": "fr-FR" } });
    const { body } = await root(request);
    expect(body.locale).toBe("en");
    const notFound = { status: 404, statusText: "Not Found", internal: false, data: "Not found" };
    expect(rootMeta({ data: body, error: notFound } as never)).toEqual([{ title: "Page not found · Payment portal" }]);
    expect(rootMeta({ data: { ...body, locale: "nl" }, error: notFound } as never)).toEqual([{ title: "Pagina niet gevonden · Betaalportaal" }]);
    // Without the root's data (it failed itself): French, the portal's default.
    expect(rootMeta({ data: undefined, error: new Error("boom") } as never)).toEqual([{ title: "Un problème est survenu · Espace de paiement" }]);
    // A page of its own keeps its own title: the root adds none.
    expect(rootMeta({ data: body, error: undefined } as never)).toEqual([]);
  });
});
