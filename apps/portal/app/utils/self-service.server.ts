/**
 * Glue between the self-service routes and their use-cases: the signed-in debtor, the forms read as
 * they arrive (a multipart upload capped at 10 MB a file, never buffered beyond that), the use-case's
 * typed refusals turned into a named problem the page words in its language, and the redirect after a
 * success. Every answer belongs to one debtor: never cached.
 */
import { data, redirect, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import {
  getCallBackOptions,
  getDebtorContactDetails,
  getDebtorDisputeStatus,
  getDebtorMessages,
  MAX_EVIDENCE_FILES,
  openDebtorDispute,
  reportAlreadyPaid,
  requestCallBack,
  selfServiceRefusalOf,
  sendDebtorMessage,
  updateDebtorContact,
  type EvidenceFile,
  type UpdateDebtorContactInput,
} from "@recouvra/core";
import { isDomainError, isIsoDate, MAX_DOCUMENT_BYTES, parseAmount } from "@recouvra/domain";
import type { ProblemKind } from "~/i18n/self-service.ts";
import { requireDebtorSession } from "./session.server.ts";

const PRIVATE_HEADERS = { "Cache-Control": "private, no-store", Vary: "Cookie" };
const notFound = () => new Response("Not found", { status: 404, headers: PRIVATE_HEADERS });

/** NOT_FOUND (and a malformed id) become the same 404 as an address that names nothing. */
async function orNotFound<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND")) throw notFound();
    throw error;
  }
}

/** What is wrong with a sent form: its field (null: the whole form) and the kind, for the page to word. */
export interface FormProblem {
  field: string | null;
  kind: ProblemKind;
  filename?: string | null;
  value?: string;
  /** An instant (ISO), for "you already disputed on …". */
  date?: string;
}

/** What a refused form answers: the problem and what the debtor had typed, to fill the form again. */
export interface FormReply {
  problem: FormProblem;
  values: Record<string, string>;
  /** Which of the page's forms was sent (the contact page has several). */
  intent: string | null;
}

const reply = (problem: FormProblem, values: Record<string, string>, status = 400, intent: string | null = null) =>
  data<FormReply>({ problem, values, intent }, { status, headers: PRIVATE_HEADERS });

const REFUSAL_KINDS: Record<string, ProblemKind> = {
  case_closed: "caseClosed",
  dispute_open: "disputeOpen",
  on_hold: "onHold",
  file_too_big: "fileTooBig",
  file_type: "fileType",
  file_empty: "fileEmpty",
  too_many_files: "tooManyFiles",
  invalid: "invalid",
  required: "required",
  too_long: "tooLong",
  not_offered: "notOffered",
  duplicate: "duplicate",
  duplicate_invalid: "duplicateInvalid",
  duplicate_opted_out: "duplicateOptedOut",
  already_invalid: "alreadyInvalid",
};

/** The problem a use-case's refusal stands for; NOT_FOUND is the 404, anything unexpected is rethrown. */
function problemOf(error: unknown, values: Record<string, string>): { problem: FormProblem; status: number } {
  if (isDomainError(error, "NOT_FOUND")) throw notFound();
  if (!isDomainError(error)) throw error;
  const refusal = selfServiceRefusalOf(error);
  const field = error.field ?? null;
  const status = error.code === "LIMIT_EXCEEDED" ? 413 : error.code === "CONFLICT" || error.code === "PRECONDITION_FAILED" ? 409 : 400;
  if (refusal) {
    const problem: FormProblem = { field: refusal.reason.startsWith("file_") || refusal.reason === "too_many_files" ? "evidence" : field, kind: REFUSAL_KINDS[refusal.reason] ?? "invalid" };
    if ("filename" in refusal) problem.filename = refusal.filename;
    if ("value" in refusal) problem.value = refusal.value;
    if ("openedAt" in refusal) problem.date = refusal.openedAt;
    return { problem, status };
  }
  if (error.code === "VALIDATION" && field) {
    const given = values[field] ?? "";
    const kind: ProblemKind = given.trim() === "" ? "required" : /at most/.test(error.message) ? "tooLong" : "invalid";
    return { problem: { field, kind }, status };
  }
  return { problem: { field: null, kind: "unavailable" }, status };
}

// ---------------------------------------------------------------------------------------------------
// Reading the forms

const MAX_TEXT_PART_BYTES = 64 * 1024;
// Boundaries, part headers and the text fields around the files.
const MULTIPART_OVERHEAD = 256 * 1024;

interface SentForm {
  values: Record<string, string>;
  all: Record<string, string[]>;
  files: EvidenceFile[];
  /** The first file refused for its size before it was read whole (its bytes beyond 10 MB never kept). */
  tooBig: string | null;
}

async function drain(data: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const chunk of data) void chunk;
}

