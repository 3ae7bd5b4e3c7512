// Work queue: the agent's prioritised list of cases to work.
export {
  listWorkQueue,
  ListWorkQueueInputSchema,
  nextCaseAfter,
  QUEUE_WINDOW,
  type ListWorkQueueInput,
  type WorkQueue,
  type WorkQueueFilters,
  type WorkQueueRow,
} from "./list-work-queue.ts";
