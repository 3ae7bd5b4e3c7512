/** Reads the payment-plan form (POSTed, or as query parameters for the preview) into the use-case's terms. */
import type { ProposePlanInput } from "@recouvra/core";

function read(get: (name: string) => string | null, name: string): string | undefined {
  const raw = (get(name) ?? "").trim();
  return raw === "" ? undefined : raw;
}

const euros = (raw: string | undefined) => (raw === undefined ? undefined : Math.round(Number(raw.replace(",", ".")) * 100));

/** The plan terms from form fields; `by` says whether the agent gave a count or an amount. */
export function planTermsFrom(caseId: string, get: (name: string) => string | null): ProposePlanInput {
  const by = read(get, "by") ?? "count";
  const count = read(get, "count");
  return {
    caseId,
    frequency: (read(get, "frequency") ?? "monthly") as ProposePlanInput["frequency"],
    firstDueOn: read(get, "firstDueOn") ?? "",
    count: by === "count" && count !== undefined ? Number(count) : undefined,
    instalmentCents: by === "amount" ? euros(read(get, "instalmentCents")) : undefined,
    downPaymentCents: euros(read(get, "downPaymentCents")),
    note: read(get, "note"),
  };
}
