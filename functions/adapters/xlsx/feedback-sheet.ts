import { FEEDBACK_TAB } from '../../../sheets-schema/index.js';
import type { Feedback, FeedbackTitleLine } from '../../core/feedback.js';
import type { SheetValue } from '../../core/summary-rows.js';
import { columnLetter } from '../../core/workbook.js';
import { LINE_POINTS, wrappedRowHeight } from './sheet-layout.js';
import { deflateChunks, zipArchive } from './zip-writer.js';

/**
 * OUT/validasi/<kode>.xlsx, the Hasil Validasi of one office: the title block (office, period, index,
 * deadline, contact, when it was checked), then a header the operator can filter, errors first in red,
 * warnings in amber, each row as tall as its message (LibreOffice would otherwise draw the wrapped lines
 * over the next row), the machine code in a hidden column, and a print setup that fits the columns on an
 * A4 page with the header repeated.
 *
 * Written as SpreadsheetML text and zipped (zip-writer.ts), not through exceljs: an all-wrong office
 * within the limits has some 44 000 findings, and exceljs held an object per cell and style, which made
 * this one file most of a run's peak memory (issue 17 item 2, BENCHMARKS.md). Here the sheet's XML is
 * deflated a few hundred rows at a time as it is made: the cost is the compressed file, about 40 bytes a
 * finding, besides the feedback lines themselves.
 */

/**
 * A gain reads as what it is, points added to the index: "+7.50". A gain of 0 (most warnings) shows
 * blank, as in the PDF: a column of "0.00" beside warnings read as a score of nothing.
 */
export const GAIN_FORMAT = '"+"0.00;-0.00;""';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Indexes into cellXfs of STYLES below. */
const STYLE = {
  header: 1,
  text: 2,
  wrapped: 3,
  gain: 4,
  error: 5,
  warning: 6,
  title: 7,
  strong: 8,
  plain: 9,
  muted: 10,
} as const;

const TITLE_STYLE: Record<FeedbackTitleLine['style'], number> = {
  title: STYLE.title,
  strong: STYLE.strong,
  plain: STYLE.plain,
  muted: STYLE.muted,
};

// A font without a name is drawn in LibreOffice's default serif face; every font names the one Excel uses.
const STYLES = `${DECLARATION}<styleSheet xmlns="${MAIN}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="${escapeXml(GAIN_FORMAT)}"/></numFmts>
<fonts count="7">
<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="11"/><color rgb="FFB00020"/><name val="Calibri"/><family val="2"/></font>
<font><sz val="11"/><color rgb="FF8A5300"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="14"/><color rgb="FF7A1F1F"/><name val="Calibri"/><family val="2"/></font>
<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>
<font><i/><sz val="10"/><color rgb="FF595959"/><name val="Calibri"/><family val="2"/></font>
</fonts>
<fills count="5">
<fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FF7A1F1F"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFDE2E4"/><bgColor indexed="64"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFFFF4D6"/><bgColor indexed="64"/></patternFill></fill>
</fills>
<borders count="2">
<border><left/><right/><top/><bottom/><diagonal/></border>
<border><left/><right/><top/><bottom style="thin"><color rgb="FFD9D9D9"/></bottom><diagonal/></border>
</borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="11">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="2" fillId="3" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="3" fillId="4" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="4" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center"/></xf>
<xf numFmtId="0" fontId="5" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="6" fillId="0" borderId="0" xfId="0" applyFont="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

const CONTENT_TYPES = `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`;

const ROOT_RELS = `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`;

const WORKBOOK_RELS = `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>
</Relationships>`;

const CORE = `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>monev</dc:creator><dc:title>${FEEDBACK_TAB.name}</dc:title></cp:coreProperties>`;

const encoder = new TextEncoder();

/** The office's Hasil Validasi as the bytes of an .xlsx file. */
export async function feedbackWorkbook(code: string, feedback: Feedback): Promise<Uint8Array> {
  const headerRow = feedback.headerRow;
  const lastColumn = columnLetter(FEEDBACK_TAB.headers.length - 1);
  const lastRow = headerRow + feedback.lines.length;
  const quotedTab = `'${FEEDBACK_TAB.name}'`;
  const workbook = `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}">
