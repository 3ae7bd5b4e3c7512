/**
 * Payment-plan schedules: instalments that sum exactly to the amount agreed, on dates that never drift.
 */
import { addDays, addMonths, isIsoDate, type IsoDate } from "./dates.ts";
import { DomainError } from "./errors.ts";
import { ceilDiv, splitCents } from "./money.ts";
import { PLAN_FREQUENCIES, type PlanFrequency } from "./vocabulary.ts";

/** One instalment of a plan. `seq` starts at 1. */
export interface Instalment {
  readonly seq: number;
  readonly dueOn: IsoDate;
  readonly amountCents: number;
  /** True for the down payment line, when the plan has one (always `seq` 1). */
  readonly isDownPayment: boolean;
}

/**
 * Input of `buildSchedule`. Give `count` (how many regular instalments) or `instalmentCents` (the
 * regular amount), not both. A down payment, when given, is due on `firstDueOn` and the regular
 * instalments start one period later; without one, the first regular instalment is due on `firstDueOn`.
 */
export interface ScheduleInput {
  readonly totalCents: number;
  readonly firstDueOn: IsoDate;
  readonly frequency: PlanFrequency;
  readonly count?: number;
  readonly instalmentCents?: number;
  readonly downPaymentCents?: number;
}

/** The most lines a schedule may have (ten years of weekly payments): beyond that it is not a plan. */
export const MAX_SCHEDULE_INSTALMENTS = 520;

function invalid(field: string, message: string): DomainError {
  return new DomainError("VALIDATION", message, { field });
}

/**
 * The due date `periods` periods after `anchor`. Monthly dates are always computed from the anchor
 * (never from the previous instalment), so the 31st gives 28/29 Feb, then 31 Mar again, not 28 Mar.
 */
export function periodDate(anchor: IsoDate, frequency: PlanFrequency, periods: number): IsoDate {
  switch (frequency) {
    case "weekly":
      return addDays(anchor, 7 * periods);
    case "biweekly":
      return addDays(anchor, 14 * periods);
    case "monthly":
      return addMonths(anchor, periods);
    default:
      throw invalid("frequency", `frequency must be one of ${PLAN_FREQUENCIES.join(", ")}, got "${String(frequency)}"`);
  }
}

/**
 * Instalments summing exactly to `totalCents`. With `count`, the rest after the down payment is split
 * evenly and the leftover cents go one each to the first instalments (no two differ by more than one
 * cent, and the last is never the larger). With `instalmentCents`, every instalment is that amount except
 * the last, which takes what is left (between 1 cent and the amount).
 */
export function buildSchedule(input: ScheduleInput): Instalment[] {
  const { totalCents, firstDueOn, frequency } = input;
  if (!Number.isSafeInteger(totalCents) || totalCents < 1) throw invalid("totalCents", `totalCents must be a whole number of cents ≥ 1, got ${totalCents}`);
  if (typeof firstDueOn !== "string" || !isIsoDate(firstDueOn)) throw invalid("firstDueOn", `firstDueOn must be a calendar date YYYY-MM-DD, got "${firstDueOn}"`);
  if (!(PLAN_FREQUENCIES as readonly string[]).includes(frequency)) {
    throw invalid("frequency", `frequency must be one of ${PLAN_FREQUENCIES.join(", ")}, got "${String(frequency)}"`);
  }
  const down = input.downPaymentCents ?? 0;
  if (!Number.isSafeInteger(down) || down < 0 || down >= totalCents) {
    throw invalid("downPaymentCents", `downPaymentCents must be whole cents from 0 to less than the total (${totalCents}), got ${down}`);
  }
  const rest = totalCents - down;
  const hasDown = down > 0;
  const maxRegular = MAX_SCHEDULE_INSTALMENTS - (hasDown ? 1 : 0);

  let amounts: number[];
  if (input.count !== undefined && input.instalmentCents !== undefined) {
    throw invalid("count", "give either count or instalmentCents, not both");
  } else if (input.count !== undefined) {
    const { count } = input;
    if (!Number.isSafeInteger(count) || count < 1) throw invalid("count", `count must be a whole number ≥ 1, got ${count}`);
    if (count > maxRegular) throw new DomainError("LIMIT_EXCEEDED", `a plan has at most ${MAX_SCHEDULE_INSTALMENTS} instalments`, { field: "count" });
    if (count > rest) throw invalid("count", `count (${count}) would leave instalments of 0 cents on ${rest} cents`);
    amounts = splitCents(rest, count);
  } else if (input.instalmentCents !== undefined) {
    const each = input.instalmentCents;
    if (!Number.isSafeInteger(each) || each < 1) throw invalid("instalmentCents", `instalmentCents must be a whole number of cents ≥ 1, got ${each}`);
    const count = ceilDiv(rest, each);
    if (count > maxRegular) {
      throw new DomainError("LIMIT_EXCEEDED", `instalments of ${each} cents would need more than ${MAX_SCHEDULE_INSTALMENTS} instalments`, {
        field: "instalmentCents",
      });
    }
    amounts = Array.from({ length: count }, (_, i) => (i < count - 1 ? each : rest - each * (count - 1)));
  } else {
    throw invalid("count", "give count or instalmentCents");
  }

  const lines: Instalment[] = hasDown ? [{ seq: 1, dueOn: firstDueOn, amountCents: down, isDownPayment: true }] : [];
  const offset = hasDown ? 1 : 0;
  amounts.forEach((amountCents, i) => {
    lines.push({ seq: lines.length + 1, dueOn: periodDate(firstDueOn, frequency, i + offset), amountCents, isDownPayment: false });
  });
  return lines;
}

/** The due date of the last instalment. */
export function scheduleEndsOn(schedule: readonly Instalment[]): IsoDate {
  const last = schedule.at(-1);
  if (!last) throw invalid("schedule", "a schedule has at least one instalment");
  return last.dueOn;
}

/** Total of a schedule's instalments in cents. */
export function scheduleTotal(schedule: readonly Instalment[]): number {
  return schedule.reduce((sum, line) => sum + line.amountCents, 0);
}
