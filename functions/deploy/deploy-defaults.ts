/**
 * The names, region and rates `monev deploy` uses unless told otherwise. A module without imports, so that
 * the command line can declare its --region default without loading the deployment plan.
 */
export const DEPLOY_DEFAULTS = {
  region: 'asia-southeast2',
  serviceAccount: 'monev',
  queue: 'monev-score',
  cycleTopic: 'monev-cycle',
  watchTopic: 'monev-watch',
  secret: 'monev-webhook-secret',
  /** After each quarter, on the 10th at 07:00 WIB: operators have ten days to fill in the quarter's realisations. */
  cycleSchedule: '0 7 10 1,4,7,10 *',
  /** Daily at 03:15 WIB: Drive closes a file's channel after a day at most. */
  watchSchedule: '15 3 * * *',
  timeZone: 'Asia/Jakarta',
  /**
   * Sheets allows 60 read and 60 write requests a minute per user, and the service account is one
   * user. One scoring reads twice (the rekap, the office workbook) and writes four times (the office's
   * Hasil Validasi; the rekap's lock, upsert and release), so writes bind: 0.2 × 4 × 60 = 48 writes
   * a minute, 80 % of the quota, the rest left to the cycle's start and finish and the daily renewals.
   * The quarterly cycle fans out through this queue too (one scoring task per office, scheduled this
   * far apart; its results go to Drive, which has its own quota), so 550 offices (the national
   * scale) drain in about 46 minutes without a 429 storm, each scoring in its own short request.
   */
  dispatchesPerSecond: 0.2,
  maxConcurrentDispatches: 2,
} as const;
