import { z } from 'zod';
import { ConfigError } from './app/errors.js';

/**
 * Environment → typed configuration, parsed once with zod. The environment is passed in, so tests
 * give their own instead of touching process.env.
 */
const schema = z
  .object({
    MONEV_MAIL_TRANSPORT: z.enum(['outbox', 'smtp', 'gmail']).default('outbox'),
    MONEV_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'harus diawali smtp:// atau smtps://').optional(),
    MONEV_MAIL_FROM: z.string().default('monev Bawaslu Jawa Timur <monev@jatim.bawaslu.go.id>'),
    PUPPETEER_EXECUTABLE_PATH: z.string().min(1).optional(),
    MONEV_PDF_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
    MONEV_PDF_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
    MONEV_WEBHOOK_SECRET: z.string().min(16, 'minimal 16 karakter; buat dengan: openssl rand -hex 32').optional(),
    MONEV_DATA_DIR: z.string().min(1).optional(),
    MONEV_OUT_DIR: z.string().min(1).default('out'),
  })
  .refine((env) => env.MONEV_MAIL_TRANSPORT !== 'smtp' || env.MONEV_SMTP_URL !== undefined, {
    message: 'MONEV_MAIL_TRANSPORT=smtp memerlukan MONEV_SMTP_URL, misalnya smtp://user:sandi@smtp.example.go.id:587',
    path: ['MONEV_SMTP_URL'],
  });

export interface Config {
  readonly mail: { readonly transport: 'outbox' | 'smtp' | 'gmail'; readonly smtpUrl?: string; readonly from: string };
  readonly pdf: { readonly executablePath?: string; readonly concurrency: number; readonly timeoutMs: number };
  /** The shared secret of change notifications (Apps Script signatures, Drive channel tokens). */
  readonly webhookSecret?: string;
  /** Local mode of the functions: the data folder and the output folder. */
  readonly local: { readonly dataDir?: string; readonly outDir: string };
}

export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'lingkungan'}: ${issue.message}`);
    throw new ConfigError(`Konfigurasi lingkungan tidak sah:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    mail: { transport: e.MONEV_MAIL_TRANSPORT, smtpUrl: e.MONEV_SMTP_URL, from: e.MONEV_MAIL_FROM },
    pdf: { executablePath: e.PUPPETEER_EXECUTABLE_PATH, concurrency: e.MONEV_PDF_CONCURRENCY, timeoutMs: e.MONEV_PDF_TIMEOUT_MS },
    webhookSecret: e.MONEV_WEBHOOK_SECRET,
    local: { dataDir: e.MONEV_DATA_DIR, outDir: e.MONEV_OUT_DIR },
  };
}
