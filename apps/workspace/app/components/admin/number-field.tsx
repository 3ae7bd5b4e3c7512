import { useId } from "react";

/** A labelled number input with its hint and error tied to it for screen readers. */
export function NumberField(props: {
  name: string;
  label: string;
  defaultValue?: number | string | null;
  hint?: string;
  error?: string;
  step?: string;
  min?: number;
  suffix?: string;
}) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-ink-800">
        {props.label}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={props.name}
          type="number"
          inputMode="decimal"
          step={props.step ?? "1"}
          min={props.min}
          defaultValue={props.defaultValue ?? ""}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          className="w-36 rounded-md border border-ink-300 bg-white px-3 py-2 tabular-nums aria-[invalid]:border-critical-600"
        />
        {props.suffix ? <span className="text-ink-600">{props.suffix}</span> : null}
      </div>
      {props.hint ? (
        <p id={hintId} className="text-sm text-ink-600">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={errorId} className="text-sm font-medium text-critical-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
