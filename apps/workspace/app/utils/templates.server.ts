/**
 * Glue between the message-template pages and their use-cases: filters from the URL, form fields
 * into use-case input, example values for the preview, and typed errors into HTTP answers.
 */
import { data } from "@remix-run/node";
import { findAgencyProfile, today, type Ctx, type CreateClientOverrideInput, type ListMessageTemplatesInput, type SaveMessageTemplateInput } from "@recouvra/core";
import { addDays, formatMoney, formatRf, isDomainError, MESSAGE_CHANNELS, rfReference, type IsoDate, type Locale, type MessageChannel, type TemplateValues } from "@recouvra/domain";
import { z } from "zod";

/** The list's filters from its query string; unknown values are ignored rather than refused. */
export function templateListInputFromUrl(params: URLSearchParams): ListMessageTemplatesInput {
  const channel = params.get("channel") ?? "";
  const clientId = params.get("client") ?? "";
  return {
    channel: (MESSAGE_CHANNELS as readonly string[]).includes(channel) ? (channel as MessageChannel) : undefined,
    clientId: /^[0-9a-f-]{36}$/i.test(clientId) ? clientId : undefined,
  };
}

// What the editor posts. Everything is text in a form; the use-case's schema does the real checking.
const SaveFormSchema = z.object({
  name: z.string().default(""),
  subject: z.string().optional(),
  body: z.string().default(""),
  isActive: z.literal("on").optional(),
  version: z.string().optional(),
});

/** The editor's fields as `saveMessageTemplate` input. */
export function saveInputFromForm(form: FormData, templateId: string): SaveMessageTemplateInput {
  const fields = SaveFormSchema.parse({
    name: form.get("name") ?? undefined,
    subject: form.get("subject") ?? undefined,
    body: form.get("body") ?? undefined,
    isActive: form.get("isActive") ?? undefined,
    version: form.get("version") ?? undefined,
  });
  return { templateId, name: fields.name, subject: fields.subject ?? null, body: fields.body, isActive: fields.isActive === "on", expectedUpdatedAt: fields.version || undefined };
}

/** The fields of a "give this client its own wording" button as `createClientOverride` input. */
export function overrideInputFromForm(form: FormData): CreateClientOverrideInput {
  const text = (name: string) => String(form.get(name) ?? "");
  return { clientId: text("clientId"), key: text("key"), channel: text("channel") as MessageChannel, locale: text("locale") as Locale };
}

/** What an action answers with when the use-case refuses: which form, the message, the field it is about. */
export interface TemplateActionError {
  form: string;
  error: { field: string | null; message: string };
  /** What was typed, so a page rendered without JavaScript shows it again rather than the stored text. */
  values?: { name: string; subject: string | null; body: string; isActive: boolean };
}

/**
 * Runs a template use-case for `form`. A refusal the person can act on becomes a 400 naming the
 * field; anything out of reach (an unknown id, a role that may not) becomes the 404 page, so nothing leaks.
 */
export async function orTemplateError<T>(form: string, run: () => Promise<T>, values?: TemplateActionError["values"]) {
  try {
    return await run();
  } catch (error) {
    if (isDomainError(error, "NOT_FOUND") || isDomainError(error, "FORBIDDEN")) throw new Response("Not found", { status: 404 });
    if (isDomainError(error) && ["VALIDATION", "CONFLICT", "PRECONDITION_FAILED"].includes(error.code)) {
      return data<TemplateActionError>({ form, error: { field: error.field ?? null, message: error.message }, values }, { status: 400 });
    }
    throw error;
  }
}

const FORMAT_LOCALE: Record<Locale, string> = { fr: "fr-FR", nl: "nl-NL", en: "en-GB" };
const EXAMPLE_PEOPLE: Record<Locale, { debtor: string; creditor: string }> = {
  fr: { debtor: "Camille Martin", creditor: "Boulangeries Lefèvre SAS" },
  nl: { debtor: "Jan Peeters", creditor: "Bakkerij De Smet BV" },
  en: { debtor: "Sarah Wilson", creditor: "Northwind Supplies Ltd" },
};

function longDate(day: IsoDate, locale: Locale): string {
  return new Intl.DateTimeFormat(FORMAT_LOCALE[locale], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
}

/**
 * Plausible values for every placeholder, written as a debtor in `locale` would read them, so the
 * preview shows the message as it will go out. A client's wording is previewed with that client's name.
 */
export async function exampleValues(ctx: Ctx, template: { locale: Locale; channel: MessageChannel; client: { name: string } | null }, agentName: string): Promise<TemplateValues> {
  const agency = await findAgencyProfile({ ctx });
  const people = EXAMPLE_PEOPLE[template.locale];
  const values: TemplateValues = {
    debtor: people.debtor,
    creditor: template.client?.name ?? people.creditor,
    reference: "RC-2026-000123",
    amount: formatMoney(123_456, "EUR", FORMAT_LOCALE[template.locale]),
    deadline: longDate(addDays(today(ctx.clock), 14), template.locale),
    payment_reference: formatRf(rfReference("2026000123")),
    iban: "BE71 0961 2345 6769",
    agency: agency?.name ?? "Recouvra",
    agency_phone: agency?.phone ?? "+32 2 555 01 23",
    portal_url: "https://portal.recouvra.example/l/7KQ2M9XD",
    agent: agentName,
  };
  if (template.channel !== "sms") return values;
  // Intl separates thousands with a (narrow) no-break space, which is outside the GSM alphabet and
  // would turn a French SMS into Unicode (70 characters a part): count it as an SMS should go out.
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.replace(/[\u00a0\u202f]/g, " ")]));
}
