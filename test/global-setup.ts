import chromium from '@sparticuz/chromium';

/**
 * @sparticuz/chromium unpacks its browser into /tmp on first use. Several test files launch
 * Chromium from parallel workers; unpacking once here, before the workers start, keeps them from
 * racing on a fresh machine.
 */
export default async function setup(): Promise<void> {
  await chromium.executablePath();
}
