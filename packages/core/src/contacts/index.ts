// Use-cases on a debtor's contact points, worked from one of the debtor's cases.
export { addContactPoint, AddContactPointInputSchema, type AddContactPointInput } from "./add-contact-point.ts";
export { invalidateContactPoint, InvalidateContactPointInputSchema, revalidateContactPoint, RevalidateContactPointInputSchema, type InvalidateContactPointInput, type RevalidateContactPointInput } from "./invalidate-contact-point.ts";
export { listContactPoints, ListContactPointsInputSchema, type ContactPointList, type ListContactPointsInput, type ManagedContactPoint } from "./list-contact-points.ts";
export { makeContactPointPrimary, MakeContactPointPrimaryInputSchema, type MakeContactPointPrimaryInput } from "./make-contact-point-primary.ts";
export { liftOptOut, LiftOptOutInputSchema, recordOptOut, RecordOptOutInputSchema, type LiftOptOutInput, type RecordOptOutInput } from "./opt-outs.ts";
export { type ChangedContactPoint } from "./shared.ts";
export { verifyContactPoint, VerifyContactPointInputSchema, type VerifyContactPointInput } from "./verify-contact-point.ts";
