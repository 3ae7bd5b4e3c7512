import { useActionData, useNavigation } from "@remix-run/react";
import { Alert } from "@recouvra/ui";
import type { Locale } from "~/i18n/index.ts";
import { problemMessage, SELF_SERVICE_TEXTS } from "~/i18n/self-service.ts";
import type { FormReply } from "~/utils/self-service.server.ts";
import { useLocale } from "~/utils/use-locale.ts";

/**
 * What every self-service form page reads from its last submission: the texts in the page language,
 * whether it is being sent, the refusal (if any), the field error for a name and the values to refill.
 */
export function useSelfServiceForm() {
  const reply = useActionData<FormReply>();
  const locale = useLocale();
  const problem = reply?.problem ?? null;
  return {
    reply,
    locale,
    t: SELF_SERVICE_TEXTS[locale],
    isSubmitting: useNavigation().state === "submitting",
    problem,
    errorOf: (field: string) => (problem && problem.field === field ? problemMessage(locale, problem) : null),
    values: reply?.values ?? {},
  };
}

/** The refusal that belongs to no one field (the case closed meanwhile, the service unavailable…). */
export function FormProblemAlert({ problem, locale }: { problem: FormReply["problem"] | null; locale: Locale }) {
  if (!problem || problem.field !== null) return null;
  return (
    <Alert tone="caution" title={SELF_SERVICE_TEXTS[locale].errorTitle} live="alert" className="mb-4">
      <p>{problemMessage(locale, problem)}</p>
    </Alert>
  );
}
