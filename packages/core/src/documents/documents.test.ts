import { auditEvents, claims, documents, storedFiles, users } from "@recouvra/db";
import { useTestDb } from "@recouvra/db/testing";
import { isDomainError, MAX_DOCUMENT_BYTES } from "@recouvra/domain";
import { and, eq } from "drizzle-orm";
import { createHash, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAgency, ctxFor, openCase, type Agency } from "../cases/actions/test-fixtures.ts";
import type { Actor } from "../context.ts";
import { databaseFileStorage, type FileStorage } from "../storage/file-storage.ts";
import { getDocumentContent } from "./get-document-content.ts";
import { getDocumentUploadForm, uploadCaseDocument, type UploadCaseDocumentInput } from "./upload-case-document.ts";

const t = useTestDb();
let agency: Agency;
let otherClientUser: Actor;

beforeAll(async () => {
  agency = await buildAgency(t.db);
  const [u] = await t.db.insert(users).values({ email: `other-client-${randomUUID()}@x.test`, displayName: "Other client", role: "client", clientId: agency.otherClientId }).returning();
  otherClientUser = { kind: "user", userId: u!.id, role: "client", clientId: agency.otherClientId };
});

const fail = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);
// Each test's file differs, so the duplicate check never links two tests.
const pdf = (label: string = randomUUID()) => new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Title (${label}) >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const upload = (actor: Actor, caseId: string, file: Partial<UploadCaseDocumentInput["file"]> = {}, extra: Partial<UploadCaseDocumentInput> = {}) =>
  uploadCaseDocument({ ctx: ctxFor(t.db, actor), input: { caseId, kind: "invoice", file: { name: "invoice.pdf", type: "application/pdf", content: pdf(), ...file }, ...extra } });
const documentsOf = (caseId: string) => t.db.select().from(documents).where(eq(documents.caseId, caseId));
const auditOf = (caseId: string) => t.db.select().from(auditEvents).where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.action, "document.uploaded")));
const storedCount = async () => (await t.db.select({ key: storedFiles.key }).from(storedFiles)).length;

/** Bytes as a stream that counts how much of it was read. */
function countingStream(total: number, chunk = 64 * 1024) {
  const state = { read: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.read >= total) return controller.close();
      const size = Math.min(chunk, total - state.read);
      const bytes = new Uint8Array(size).fill(0x41);
      if (state.read === 0) bytes.set(new TextEncoder().encode("%PDF-1.7\n"));
      state.read += size;
      controller.enqueue(bytes);
    },
  });
  return { stream, state };
}

