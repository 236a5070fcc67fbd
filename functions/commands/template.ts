import { buildOfficeTemplate } from '../adapters/xlsx/office-template.js';
import { writeWorkbookAtomic } from '../adapters/xlsx/atomic-write.js';
import { EXIT, type CommandIo } from './io.js';

export interface TemplateArgs {
  out: string;
  code?: string;
  name?: string;
  /** Checked by the command line (2000–2100). */
  year?: number;
}

/** `monev template`: a blank office workbook generated from sheets-schema. */
export async function templateCommand(args: TemplateArgs, io: CommandIo): Promise<number> {
  await writeWorkbookAtomic(buildOfficeTemplate({ code: args.code, name: args.name, year: args.year }), args.out);
  io.out(`Templat workbook satker ditulis ke ${args.out}.`);
  return EXIT.ok;
}