<bookViews><workbookView activeTab="0"/></bookViews>
<sheets><sheet name="${FEEDBACK_TAB.name}" sheetId="1" r:id="rId1"/></sheets>
<definedNames>
<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${quotedTab}!$A$${headerRow}:$${lastColumn}$${lastRow}</definedName>
<definedName name="_xlnm.Print_Titles" localSheetId="0">${quotedTab}!$${headerRow}:$${headerRow}</definedName>
</definedNames>
</workbook>`;
  return zipArchive([
    { name: '[Content_Types].xml', data: encoder.encode(CONTENT_TYPES) },
    { name: '_rels/.rels', data: encoder.encode(ROOT_RELS) },
    { name: 'docProps/core.xml', data: encoder.encode(CORE) },
    { name: 'xl/workbook.xml', data: encoder.encode(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: encoder.encode(WORKBOOK_RELS) },
    { name: 'xl/styles.xml', data: encoder.encode(STYLES) },
    { name: 'xl/worksheets/sheet1.xml', deflated: await deflateChunks(worksheet(code, feedback)) },
  ]);
}

/** Rows handed to the deflater at once: large enough to compress well, small enough to stay a few hundred KB. */
const ROWS_A_CHUNK = 500;

/** The sheet's XML, in pieces of about ROWS_A_CHUNK rows. */
function* worksheet(code: string, feedback: Feedback): Generator<string> {
  const { headerRow } = feedback;
  const columns = FEEDBACK_TAB.headers.length;
  const lastColumn = columnLetter(columns - 1);
  const lastRow = headerRow + feedback.lines.length;
  const levelColumn = FEEDBACK_TAB.headers.indexOf('Tingkat');
  const gainColumn = FEEDBACK_TAB.headers.indexOf('Tambahan Nilai');
  const first = `A${headerRow + 1}`;
  // "&" starts a code in a footer; a literal one is written "&&".
  const footer = `Hasil Validasi ${code}: ${feedback.errors} kesalahan, ${feedback.warnings} peringatan`.replace(
    /&/g,
    '&&',
  );
  let parts: string[] = [
    `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`,
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    `<dimension ref="A1:${lastColumn}${lastRow}"/>`,
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="${first}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${first}" sqref="${first}"/></sheetView></sheetViews>`,
    `<sheetFormatPr defaultRowHeight="${LINE_POINTS}"/>`,
    '<cols>',
    ...FEEDBACK_TAB.widths.map(
      (width, i) =>
        `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"${FEEDBACK_TAB.hidden[i] ? ' hidden="1"' : ''}/>`,
    ),
    '</cols>',
    '<sheetData>',
  ];
  // The title block: one line a row in column A, running over the empty cells to its right.
  feedback.title.forEach((line, i) => {
    const height = line.style === 'title' ? 24 : LINE_POINTS + 3;
    parts.push(
      `<row r="${i + 1}" ht="${height}" customHeight="1">${cell(`A${i + 1}`, line.text, TITLE_STYLE[line.style])}</row>`,
    );
  });
  parts.push(
    // Two lines: "Tambahan Nilai" wraps at its column's width.
    `<row r="${headerRow}" ht="${2 * LINE_POINTS + 4}" customHeight="1">${FEEDBACK_TAB.headers
      .map((header, i) => cell(`${columnLetter(i)}${headerRow}`, header, STYLE.header))
      .join('')}</row>`,
  );
  for (const [index, line] of feedback.lines.entries()) {
    const r = headerRow + 1 + index;
    const height = wrappedRowHeight(line.values, FEEDBACK_TAB.widths, FEEDBACK_TAB.wrap);
    // Every column of the table gets its style, a blank last one (a warning without gain) included, so the rule runs across.
    const cells = line.values.map((value, i) => {
      const style =
        i === levelColumn && line.level
          ? STYLE[line.level]
          : i === gainColumn
            ? STYLE.gain
            : FEEDBACK_TAB.wrap[i]
              ? STYLE.wrapped
              : STYLE.text;
      return cell(`${columnLetter(i)}${r}`, value, style);
    });
    parts.push(`<row r="${r}" ht="${height}" customHeight="1">${cells.join('')}</row>`);
    if (parts.length >= ROWS_A_CHUNK) {
      yield `${parts.join('\n')}\n`;
      parts = [];
    }
  }
  parts.push(
    '</sheetData>',
    `<autoFilter ref="A${headerRow}:${lastColumn}${lastRow}"/>`,
    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>',
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    `<headerFooter><oddFooter>${escapeXml(`&L${footer}&RHalaman &P dari &N`)}</oddFooter></headerFooter>`,
    '</worksheet>',
  );
  yield parts.join('\n');
}

/** A cell: text inline (never a formula: values come neutralised from the core), a number, or a styled blank. */
function cell(ref: string, value: SheetValue, style: number): string {
  if (value === null || value === '') return `<c r="${ref}" s="${style}"/>`;
  if (typeof value === 'number')
    return Number.isFinite(value) ? `<c r="${ref}" s="${style}"><v>${value}</v></c>` : `<c r="${ref}" s="${style}"/>`;
  const text = String(value);
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

/** Text as XML character data: markup escaped, and the control characters XML 1.0 cannot hold dropped. */
function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
