/**
 * Which Bukti Dukung links name a Google Drive file or folder (docs/SPEC.md §8), and its ID. Only an ID
 * that passes the pattern ever reaches a Drive API path: a link is untrusted sheet text, and monev never
 * requests an address taken from a cell. Any other link stays unverified.
 */
export interface DriveTarget {
  readonly id: string;
  /** The `resourcekey` of a link shared before Drive's 2021 security update; Drive needs it to open the file. */
  readonly resourceKey: string | null;
}

// Drive IDs are URL-safe base64 (typically 19–44 characters); anything else is not sent anywhere.
const DRIVE_ID = /^[A-Za-z0-9_-]{10,128}$/;
const RESOURCE_KEY = /^[A-Za-z0-9_-]{1,128}$/;

const DRIVE_PATHS: readonly RegExp[] = [
  /^\/file\/(?:u\/\d+\/)?d\/([^/]+)(?:\/.*)?$/,
  /^\/drive\/(?:u\/\d+\/)?folders\/([^/]+)\/?$/,
  /^\/drive\/(?:u\/\d+\/)?mobile\/folders\/([^/]+)\/?$/,
];
const DOCS_PATH = /^\/(?:document|spreadsheets|presentation|forms)\/(?:u\/\d+\/)?d\/([^/]+)(?:\/.*)?$/;
const PUBLISHED_FORM = /^\/forms\/(?:u\/\d+\/)?d\/e\//;

/**
 * A link in one of Drive's forms (SPEC §8): a file or folder with a valid ID, or `malformed` when the ID in
 * that form is not a Drive ID (`…/file/d/1AbC/view`, a pasted fragment, an encoded path). A malformed link
 * cannot name a file, so it is unreachable without any request; null for anything that is not a Drive form.
 */
export type DriveLink = { readonly kind: 'drive'; readonly target: DriveTarget } | { readonly kind: 'malformed' };

const MALFORMED: DriveLink = { kind: 'malformed' };

export function driveLink(link: string): DriveLink | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  const host = url.hostname.toLowerCase();
  let id: string | undefined;
  if (host === 'drive.google.com') {
    for (const path of DRIVE_PATHS) id ??= path.exec(url.pathname)?.[1];
    if (id === undefined && url.pathname === '/open') id = url.searchParams.get('id') ?? undefined;
  } else if (host === 'docs.google.com') {
    // A published form's address (`/forms/d/e/…/viewform`) names the form's public page, not a Drive file.
    if (PUBLISHED_FORM.test(url.pathname)) return null;
    id = DOCS_PATH.exec(url.pathname)?.[1];
  }
  if (id === undefined) return null;
  if (!DRIVE_ID.test(id)) return MALFORMED;
  const key = url.searchParams.get('resourcekey');
  return { kind: 'drive', target: { id, resourceKey: key !== null && RESOURCE_KEY.test(key) ? key : null } };
}

/** The Drive file or folder a link names, when its ID is valid; what a verifier may be asked about. */
export function driveTarget(link: string): DriveTarget | null {
  const drive = driveLink(link);
  return drive?.kind === 'drive' ? drive.target : null;
}

/**
 * What makes two citations the same evidence: a Drive file by its ID (a "view" and an "edit" link of
 * one file are one document), anything else by its exact URL.
 */
export function evidenceKey(link: string): string {
  const target = driveTarget(link);
  return target ? `drive:${target.id}` : link.trim();
}
