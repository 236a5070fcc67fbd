import { buildOfficeTemplate } from '../adapters/xlsx/office-template.js';
import { writeWorkbookAtomic } from '../adapters/xlsx/atomic-write.js';
import { EXIT, usageError, type CommandIo } from './io.js';

export interface TemplateArgs {
  out: string;
  code?: string;
  name?: string;
  year?: string;
}

/** `monev template`: a blank office workbook generated from sheets-schema. */
export async function templateCommand(args: TemplateArgs, io: CommandIo): Promise<number> {
  const year = args.year === undefined ? undefined : Number(args.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
    throw usageError('invalid-year', { value: String(args.year) });
  }
  await writeWorkbookAtomic(buildOfficeTemplate({ code: args.code, name: args.name, year }), args.out);
  io.out(`Templat workbook satker ditulis ke ${args.out}.`);
  return EXIT.ok;
}
