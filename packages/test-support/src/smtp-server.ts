/**
 * A real SMTP server for tests (the `smtp-server` library, Nodemailer's own) on 127.0.0.1 and a
 * free port, in this process: it speaks SMTP to whatever client the code under test uses, takes
 * every message for any address (with or without AUTH), and keeps them parsed (mailparser) so a
 * test can read the subject, the text and the links a user would follow. In-process, so it ends
 * with the test process; a server under test in a child process reaches it over TCP.
 */
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  /** The envelope's recipients (RCPT TO), lower-cased. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail['headers'];
  /** The username the client authenticated as, if it did. */
  user: string | undefined;
}

export interface SmtpCapture {
  /** smtp://user:pass@127.0.0.1:<port>: what SMTP_URL would be. */
  url: string;
  port: number;
  /** Every message received so far, in order. */
  readonly messages: CapturedMail[];
  /** The first message to `address` (now or within `timeoutMs`); throws when none comes. */
  waitFor(address: string, timeoutMs?: number): Promise<CapturedMail>;
  /** Messages to `address` received so far. */
  to(address: string): CapturedMail[];
  stop(): Promise<void>;
}

export async function startSmtpServer(): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    // Plain SMTP on loopback: no certificate to make, and nothing leaves the machine.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    size: 1024 * 1024,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            headers: mail.headers,
            user: typeof session.user === 'string' ? session.user : undefined,
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  let stopped = false;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      stopped = true;
      server.close(() => resolve());
    });

  const to = (address: string) => messages.filter((m) => m.to.includes(address.toLowerCase()));
  return {
    url: `smtp://tester:secret@127.0.0.1:${port}`,
    port,
    messages,
    to,
    async waitFor(address, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = to(address)[0];
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no mail to ${address} within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
    },
    stop,
  };
}
