import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  mail: ParsedMail;
  /** The RCPT TO addresses the server accepted, which is who actually gets the mail. */
  recipients: string[];
}

export interface TestSmtpServer {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Connections opened so far, to check that the mailer pools them. */
  connections: number;
  close(): Promise<void>;
}

export interface TestSmtpServerOptions {
  /** Addresses answered with "550 mailbox unavailable" at RCPT TO. */
  rejectRecipients?: string[];
  /** When set, AUTH is required and only this user and password pass. */
  credentials?: { user: string; pass: string };
  /**
   * Takes the whole message (it counts as received) and never confirms it: the server that goes
   * silent after accepting, whose sender cannot know whether the mail went out.
   */
  silentAfterData?: boolean;
  /**
   * Called at the moments of a mail transaction, for tests that stop the sender there (kill -9). The
   * server's reply waits while a returned promise is pending. `message` counts MAIL FROM commands
   * since the server started, from 1. `accepted` is called once the 250 reply to the message is
   * written; a message counts as received (in `received`) as soon as the whole of it has arrived,
   * as with a real server, which keeps a message it took in full whether or not its reply reached
   * the sender.
   */
  moments?: {
    connect?(): Promise<void> | void;
    mailFrom?(message: number): Promise<void> | void;
    dataStarted?(message: number): Promise<void> | void;
    /** The whole message has arrived (its final dot), and the reply waits for the hook. */
    received?(message: number): Promise<void> | void;
    accepted?(message: number): void;
  };
}

/** A real SMTP server on 127.0.0.1 (random port, no TLS) that parses every message it receives. */
export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const rejected = new Set((options.rejectRecipients ?? []).map((address) => address.toLowerCase()));
  const state = { received: [] as ReceivedMail[], connections: 0, transactions: 0 };
  const moments = options.moments ?? {};
  // Which transaction each session is in, for the hooks that come after MAIL FROM.
  const transaction = new Map<string, number>();

  const server = new SMTPServer({
    logger: false,
    // Closing waits this long for clients that still hold a connection (a mailer that was not closed).
    closeTimeout: 1_000,
    disabledCommands: options.credentials ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.credentials,
    allowInsecureAuth: true,
    onConnect(_session, callback) {
      state.connections++;
      void Promise.resolve(moments.connect?.()).then(() => callback());
    },
    onMailFrom(_address, session, callback) {
      const message = ++state.transactions;
      transaction.set(session.id, message);
      void Promise.resolve(moments.mailFrom?.(message)).then(() => callback());
    },
    onAuth(auth, _session, callback) {
      const ok = auth.username === options.credentials?.user && auth.password === options.credentials?.pass;
      if (ok) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (rejected.has(address.address.toLowerCase())) {
        callback(Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 }));
      } else callback();
    },
    onData(stream, session, callback) {
      const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      const message = transaction.get(session.id) ?? 0;
      // The hook runs on the first chunk of the message itself, when the sender is in the middle of DATA.
      const started = new Promise<void>((resolve) =>
        stream.once('data', () => void Promise.resolve(moments.dataStarted?.(message)).then(resolve)),
      );
      simpleParser(stream).then(
        async (mail) => {
          state.received.push({ mail, recipients });
          await started;
          await moments.received?.(message);
          if (options.silentAfterData) return;
          callback();
          if (moments.accepted) setImmediate(() => moments.accepted?.(message));
        },
        (error: Error) => callback(error),
      );
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received: state.received,
    get connections() {
      return state.connections;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