/**
 * The fields of a form, plain or multipart. Files of `fileField` are kept in memory up to 10 MB each
 * (one larger is drained, not kept, and named); at most one more than `maxFiles` is kept, so the
 * use-case can say "at most 5"; a body announced as larger than all of them together is refused unread.
 */
async function readForm(request: Request, options: { fileField?: string; maxFiles?: number } = {}): Promise<SentForm | FormProblem> {
  const values: Record<string, string> = {};
  const all: Record<string, string[]> = {};
  const keep = (name: string, value: string) => {
    values[name] ??= value;
    (all[name] ??= []).push(value);
  };
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    const form = await request.formData();
    for (const [name, value] of form.entries()) if (typeof value === "string") keep(name, value);
    return { values, all, files: [], tooBig: null };
  }
  const maxFiles = options.maxFiles ?? 0;
  if (Number(request.headers.get("Content-Length") ?? 0) > (maxFiles + 1) * MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD) {
    return { field: options.fileField ?? null, kind: "requestTooBig" };
  }
  const files: EvidenceFile[] = [];
  let tooBig: string | null = null;
  const handler: UploadHandler = async ({ name, filename, contentType: type, data }) => {
    if (filename !== undefined) {
      // An empty file input still sends a part, with no name and no bytes.
      if (name !== options.fileField || filename === "" || files.length > maxFiles) {
        await drain(data);
        return undefined;
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        size += chunk.length;
        if (size > MAX_DOCUMENT_BYTES) {
          tooBig ??= filename;
          chunks.length = 0;
          continue;
        }
        chunks.push(chunk);
      }
      if (size <= MAX_DOCUMENT_BYTES) files.push({ name: filename, type, content: Buffer.concat(chunks) });
      return undefined;
    }
    let text = "";
    let bytes = 0;
    const decoder = new TextDecoder();
    for await (const chunk of data) {
      bytes += chunk.length;
      if (bytes > MAX_TEXT_PART_BYTES) throw new Response("Field too long", { status: 413, headers: PRIVATE_HEADERS });
      text += decoder.decode(chunk, { stream: true });
    }
    keep(name, text + decoder.decode());
    return undefined;
  };
  await unstable_parseMultipartFormData(request, handler);
  return { values, all, files, tooBig };
}

const isProblem = (x: SentForm | FormProblem): x is FormProblem => "kind" in x;

/** A day typed as the date input sends it (2027-03-01) or as people write it (01/03/2027); null otherwise. */
export function parseDayInput(input: string): string | null {
  const s = input.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : null;
}

// ---------------------------------------------------------------------------------------------------
// /case/dispute and /case/paid

/** The dispute page: the case's dispute state, and whether the form was just sent. */
export async function loadDisputePage(request: Request) {
  const { ctx, caseId } = await requireDebtorSession(request);
  const status = await orNotFound(() => getDebtorDisputeStatus({ ctx, input: { caseId } }));
  return data({ status, isSent: new URL(request.url).searchParams.has("sent") }, { headers: PRIVATE_HEADERS });
}

/** The dispute form's POST: reason, details and files, then back to the page's confirmation. */
export async function submitDispute(request: Request) {
  const { ctx, caseId } = await requireDebtorSession(request);
  const form = await readForm(request, { fileField: "evidence", maxFiles: MAX_EVIDENCE_FILES });
  if (isProblem(form)) return reply(form, {}, 413);
  const { values } = form;
  if (form.tooBig) return reply({ field: "evidence", kind: "fileTooBig", filename: form.tooBig }, values, 413);
  try {
    await openDebtorDispute({ ctx, input: { caseId, reason: (values.reason ?? "") as never, details: values.details ?? "", files: form.files } });
  } catch (error) {
    const { problem, status } = problemOf(error, values);
    return reply(problem, values, status);
  }
  return redirect("/case/dispute?sent=1", { headers: PRIVATE_HEADERS });
}

/** The "already paid" form's POST: date, amount, method, note and proof. */
export async function submitAlreadyPaid(request: Request) {
  const { ctx, caseId } = await requireDebtorSession(request);
  const form = await readForm(request, { fileField: "evidence", maxFiles: MAX_EVIDENCE_FILES });
  if (isProblem(form)) return reply(form, {}, 413);
  const { values } = form;
  const paidOnText = (values.paidOn ?? "").trim();
  if (!paidOnText) return reply({ field: "paidOn", kind: "required" }, values);
  const paidOn = parseDayInput(paidOnText);
  if (!paidOn) return reply({ field: "paidOn", kind: "invalid" }, values);
  const amountText = (values.amount ?? "").trim();
  if (!amountText) return reply({ field: "amountCents", kind: "required" }, values);
  const amount = parseAmount(amountText);
  if (!amount.ok || amount.cents <= 0) return reply({ field: "amountCents", kind: "invalid" }, values);
  if (!values.method) return reply({ field: "method", kind: "required" }, values);
  if (form.tooBig) return reply({ field: "evidence", kind: "fileTooBig", filename: form.tooBig }, values, 413);
  try {
    await reportAlreadyPaid({ ctx, input: { caseId, paidOn, amountCents: amount.cents, method: values.method as never, note: values.note, files: form.files } });
  } catch (error) {
    const { problem, status } = problemOf(error, { ...values, amountCents: amountText });
    return reply(problem, values, status);
  }
  return redirect("/case/paid?sent=1", { headers: PRIVATE_HEADERS });
}

