/**
 * What the automatic-collection tests share: open cases of the demo seed (a balance, no hold, no
 * running plan, an email on file) and a running plan put on one with instalments due on chosen days.
 */
import { arrangements, cases, contactPoints, instalments, type Case, type Db, type Instalment } from "@recouvra/db";
import { addDays, type IsoDate } from "@recouvra/domain";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Actor } from "../context.ts";

/** Open seeded cases, each handed out once per test file. */
export function openCases(db: () => Db) {
  const used = new Set<string>();
  return async function next(jurisdiction: "FR" | "BE" | "NL" = "FR"): Promise<Case> {
    const rows = await db()
      .select()
      .from(cases)
      .where(
        and(
          eq(cases.jurisdiction, jurisdiction),
          inArray(cases.stage, ["notified", "in_contact", "negotiating"]),
          gt(cases.balanceCents, 60_000),
          sql`cardinality(${cases.holds}) = 0`,
          sql`not exists (select 1 from arrangements a where a.case_id = ${cases.id} and a.status in ('accepted', 'active'))`,
          sql`exists (select 1 from ${contactPoints} cp where cp.debtor_id = ${cases.debtorId} and cp.kind = 'email' and not cp.is_invalid and cp.opted_out_at is null)`,
        ),
      )
      .orderBy(cases.reference);
    const kase = rows.find((r) => !used.has(r.id));
    if (!kase) throw new Error(`no open ${jurisdiction} case left in the seed`);
    used.add(kase.id);
    return kase;
  };
}

/** The debtor of `kase`, signed in to the portal. */
export const debtorOf = (kase: Case): Actor => ({ kind: "debtor", debtorId: kase.debtorId, caseIds: [kase.id] });

/**
 * Puts a running plan on `kase`: one instalment per entry, due `days` after `today` (negative =
 * overdue), of `amountCents` each; the case moves to the arrangement stage, as accepting a plan does.
 */
export async function withLivePlan(
  db: Db,
  kase: Case,
  today: IsoDate,
  lines: { days: number; amountCents: number; paidCents?: number; status?: string }[],
): Promise<{ arrangementId: string; instalments: Instalment[] }> {
  const total = lines.reduce((s, l) => s + l.amountCents, 0);
  const [plan] = await db
    .insert(arrangements)
    .values({
      caseId: kase.id,
      clientId: kase.clientId,
      kind: "plan",
      status: "active",
      proposedBy: "agent",
      terms: { frequency: "monthly", instalments: lines.length },
      totalCents: total,
      currency: kase.currency,
      acceptedAt: new Date(),
    })
    .returning();
  const rows = await db
    .insert(instalments)
    .values(lines.map((l, i) => ({ arrangementId: plan!.id, seq: i + 1, dueOn: addDays(today, l.days), amountCents: l.amountCents, paidCents: l.paidCents ?? 0, status: l.status ?? "scheduled" })))
    .returning();
  await db.update(cases).set({ stage: "arrangement" }).where(eq(cases.id, kase.id));
  return { arrangementId: plan!.id, instalments: rows.sort((a, b) => a.seq - b.seq) };
}
