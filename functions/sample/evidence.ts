import type { SampleOffice } from './content.js';
import type { Random } from './random.js';

/**
 * Bukti Dukung links as operators paste them: Google Drive files, or pages on the office's own
 * bawaslu.go.id site. Several links go on separate lines or after a comma.
 */
const DRIVE_ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function evidenceLinks(rng: Random, office: SampleOffice, topic: string, quarter: number): string {
  const count = rng.chance(0.25) ? 2 : 1;
  const links: string[] = [];
  for (let i = 0; i < count; i++) links.push(rng.chance(0.65) ? driveLink(rng) : siteLink(office, topic, quarter));
  return links.join(rng.chance(0.5) ? '\n' : ', ');
}

function driveLink(rng: Random): string {
  let id = '1';
  for (let i = 0; i < 32; i++) id += DRIVE_ID_CHARS[rng.int(0, DRIVE_ID_CHARS.length - 1)];
  return `https://drive.google.com/file/d/${id}/view?usp=sharing`;
}

function siteLink(office: SampleOffice, topic: string, quarter: number): string {
  return `https://${office.host}.bawaslu.go.id/publikasi/${kebab(topic)}-tw${quarter}`;
}

function kebab(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .split('-')
    .slice(0, 6)
    .join('-');
}
