/** Helpers for reading HTML form fields into the units use-cases take. */

/** A whole number, or undefined when the field is empty (the use-case then names what is missing). */
export function intField(form: FormData, name: string): number | undefined {
  const raw = String(form.get(name) ?? "").trim();
  return raw === "" ? undefined : Number(raw);
}

/** A decimal number (percentages), accepting a decimal comma. */
export function decimalField(form: FormData, name: string): number | undefined {
  const raw = String(form.get(name) ?? "").trim().replace(",", ".");
  return raw === "" ? undefined : Number(raw);
}

/** An amount typed in euros ("250", "250,50") as integer cents, rounded to the cent. */
export function centsField(form: FormData, name: string): number | undefined {
  const euros = decimalField(form, name);
  return euros === undefined ? undefined : Math.round(euros * 100);
}

/** A text field, trimmed; undefined when empty. */
export function textField(form: FormData, name: string): string | undefined {
  const raw = String(form.get(name) ?? "").trim();
  return raw === "" ? undefined : raw;
}
