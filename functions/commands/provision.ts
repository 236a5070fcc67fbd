import { ConfigError } from '../shared/config-error.js';
import { GoogleApiError } from '../adapters/google/google-api-error.js';
import { GoogleProvisioner } from '../adapters/google/provisioning.js';
import { GoogleServices } from '../adapters/google/google-services.js';
import { parseConfig } from '../config.js';
import { EXIT, type CommandIo } from './io.js';

export interface ProvisionArgs {
  /** The rekap's ID or URL; empty to create the rekap itself. */
  readonly rekap: string;
  readonly period?: string;
}

/**
 * `monev provision --rekap` creates the rekap spreadsheet; `monev provision --rekap <ID|URL>` creates
 * a spreadsheet for every registry row without Sumber, shares it and links it back. Both may be run
 * again: what exists is found, not made twice.
 */
export async function provisionCommand(
  args: ProvisionArgs,
  io: CommandIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const config = parseConfig(env);
  const provisioner = new GoogleProvisioner(GoogleServices.fromConfig(config.google), config.google.driveFolderId);
  try {
    if (args.rekap.trim() === '') {
      const rekap = await provisioner.provisionRekap({ period: args.period });
      io.out(rekap.created ? `Rekap dibuat: ${rekap.link}` : `Rekap sudah ada, tidak dibuat lagi: ${rekap.link}`);
      io.out(
        'Langkah berikutnya: bagikan rekap ke tim provinsi, isi kolom Email di tab Satker, lalu buat spreadsheet satker dengan:',
      );
      io.out(`  monev provision --rekap ${rekap.id}`);
      return EXIT.ok;
    }
    const outcome = await provisioner.provisionOffices(args.rekap, { period: args.period });
    for (const sheet of outcome.spreadsheets) {
      const shared =
        sheet.sharedWith.length > 0
          ? `dibagikan ke ${sheet.sharedWith.join(', ')}`
          : 'belum dibagikan (kolom Email kosong)';
      io.out(
        `${sheet.code} ${sheet.name}: ${sheet.created ? 'dibuat' : 'ditemukan dari proses sebelumnya'}, ${shared}. ${sheet.link}`,
      );
    }
    io.out(
      `${outcome.spreadsheets.length} spreadsheet satker ditautkan ke kolom Sumber; ${outcome.alreadyLinked} satker sudah punya Sumber dan tidak diubah.`,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof GoogleApiError)
      throw new ConfigError(`Penyiapan Google Sheets gagal: ${error.reason}.`, { cause: error });
    throw error;
  }
}
