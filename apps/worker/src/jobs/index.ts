import { heartbeatJob } from "./heartbeat.ts";
import { instalmentCollectionJob } from "./instalment-collection.ts";
import { outboxJob } from "./outbox.ts";
import type { JobDefinition, JobDeps } from "./types.ts";

export { HEARTBEAT_QUEUE } from "./heartbeat.ts";
export { collectionProvider, INSTALMENT_COLLECTION_CRON, INSTALMENT_COLLECTION_QUEUE, instalmentCollectionJob } from "./instalment-collection.ts";
export { OUTBOX_QUEUE, outboxJob } from "./outbox.ts";
export type { JobDefinition, JobDeps, WorkerIdentity } from "./types.ts";

/** Every job this worker runs. Later issues add strategy runs, plan monitoring, escalation. */
export function allJobs(deps: JobDeps): JobDefinition[] {
  return [heartbeatJob(deps), outboxJob(deps), instalmentCollectionJob(deps)];
}
