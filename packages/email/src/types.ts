import { z } from "zod";

export const EMAIL_LOCALES = ["fr", "nl", "en"] as const;
export type EmailLocale = (typeof EMAIL_LOCALES)[number];

/** Who sends: debtor-facing messages always name the agency acting for the creditor. */
export const AgencyIdentitySchema = z.object({
  name: z.string().min(1),
  address: z.string().min(1),
  registration: z.string().optional(),
  email: z.string().email(),
  phone: z.string().min(1),
});
export type AgencyIdentity = z.infer<typeof AgencyIdentitySchema>;

/** A rendered message ready for a channel adapter. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
