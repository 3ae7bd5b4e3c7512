import { recordHeartbeat } from "@recouvra/core";
import type { JobDefinition, JobDeps } from "./types.ts";

export const HEARTBEAT_QUEUE = "heartbeat";

/**
 * Every minute, the worker writes that it is alive; the workspace's status page shows it fresh or
 * stale. Going through the queue (not a timer) proves the whole job pipeline works, not just the process.
 */
export function heartbeatJob({ ctx, identity }: JobDeps): JobDefinition {
  return {
    queue: HEARTBEAT_QUEUE,
    // A missed beat is not worth retrying: the next one comes within a minute.
    options: { retryLimit: 0, expireInSeconds: 50 },
    cron: "* * * * *",
    runAtStart: true,
    async handle() {
      await recordHeartbeat({
        ctx,
        input: {
          workerName: identity.workerName,
          startedAt: identity.startedAt,
          host: identity.host,
          pid: identity.pid,
          version: identity.version,
        },
      });
    },
  };
}
