import type { GoogleConfig } from '../../config.js';
import { createGoogleClients, type GoogleClients } from './clients.js';
import { normaliseGoogleError, type GoogleApiError, type GoogleErrorContext } from './google-api-error.js';

/** What a request is about, for error messages: "Spreadsheet satker", or with where its ID came from. */
export type RequestSubject = string | Omit<GoogleErrorContext, 'serviceAccount'>;
import { QuotaScheduler, type RequestKind } from './quota-scheduler.js';

/**
 * What every Google adapter of one run shares: the clients, the quota scheduler, and the error
 * normaliser. Adapters call `read`, `write` or `drive` with a function that makes the request;
 * they get the response body, or a GoogleApiError whose reason says what to do.
 */
export class GoogleServices {
  constructor(
    readonly clients: GoogleClients,
    readonly scheduler: QuotaScheduler,
  ) {}

  static fromConfig(config: GoogleConfig): GoogleServices {
    return new GoogleServices(createGoogleClients(config), new QuotaScheduler(config.quota));
  }

  read<T>(what: RequestSubject, call: () => Promise<{ data: T }>): Promise<T> {
    return this.request('read', what, call);
  }

  write<T>(what: RequestSubject, call: () => Promise<{ data: T }>): Promise<T> {
    return this.request('write', what, call);
  }

  drive<T>(what: RequestSubject, call: () => Promise<{ data: T }>): Promise<T> {
    return this.request('drive', what, call);
  }

  /**
   * A request that must not take effect twice (a mail): in the Drive/Gmail bucket, retried only when
   * it surely never reached Google. The error keeps the raw failure as its cause (see surelyNotSent).
   */
  once<T>(what: RequestSubject, call: () => Promise<{ data: T }>): Promise<T> {
    return this.request('drive', what, call, { once: true });
  }

  /** Like `write`, but hands back the raw failure so the caller can recognise a conflict it can resolve. */
  async tryWrite<T>(call: () => Promise<{ data: T }>): Promise<{ ok: true; data: T } | { ok: false; error: unknown }> {
    try {
      return { ok: true, data: (await this.scheduler.run('write', call)).data };
    } catch (error) {
      return { ok: false, error };
    }
  }

  async fail(error: unknown, what: RequestSubject): Promise<GoogleApiError> {
    const subject = typeof what === 'string' ? { what } : what;
    return normaliseGoogleError(error, { ...subject, serviceAccount: await this.clients.serviceAccount() });
  }

  private async request<T>(
    kind: RequestKind,
    what: RequestSubject,
    call: () => Promise<{ data: T }>,
    options: { readonly once?: boolean } = {},
  ): Promise<T> {
    try {
      return (await this.scheduler.run(kind, call, options)).data;
    } catch (error) {
      throw await this.fail(error, what);
    }
  }
}