describe("uploadCaseDocument and getDocumentContent", () => {
  it("lets an agent add a PDF to a case of their team and read it back byte for byte, audited", async () => {
    const kase = await openCase(t.db, agency);
    const [claim] = await t.db.select().from(claims).where(eq(claims.caseId, kase.id));
    const bytes = pdf("agent upload");
    const done = await upload(agency.agentA, kase.id, { name: "Facture n°12.pdf", content: bytes }, { claimId: claim!.id });
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(done).toMatchObject({ filename: "Facture n°12.pdf", mimeType: "application/pdf", sizeBytes: bytes.length, sha256 });

    const [row] = await documentsOf(kase.id);
    expect(row).toMatchObject({ id: done.documentId, clientId: agency.clientId, claimId: claim!.id, kind: "invoice", sha256, uploadedByUserId: (agency.agentA as { userId: string }).userId });
    const [event] = await auditOf(kase.id);
    expect(event).toMatchObject({ entityId: done.documentId, clientId: agency.clientId, actorId: (agency.agentA as { userId: string }).userId });
    expect(event!.data).toMatchObject({ kind: "invoice", sha256, sizeBytes: bytes.length, claimId: claim!.id, byRole: "staff" });

    const content = await getDocumentContent({ ctx: ctxFor(t.db, agency.agentA2), input: { documentId: done.documentId } });
    expect(content).toMatchObject({ filename: "Facture n°12.pdf", mimeType: "application/pdf", contentType: "application/pdf", sizeBytes: bytes.length, sha256 });
    expect(Buffer.from(content.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect((await getDocumentContent({ ctx: ctxFor(t.db, agency.clientUser), input: { documentId: done.documentId } })).sha256).toBe(sha256);
  });

  it("answers NOT_FOUND to an agent of another team, for the upload and the download, and stores nothing", async () => {
    const kase = await openCase(t.db, agency);
    const refused = await fail(upload(agency.agentB, kase.id));
    expect(isDomainError(refused, "NOT_FOUND")).toBe(true);
    expect(await documentsOf(kase.id)).toEqual([]);
    const { documentId } = await upload(agency.agentA, kase.id);
    expect(isDomainError(await fail(getDocumentContent({ ctx: ctxFor(t.db, agency.agentB), input: { documentId } })), "NOT_FOUND")).toBe(true);
  });

  it("lets a client user place an invoice on its own case, and no other client's user see or add one", async () => {
    const kase = await openCase(t.db, agency);
    const { documentId } = await upload(agency.clientUser, kase.id, { name: "scan", type: "application/octet-stream" });
    expect((await documentsOf(kase.id))[0]).toMatchObject({ filename: "scan.pdf", uploadedByUserId: (agency.clientUser as { userId: string }).userId });
    expect((await auditOf(kase.id))[0]!.data).toMatchObject({ byRole: "client" });

    expect(isDomainError(await fail(getDocumentContent({ ctx: ctxFor(t.db, otherClientUser), input: { documentId } })), "NOT_FOUND")).toBe(true);
    expect(isDomainError(await fail(upload(otherClientUser, kase.id)), "NOT_FOUND")).toBe(true);
    // The agency's own papers are not the client's to add.
    const notice = await fail(upload(agency.clientUser, kase.id, {}, { kind: "formal_notice" }));
    expect(isDomainError(notice, "VALIDATION") && notice.field).toBe("kind");
  });

  it("answers NOT_FOUND for unknown and malformed ids, and to debtors", async () => {
    const kase = await openCase(t.db, agency);
    const { documentId } = await upload(agency.agentA, kase.id);
    for (const id of [randomUUID(), "not-an-id", `${documentId}'--`]) {
      expect(isDomainError(await fail(getDocumentContent({ ctx: ctxFor(t.db, agency.agentA), input: { documentId: id } })), "NOT_FOUND"), id).toBe(true);
    }
    const debtor: Actor = { kind: "debtor", debtorId: randomUUID(), caseIds: [kase.id] };
    expect(isDomainError(await fail(getDocumentContent({ ctx: ctxFor(t.db, debtor), input: { documentId } })), "NOT_FOUND")).toBe(true);
  });

  it("refuses a file above 10 MB with LIMIT_EXCEEDED, without reading the rest of it", async () => {
    const kase = await openCase(t.db, agency);
    const { stream, state } = countingStream(50 * 1024 * 1024);
    const error = await fail(upload(agency.agentA, kase.id, { content: stream }));
    expect(isDomainError(error, "LIMIT_EXCEEDED") && error.field).toBe("file");
    expect(state.read).toBeLessThan(MAX_DOCUMENT_BYTES + 1024 * 1024);
    expect(await documentsOf(kase.id)).toEqual([]);
    // Exactly at the limit is fine.
    const atLimit = countingStream(MAX_DOCUMENT_BYTES);
    expect((await upload(agency.agentA, kase.id, { content: atLimit.stream })).sizeBytes).toBe(MAX_DOCUMENT_BYTES);
  });

  it("refuses an executable named .pdf with VALIDATION on the file, writing nothing", async () => {
    const kase = await openCase(t.db, agency);
    const before = await storedCount();
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
    const error = await fail(upload(agency.agentA, kase.id, { name: "invoice.pdf", type: "application/pdf", content: exe }));
    expect(isDomainError(error, "VALIDATION") && error.field).toBe("file");
    expect((error as Error).message).toMatch(/invoice\.pdf is not really a PDF/);
    expect(await documentsOf(kase.id)).toEqual([]);
    expect(await auditOf(kase.id)).toEqual([]);
    expect(await storedCount()).toBe(before);
  });

  it("refuses a claim of another case, and a kind that does not exist", async () => {
    const kase = await openCase(t.db, agency);
    const other = await openCase(t.db, agency);
    const [otherClaim] = await t.db.select().from(claims).where(eq(claims.caseId, other.id));
    const wrongClaim = await fail(upload(agency.agentA, kase.id, {}, { claimId: otherClaim!.id }));
    expect(isDomainError(wrongClaim, "VALIDATION") && wrongClaim.field).toBe("claimId");
    const notAnId = await fail(upload(agency.agentA, kase.id, {}, { claimId: "12" }));
    expect(isDomainError(notAnId, "VALIDATION") && notAnId.field).toBe("claimId");
    const badKind = await fail(upload(agency.agentA, kase.id, {}, { kind: "selfie" as never }));
    expect(isDomainError(badKind, "VALIDATION") && badKind.field).toBe("kind");
    expect(await documentsOf(kase.id)).toEqual([]);
  });

  it("writes nothing at all when storing the bytes fails after the document row", async () => {
    const kase = await openCase(t.db, agency);
    const broken: FileStorage = { ...databaseFileStorage, name: "broken", put: () => Promise.reject(new Error("disk full")) };
    const before = await storedCount();
    const error = await fail(uploadCaseDocument({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id, kind: "contract", file: { name: "contract.pdf", content: pdf() } }, storage: broken }));
    expect((error as Error).message).toBe("disk full");
    expect(await documentsOf(kase.id)).toEqual([]);
    expect(await auditOf(kase.id)).toEqual([]);
    expect(await storedCount()).toBe(before);
  });

  it("keeps one document when the same file is sent twice", async () => {
    const kase = await openCase(t.db, agency);
    const bytes = pdf();
    const results = await Promise.allSettled([upload(agency.agentA, kase.id, { content: bytes }), upload(agency.agentA2, kase.id, { content: bytes, name: "again.pdf" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(isDomainError(rejected?.reason, "CONFLICT")).toBe(true);
    expect(await documentsOf(kase.id)).toHaveLength(1);
  });

  it("serves text with its charset, and refuses bytes that no longer match their hash", async () => {
    const kase = await openCase(t.db, agency);
    const latin1 = new Uint8Array([...new TextEncoder().encode("Facture;Montant\r\nR"), 0xe9, 0x66, 0x3b, 0x31, 0x32, 0x0d, 0x0a]);
    const csv = await upload(agency.agentA, kase.id, { name: "export.csv", type: "application/vnd.ms-excel", content: latin1 }, { kind: "other" });
    expect(csv.mimeType).toBe("text/csv");
    const content = await getDocumentContent({ ctx: ctxFor(t.db, agency.agentA), input: { documentId: csv.documentId } });
    expect(content.contentType).toBe("text/csv; charset=windows-1252");

    const [row] = await t.db.select().from(documents).where(eq(documents.id, csv.documentId));
    await t.db.update(storedFiles).set({ bytes: new TextEncoder().encode("tampered") }).where(eq(storedFiles.key, row!.storageKey));
    await expect(getDocumentContent({ ctx: ctxFor(t.db, agency.agentA), input: { documentId: csv.documentId } })).rejects.toThrow(/do not match/);
  });
});

describe("getDocumentUploadForm", () => {
  it("offers the actor's kinds and the case's invoices; NOT_FOUND outside scope", async () => {
    const kase = await openCase(t.db, agency);
    const staff = await getDocumentUploadForm({ ctx: ctxFor(t.db, agency.agentA), input: { caseId: kase.id } });
    expect(staff).toMatchObject({ caseId: kase.id, reference: kase.reference, uploader: "staff", maxBytes: MAX_DOCUMENT_BYTES });
    expect(staff.claims).toHaveLength(1);
    expect(staff.kinds).toContain("letter");
    const client = await getDocumentUploadForm({ ctx: ctxFor(t.db, agency.clientUser), input: { caseId: kase.id } });
    expect(client.kinds).toEqual(["invoice", "contract", "receipt", "other"]);
    expect(isDomainError(await fail(getDocumentUploadForm({ ctx: ctxFor(t.db, otherClientUser), input: { caseId: kase.id } })), "NOT_FOUND")).toBe(true);
    expect(isDomainError(await fail(getDocumentUploadForm({ ctx: ctxFor(t.db, agency.agentB), input: { caseId: kase.id } })), "NOT_FOUND")).toBe(true);
  });
});
