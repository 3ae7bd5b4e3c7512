/**
 * Documents through the routes, with real session cookies: downloads carry the headers that keep a
 * file from being run or cached, and every other tenant's id is a 404, exactly like an id that names
 * nothing. Uploads stream a real multipart body.
 */
import { claims, clients, documents } from "@recouvra/db";
import { and, eq, sql } from "drizzle-orm";
import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { requestAs, settle, useSeededWorkspace } from "./routes.ts";

const t = useSeededWorkspace();
const AGENT_FR = "claire.dubois@recouvra-demo.test";
const AGENT_NL = "sanne.vermeulen@recouvra-demo.test";
const TELENOVA = "finance@telenova.test";
const DELMAS = "finance@delmas-distribution.test";

type Args = { request: Request; params: Record<string, string>; context: object };
type RouteModule = { loader: (args: Args) => Promise<unknown>; action?: (args: Args) => Promise<unknown> };
let download: RouteModule;
let upload: RouteModule;

interface SeededDocument {
  id: string;
  caseId: string;
  filename: string;
  sha256: string;
  clientName: string;
  teamAgent: string;
}
let seeded: SeededDocument[] = [];

beforeAll(async () => {
  download = (await import("../routes/documents.$documentId.ts")) as RouteModule;
  upload = (await import("../routes/_app.cases.$caseId.documents.tsx")) as RouteModule;
  seeded = await t.sql<SeededDocument[]>`
    select distinct on (cl.name, u.email) d.id, d.case_id as "caseId", d.filename, d.sha256, cl.name as "clientName", u.email as "teamAgent"
      from documents d
      join cases c on c.id = d.case_id
      join clients cl on cl.id = c.client_id
      join users u on u.team_id = c.team_id and u.role = 'agent'
     where u.email in (${AGENT_FR}, ${AGENT_NL})
     order by cl.name, u.email, d.id`;
}, 60_000);

const pick = (clientName: string, teamAgent = AGENT_FR) => {
  const found = seeded.find((d) => d.clientName === clientName && d.teamAgent === teamAgent);
  if (!found) throw new Error(`the seed has no ${clientName} document for ${teamAgent}'s team`);
  return found;
};
const get = async (email: string | null, documentId: string) => {
  const path = `/documents/${documentId}`;
  const request = email ? await requestAs(t, email, path) : new Request(`http://workspace.test${path}`);
  try {
    return await download.loader({ request, params: { documentId }, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
};

const pdfBytes = (label: string) => new TextEncoder().encode(`%PDF-1.4\n% ${label}\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
function uploadForm(fields: Record<string, string>, file?: { name: string; type: string; bytes: Uint8Array }): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
  return form;
}
const post = async (email: string, caseId: string, form: FormData) =>
  settle(async () => upload.action!({ request: await requestAs(t, email, `/cases/${caseId}/documents`, { method: "POST", body: form }), params: { caseId }, context: {} }));

describe("downloading a document", () => {
  it("sends a seeded invoice to an agent of the case's team, inline, with the protective headers", async () => {
    const doc = pick("Delmas Distribution");
    const response = (await get(AGENT_FR, doc.id)) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(`inline; filename="${doc.filename}"; filename*=UTF-8''${doc.filename}`);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get("Content-Length")).toBe(String(bytes.length));
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(doc.sha256);
  });

  it("sends a client user its own client's invoices", async () => {
    const response = (await get(TELENOVA, pick("Telenova").id)) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
  });

  it("answers 404 across tenants and teams, exactly as for an id that names nothing", async () => {
    expect(((await get(TELENOVA, pick("Delmas Distribution").id)) as Response).status).toBe(404);
    expect(((await get(DELMAS, pick("Telenova").id)) as Response).status).toBe(404);
    expect(((await get(AGENT_NL, pick("Delmas Distribution").id)) as Response).status).toBe(404);
    expect(((await get(AGENT_FR, pick("Kleurrijk Wonen", AGENT_NL).id)) as Response).status).toBe(404);
    expect(((await get(AGENT_FR, randomUUID())) as Response).status).toBe(404);
    expect(((await get(AGENT_FR, "../../etc/passwd")) as Response).status).toBe(404);
  });

  it("sends the signed-out to the sign-in page, coming back to the file", async () => {
    const doc = pick("Delmas Distribution");
    const response = (await get(null, doc.id)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/sign-in?redirectTo=${encodeURIComponent(`/documents/${doc.id}`)}`);
  });
});

