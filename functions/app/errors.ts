/**
 * A queued task that can never succeed as given: its cycle is not recorded, its office is not part of
 * the cycle, or the cycle stalled beyond its watchdog. Not a configuration problem, and not a fault:
 * the functions answer it with a 4xx so Cloud Tasks drops the task instead of retrying, and log why.
 * Its message is for that log: Indonesian, naming the cycle and the office codes, never personal data.
 */
export class TaskRejected extends Error {
  override readonly name = 'TaskRejected';
}
