import type { Finding } from './findings.js';
import { rowIndexOf } from './workbook.js';
import { maskNips } from './nip.js';
import type { ParsedOffice } from './office-reader.js';
import type { ParsedTable } from './sheet-table.js';

/**
 * The row's context beside a finding (issue 12 item 6): which activity, which person, which indicator.
 * It is taken from the parsed rows by the finding's cell, after every rule has run, so findings made
 * by the reader, the cross-tab rules and scoring all get it alike. The text is the cell as typed, so a
 * row whose Kegiatan is readable but whose Target is not still says which activity it is.
 * A NIP is never part of it: a person is named by Nama and Jabatan, and a NIP typed into those is masked.
 */
const PART_LENGTH = 60;

type Describe<R> = (text: (key: keyof R & string) => string) => string;

interface Described {
  readonly table: ParsedTable<object>;
  readonly describe: Describe<Record<string, unknown>>;
}

function described<R>(table: ParsedTable<R>, describe: Describe<R>): Described {
  return { table: table as unknown as ParsedTable<object>, describe: describe as Described['describe'] };
}

function tablesOf(parsed: ParsedOffice): Described[] {
  return [
    described(parsed.actionPlan, (text) => text('activity') || join(text('no') && `No ${text('no')}`, text('area'))),
    described(parsed.iku, (text) => join(text('code'), text('indicator'))),
    described(parsed.iki, (text) => {
      const name = text('name');
      const position = text('position');
      const person = name && position ? `${name} (${position})` : name || position;
      return join(person, text('ikuCode'));
    }),
    described(parsed.jobs, (text) => text('job')),
    described(parsed.workload, (text) => join(text('job'), text('task'))),
    described(parsed.stages, (text) => join(text('stage') && `Tahap ${text('stage')}`, text('step'))),
  ];
}

/** The findings with `context` set where the finding's cell lies on a data row. */
export function withRowContext(findings: readonly Finding[], parsed: ParsedOffice): Finding[] {
  const contexts = new Map<string, Map<number, string>>();
  for (const { table, describe } of tablesOf(parsed)) {
    const rows = new Map<number, string>();
    for (const row of table.rows) {
      const context = describe((key) => shorten(table.text(row.index, key as never)));
      if (context) rows.set(row.index, context);
    }
    contexts.set(table.tab, rows);
  }
  return findings.map((item) => {
    if (item.context !== undefined) return item;
    const row = rowIndexOf(item.cell);
    const context = row === null ? undefined : contexts.get(item.tab)?.get(row);
    return context ? { ...item, context } : item;
  });
}

function join(...parts: string[]): string {
  return parts.filter((part) => part !== '').join(' · ');
}

function shorten(text: string): string {
  // Context is sheet text printed beside a finding: a NIP typed into a Nama or Kegiatan is masked.
  const flat = maskNips(text.replace(/\s+/g, ' ').trim());
  return flat.length > PART_LENGTH ? `${flat.slice(0, PART_LENGTH - 1).trimEnd()}…` : flat;
}
