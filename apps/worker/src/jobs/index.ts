import { heartbeatJob } from "./heartbeat.ts";
import type { JobDefinition, JobDeps } from "./types.ts";

export { HEARTBEAT_QUEUE } from "./heartbeat.ts";
export type { JobDefinition, JobDeps, WorkerIdentity } from "./types.ts";

/** Every job this worker runs. Later issues add strategy runs, outbox dispatch, plan monitoring, escalation. */
export function allJobs(deps: JobDeps): JobDefinition[] {
  return [heartbeatJob(deps)];
}