describe("uploading a document", () => {
  it("stores an agent's PDF on the claim and sends them back to the case with a toast", async () => {
    const { caseId } = pick("Delmas Distribution");
    const [claim] = await t.db.select().from(claims).where(eq(claims.caseId, caseId)).limit(1);
    const result = await post(AGENT_FR, caseId, uploadForm({ kind: "letter", claimId: claim!.id }, { name: "Relance n°2 (signée).pdf", type: "application/pdf", bytes: pdfBytes(randomUUID()) }));
    expect(result).toMatchObject({ status: 302, location: `/cases/${caseId}#documents` });
    const [row] = await t.db.select().from(documents).where(and(eq(documents.caseId, caseId), eq(documents.kind, "letter")));
    expect(row).toMatchObject({ filename: "Relance n°2 (signée).pdf", claimId: claim!.id, mimeType: "application/pdf" });

    const response = (await get(AGENT_FR, row!.id)) as Response;
    expect(response.headers.get("Content-Disposition")).toBe(`inline; filename="Relance n_2 (signee).pdf"; filename*=UTF-8''Relance%20n%C2%B02%20%28sign%C3%A9e%29.pdf`);
  });

  it("lets a client user add a CSV to its own case, which is then downloaded as an attachment with its charset", async () => {
    const { caseId } = pick("Telenova");
    const csv = new TextEncoder().encode(`invoice;amount\nTN-${randomUUID()};12,50\n`);
    expect((await post(TELENOVA, caseId, uploadForm({ kind: "other" }, { name: "relevé.csv", type: "application/vnd.ms-excel", bytes: csv }))).status).toBe(302);
    const [row] = await t.db.select().from(documents).where(and(eq(documents.caseId, caseId), eq(documents.filename, "relevé.csv")));
    const response = (await get(TELENOVA, row!.id)) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="releve.csv"; filename\*=UTF-8''relev%C3%A9.csv$/);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("names the file when it is an executable in disguise, and stores nothing", async () => {
    const { caseId } = pick("Delmas Distribution");
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(documents).where(eq(documents.caseId, caseId));
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]);
    const result = await post(AGENT_FR, caseId, uploadForm({ kind: "invoice" }, { name: "invoice.pdf", type: "application/pdf", bytes: exe }));
    expect(result.status).toBe(400);
    const failure = result.body as { fieldErrors: Record<string, string>; values: Record<string, string> };
    expect(failure.fieldErrors.file).toMatch(/invoice\.pdf is not really a PDF/);
    expect(failure.values).toEqual({ kind: "invoice" });
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(documents).where(eq(documents.caseId, caseId));
    expect(after).toEqual(before);
  });

  it("refuses a file above 10 MB as 413 on the file field, whether the body announces its size or not", async () => {
    const { caseId } = pick("Delmas Distribution");
    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41);
    big.set(new TextEncoder().encode("%PDF-1.7\n"));
    const streamed = await post(AGENT_FR, caseId, uploadForm({ kind: "invoice" }, { name: "big.pdf", type: "application/pdf", bytes: big }));
    expect(streamed.status).toBe(413);
    expect((streamed.body as { fieldErrors: Record<string, string> }).fieldErrors.file).toMatch(/larger than 10 MB/);

    const request = await requestAs(t, AGENT_FR, `/cases/${caseId}/documents`, { method: "POST", body: uploadForm({ kind: "invoice" }) });
    const announced = new Request(request, { headers: new Headers([...request.headers, ["Content-Length", String(50 * 1024 * 1024)]]) });
    const refusedEarly = await settle(() => upload.action!({ request: announced, params: { caseId }, context: {} }));
    expect(refusedEarly.status).toBe(413);
    expect((refusedEarly.body as { fieldErrors: Record<string, string> }).fieldErrors.file).toMatch(/larger than 10 MB/);
  });

  it("asks for a file when none was chosen", async () => {
    const { caseId } = pick("Delmas Distribution");
    const result = await post(AGENT_FR, caseId, uploadForm({ kind: "invoice" }, { name: "", type: "application/octet-stream", bytes: new Uint8Array() }));
    expect(result.status).toBe(400);
    expect((result.body as { fieldErrors: Record<string, string> }).fieldErrors.file).toBe("Choose a file to add.");
  });

  it("answers 404 to another client's user and to another team's agent, storing nothing", async () => {
    const { caseId } = pick("Delmas Distribution");
    const [delmas] = await t.db.select().from(clients).where(eq(clients.name, "Delmas Distribution"));
    const count = async () => (await t.db.select({ id: documents.id }).from(documents).where(eq(documents.clientId, delmas!.id))).length;
    const before = await count();
    for (const email of [TELENOVA, AGENT_NL]) {
      expect((await post(email, caseId, uploadForm({ kind: "invoice" }, { name: "x.pdf", type: "application/pdf", bytes: pdfBytes(randomUUID()) }))).status, email).toBe(404);
      const form = await settle(async () => upload.loader({ request: await requestAs(t, email, `/cases/${caseId}/documents`), params: { caseId }, context: {} }));
      expect(form.status, email).toBe(404);
    }
    expect(await count()).toBe(before);
  });

  it("offers a client user the kinds a creditor adds, and staff the agency's too", async () => {
    const { caseId } = pick("Telenova");
    const client = await settle(async () => upload.loader({ request: await requestAs(t, TELENOVA, `/cases/${caseId}/documents`), params: { caseId }, context: {} }));
    expect(client.body).toMatchObject({ uploader: "client", kinds: ["invoice", "contract", "receipt", "other"] });
    const staff = await settle(async () => upload.loader({ request: await requestAs(t, AGENT_FR, `/cases/${caseId}/documents`), params: { caseId }, context: {} }));
    expect((staff.body as { kinds: string[] }).kinds).toContain("formal_notice");
  });

  it("refuses a cross-site upload", async () => {
    const { caseId } = pick("Delmas Distribution");
    const request = await requestAs(t, AGENT_FR, `/cases/${caseId}/documents`, { method: "POST", body: uploadForm({ kind: "invoice" }) });
    const forged = new Request(request, { headers: new Headers({ Cookie: request.headers.get("Cookie")!, Origin: "https://evil.test", "Content-Type": request.headers.get("Content-Type")! }) });
    expect((await settle(() => upload.action!({ request: forged, params: { caseId }, context: {} }))).status).toBe(403);
  });
});
