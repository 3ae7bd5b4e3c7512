/** A class-name value: strings are kept, falsy values dropped (so `cond && "class"` works). */
export type ClassValue = string | false | null | undefined | 0;

/** Joins class names, skipping falsy ones. Later classes are appended, so callers can extend a component's look. */
export function cx(...values: ClassValue[]): string {
  let out = "";
  for (const v of values) {
    if (v) out = out ? `${out} ${v}` : v;
  }
  return out;
}
