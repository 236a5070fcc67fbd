import type { drive_v3 } from '@googleapis/drive';
import { FakeApiError, invalidArgument } from './api-error.js';

/**
 * Drive v3 files in memory: metadata (name, mimeType, parents, appProperties), content for uploads,
 * permissions, and the `q` search syntax monev uses (`name = '…'`, `mimeType = '…'`, `'…' in parents`,
 * `trashed = false`, `appProperties has { key='…' and value='…' }`, joined by `and`).
 */
export interface StoredFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  appProperties: Record<string, string>;
  trashed: boolean;
  content: Buffer | null;
  createdTime: string;
  modifiedTime: string;
  permissions: drive_v3.Schema$Permission[];
  /** A file shared by link before Drive's 2021 update: opened only with this key in X-Goog-Drive-Resource-Keys. */
  resourceKey?: string;
}

export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';

export function webViewLink(file: Pick<StoredFile, 'id' | 'mimeType'>): string {
  if (file.mimeType === SPREADSHEET_MIME) return `https://docs.google.com/spreadsheets/d/${file.id}/edit?usp=drivesdk`;
  if (file.mimeType === FOLDER_MIME) return `https://drive.google.com/drive/folders/${file.id}`;
  return `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`;
}

export function fileResource(file: StoredFile): drive_v3.Schema$File {
  return {
    kind: 'drive#file',
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    parents: [...file.parents],
    appProperties: { ...file.appProperties },
    trashed: file.trashed,
    createdTime: file.createdTime,
    modifiedTime: file.modifiedTime,
    webViewLink: webViewLink(file),
    size: file.content ? String(file.content.length) : undefined,
  };
}

/** The fields Drive returns when no `fields` parameter is given. */
export function defaultFileView(file: StoredFile): drive_v3.Schema$File {
  return { kind: 'drive#file', id: file.id, name: file.name, mimeType: file.mimeType };
}

type Clause = (file: StoredFile) => boolean;

export function parseDriveQuery(q: string): Clause {
  const clauses: Clause[] = [];
  let rest = q.trim();
  const string = String.raw`'((?:[^'\\]|\\.)*)'`;
  const patterns: [RegExp, (m: RegExpExecArray) => Clause][] = [
    [new RegExp(`^name\\s*=\\s*${string}`), (m) => (file) => file.name === unescape(m[1] ?? '')],
    [new RegExp(`^mimeType\\s*=\\s*${string}`), (m) => (file) => file.mimeType === unescape(m[1] ?? '')],
    [new RegExp(`^mimeType\\s*!=\\s*${string}`), (m) => (file) => file.mimeType !== unescape(m[1] ?? '')],
    [new RegExp(`^${string}\\s+in\\s+parents`), (m) => (file) => file.parents.includes(unescape(m[1] ?? ''))],
    [/^trashed\s*=\s*(true|false)/, (m) => (file) => file.trashed === (m[1] === 'true')],
    [
      new RegExp(`^appProperties\\s+has\\s*\\{\\s*key\\s*=\\s*${string}\\s+and\\s+value\\s*=\\s*${string}\\s*\\}`),
      (m) => (file) => file.appProperties[unescape(m[1] ?? '')] === unescape(m[2] ?? ''),
    ],
  ];
  while (rest.length > 0) {
    const match = patterns.map(([pattern, make]) => [pattern.exec(rest), make] as const).find(([m]) => m !== null);
    if (!match || !match[0])
      throw new FakeApiError(400, 'INVALID_ARGUMENT', 'Invalid Value', {
        errors: [
          { message: 'Invalid Value', domain: 'global', reason: 'invalid', location: 'q', locationType: 'parameter' },
        ],
      });
    clauses.push(match[1](match[0]));
    rest = rest.slice(match[0][0].length).trim();
    if (rest.length === 0) break;
    const and = /^and\s+/i.exec(rest);
    if (!and) throw invalidArgument('Invalid Value');
    rest = rest.slice(and[0].length);
  }
  return (file) => clauses.every((clause) => clause(file));
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}

/** Splits a multipart/related body into its parts: JSON metadata first, then the media. */
export function parseMultipart(
  body: Buffer,
  contentType: string,
): { metadata: Record<string, unknown>; media: Buffer | null; mediaType: string | null } {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  if (!boundary) throw invalidArgument('Multipart body without a boundary.');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    parts.push(body.subarray(start, next));
    at = next;
  }
  const parsed = parts.map((part) => {
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString();
    let content = part.subarray(headerEnd + 4);
    if (content.subarray(content.length - 2).toString() === '\r\n') content = content.subarray(0, content.length - 2);
    return { type: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? null, content };
  });
  const [meta, media] = parsed;
  return {
    metadata: meta ? (JSON.parse(meta.content.toString('utf8')) as Record<string, unknown>) : {},
    media: media?.content ?? null,
    mediaType: media?.type ?? null,
  };
}
