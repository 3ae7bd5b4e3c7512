import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Alert, Button, Card, ChoiceGroup, PageHeader, SelectField, TextAreaField, TextField } from "@recouvra/ui";
import { FormProblemAlert, useSelfServiceForm } from "~/components/self-service-form.tsx";
import type { Locale } from "~/i18n/index.ts";
import { formatWeekday, SELF_SERVICE_TEXTS } from "~/i18n/self-service.ts";
import { loadCallBackPage, submitCallBack } from "~/utils/self-service.server.ts";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: Locale } | undefined)?.locale ?? "fr";
  return [{ title: SELF_SERVICE_TEXTS[locale].callback.metaTitle }];
};

export const loader = ({ request }: LoaderFunctionArgs) => loadCallBackPage(request);
export const action = ({ request }: ActionFunctionArgs) => submitCallBack(request);

/** The value of the "another number" choice (core's NEW_PHONE_CHOICE; core is server code). */
const NEW_PHONE = "new";

// Asking to be called back: which number (one on file or a new one), which working day, which part of
// the day. While a dispute holds the file the agency does not call: the page says so and offers messages.
export default function CallBackPage() {
  const { options, isSent } = useLoaderData<typeof loader>();
  const { reply, locale, t, isSubmitting, problem, errorOf, values } = useSelfServiceForm();
  const pending = options.pending;
  const phoneChoice = values.contactPointId ?? options.phones.find((p) => p.isPrimary)?.id ?? options.phones[0]?.id ?? NEW_PHONE;
  const slotChoice = values.slot ?? options.preferredTimes[0] ?? "";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t.callback.title} description={options.isOnHold || options.isClosed ? undefined : t.callback.intro} />
      {pending && !reply ? (
        <Alert tone={isSent ? "positive" : "info"} live={isSent ? "status" : undefined}>
          <p>{(isSent ? t.callback.sent : t.callback.pending)(formatWeekday(pending.on, locale), t.slots[pending.slot], pending.phone)}</p>
        </Alert>
      ) : null}
      {options.isClosed ? (
        <Alert tone="info">
          <p>{t.closed}</p>
        </Alert>
      ) : options.isOnHold ? (
        <Alert tone="info">
          <p>{t.callback.onHold}</p>
          <p className="mt-2">
            <Link to="/case/messages">{t.other.messages}</Link>
          </p>
        </Alert>
      ) : (
        <Card>
          <FormProblemAlert problem={problem} locale={locale} />
          <Form method="post" noValidate className="flex flex-col gap-5">
            <ChoiceGroup
              legend={t.callback.phoneLegend}
              name="contactPointId"
              checked={[phoneChoice]}
              error={errorOf("contactPointId")}
              required
              choices={[...options.phones.map((p) => ({ value: p.id, label: p.value })), { value: NEW_PHONE, label: t.callback.otherNumber }]}
            >
              <TextField
                name="newPhone"
                type="tel"
                label={t.callback.newPhone}
                description={t.callback.newPhoneHint}
                autoComplete="tel"
                defaultValue={values.newPhone ?? ""}
                error={errorOf("newPhone")}
                className="sm:max-w-xs"
              />
            </ChoiceGroup>
            <SelectField label={t.callback.day} name="day" description={t.callback.dayHint} defaultValue={values.day ?? options.days[0]} error={errorOf("day")} className="sm:max-w-xs">
              {options.days.map((d) => (
                <option key={d} value={d}>
                  {formatWeekday(d, locale)}
                </option>
              ))}
            </SelectField>
            <ChoiceGroup
              legend={t.callback.slotLegend}
              name="slot"
              checked={slotChoice ? [slotChoice] : []}
              error={errorOf("slot")}
              required
              choices={options.slots.map((s) => ({ value: s, label: t.slots[s] }))}
            />
            <TextAreaField label={`${t.callback.note} (${t.optional})`} name="note" rows={3} maxLength={500} defaultValue={values.note ?? ""} error={errorOf("note")} />
            <Button type="submit" className="w-full sm:w-auto sm:self-start" disabled={isSubmitting}>
              {t.callback.submit}
            </Button>
          </Form>
        </Card>
      )}
      <p>
        <Link to="/case">{t.backToFile}</Link>
      </p>
    </div>
  );
}