// ---------------------------------------------------------------------------------------------------
// /case/contact

/** The contact page: the debtor's points and preferences, and what was just saved. */
export async function loadContactPage(request: Request) {
  const { ctx, caseId } = await requireDebtorSession(request);
  const details = await orNotFound(() => getDebtorContactDetails({ ctx, input: { caseId } }));
  const param = new URL(request.url).searchParams.get("saved");
  const saved: "preferences" | "add" | "report" | null = param === "preferences" || param === "add" || param === "report" ? param : null;
  return data({ details, saved }, { headers: PRIVATE_HEADERS });
}

const ADD_KINDS: Record<string, "email" | "phone" | "address"> = { "add-email": "email", "add-phone": "phone", "add-address": "address" };

/** One of the contact page's forms: preferences, a new email / phone / address, or a point reported. */
export async function submitContact(request: Request) {
  const { ctx, caseId } = await requireDebtorSession(request);
  const form = await readForm(request);
  if (isProblem(form)) return reply(form, {}, 413);
  const { values, all } = form;
  const intent = values.intent ?? "";
  let input: UpdateDebtorContactInput;
  if (intent === "preferences") {
    input = { intent: "preferences", caseId, preferredChannel: (values.preferredChannel || null) as never, preferredTimes: (all.preferredTimes ?? []) as never };
  } else if (intent === "report") {
    input = { intent: "report", caseId, contactPointId: values.contactPointId ?? "" };
  } else if (ADD_KINDS[intent]) {
    input = {
      intent: "add",
      caseId,
      kind: ADD_KINDS[intent],
      email: values.email,
      phone: values.phone,
      line1: values.line1,
      line2: values.line2,
      postalCode: values.postalCode,
      city: values.city,
      countryCode: values.countryCode,
      isPreferred: values.isPreferred === "on",
    };
  } else {
    return reply({ field: null, kind: "unavailable" }, values, 400, intent);
  }
  try {
    const done = await updateDebtorContact({ ctx, input });
    return redirect(`/case/contact?saved=${done.intent}`, { headers: PRIVATE_HEADERS });
  } catch (error) {
    const { problem, status } = problemOf(error, values);
    return reply(problem, values, status, intent);
  }
}

// ---------------------------------------------------------------------------------------------------
// /case/messages

/** The thread with the case handler. */
export async function loadMessagesPage(request: Request) {
  const { ctx, caseId } = await requireDebtorSession(request);
  const thread = await orNotFound(() => getDebtorMessages({ ctx, input: { caseId } }));
  return data({ thread, isSent: new URL(request.url).searchParams.has("sent") }, { headers: PRIVATE_HEADERS });
}

/** The message form's POST. */
export async function submitMessage(request: Request) {
  const { ctx, caseId } = await requireDebtorSession(request);
  const form = await readForm(request);
  if (isProblem(form)) return reply(form, {}, 413);
  try {
    await sendDebtorMessage({ ctx, input: { caseId, text: form.values.text ?? "" } });
  } catch (error) {
    const { problem, status } = problemOf(error, form.values);
    return reply(problem, form.values, status);
  }
  return redirect("/case/messages?sent=1", { headers: PRIVATE_HEADERS });
}

// ---------------------------------------------------------------------------------------------------
// /case/callback

/** The call-back page: numbers, days, parts of the day, and the request already made. */
export async function loadCallBackPage(request: Request) {
  const { ctx, caseId } = await requireDebtorSession(request);
  const options = await orNotFound(() => getCallBackOptions({ ctx, input: { caseId } }));
  return data({ options, isSent: new URL(request.url).searchParams.has("sent") }, { headers: PRIVATE_HEADERS });
}

/** The call-back form's POST. */
export async function submitCallBack(request: Request) {
  const { ctx, caseId } = await requireDebtorSession(request);
  const form = await readForm(request);
  if (isProblem(form)) return reply(form, {}, 413);
  const { values } = form;
  try {
    await requestCallBack({
      ctx,
      input: { caseId, contactPointId: values.contactPointId ?? "", newPhone: values.newPhone, day: values.day ?? "", slot: (values.slot ?? "") as never, note: values.note || undefined },
    });
  } catch (error) {
    const { problem, status } = problemOf(error, values);
    return reply(problem, values, status);
  }
  return redirect("/case/callback?sent=1", { headers: PRIVATE_HEADERS });
}
