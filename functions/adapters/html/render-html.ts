import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
import type { JobCardModel } from '../../core/report/job-card.js';
import { maskNipsIn } from '../../core/nip.js';
import type { OfficeMailModel } from '../../core/report/mail-content.js';
import type { OfficeReportModel } from '../../core/report/office-report.js';
import type { ProvinceReportModel } from '../../core/report/province-report.js';
import {
  barChartSvg,
  heatmapSvg,
  lineChartSvg,
  radarChartSvg,
  type BarChartInput,
  type HeatmapInput,
  type LineChartInput,
  type RadarChartInput,
} from '../pdf/charts.js';
import { embeddedFontCss } from '../pdf/fonts.js';
import type { DocumentTemplates } from '../../ports.js';

/**
 * Report HTML from the handlebars templates in templates/. Every render gets its own helpers, passed
 * explicitly, so nothing leaks between documents. Sheet text
 * is always escaped ({{…}}); only our own CSS and the ECharts SVG (which escapes its labels) are
 * inserted as trusted markup, through helpers rather than triple-stash.
 */
const templatesDir = findTemplatesDir();
const sources = new Map<string, string>();

function source(name: string): string {
  let text = sources.get(name);
  if (text === undefined) {
    text = readFileSync(join(templatesDir, name), 'utf8');
    sources.set(name, text);
  }
  return text;
}

export const handlebarsTemplates: DocumentTemplates = {
  officeReport: (model) => renderOfficeHtml(model),
  provinceReport: (model) => renderProvinceHtml(model),
  jobCard: (model) => renderJobCardHtml(model),
  mail: (model) => renderMailHtml(model),
};

export function renderOfficeHtml(model: OfficeReportModel): string {
  return render('office-report.hbs', model);
}

export function renderProvinceHtml(model: ProvinceReportModel): string {
  return render('province-report.hbs', model);
}

export function renderJobCardHtml(model: JobCardModel): string {
  return render('job-card.hbs', model);
}

export function renderMailHtml(model: OfficeMailModel): string {
  return render('mail.hbs', model);
}

/** Required with the first document, so that processes rendering none (the cloud functions) never load it. */
let handlebarsModule: typeof Handlebars | undefined;
function handlebars(): typeof Handlebars {
  handlebarsModule ??= createRequire(import.meta.url)('handlebars') as typeof Handlebars;
  return handlebarsModule;
}

/**
 * Each template is compiled once per process, in an environment of its own; the helpers go with every
 * render (`template(model, { helpers })`), so no document sees another's and nothing is registered
 * globally. Compiling for every document cost about 10 ms each, a third of a cycle's templating.
 */
const compiled = new Map<string, Handlebars.TemplateDelegate>();

/**
 * Partials every template may call, registered in each template's own environment (never globally): every
 * .hbs under templates/partials/, named by its path there without the extension. `report-head` is the
 * doctype, meta, title and styles of the office and province reports; the caller's block
 * (`{{#> report-head}}…{{/report-head}}`) is the document title. `office/<name>` and `province/<name>` are
 * one section of the office report and of the recap, drawn with the model's key of that name
 * (core/report/office/<name>-section.ts, core/report/province/<name>-section.ts).
 */
function partials(): [name: string, file: string][] {
  const root = join(templatesDir, 'partials');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.hbs'))
    .map((file) => [file.slice(0, -'.hbs'.length).split(sep).join('/'), join('partials', file)]);
}

function render(name: string, model: object): string {
  const hb = handlebars();
  const helpers = {
    styles: () => new hb.SafeString(`${embeddedFontCss()}\n${source('report.css')}`),
    radarChart: (input: RadarChartInput) => new hb.SafeString(radarChartSvg({ ...input, width: 600, height: 330 })),
    heatmapChart: (input: HeatmapInput) => new hb.SafeString(heatmapSvg(input)),
    barChart: (input: BarChartInput) => new hb.SafeString(barChartSvg({ ...input, width: 360, height: 220 })),
    lineChart: (input: LineChartInput) => new hb.SafeString(lineChartSvg({ ...input, width: 560, height: 240 })),
  };
  try {
    let template = compiled.get(name);
    if (!template) {
      const environment = hb.create();
      for (const [partial, file] of partials()) environment.registerPartial(partial, source(file));
      template = environment.compile(source(name), { strict: true });
      compiled.set(name, template);
    }
    // Every document prints sheet text (Kegiatan, Nama, quoted values); a NIP typed into it is masked here,
    // once for the office report, the recap and the e-mail's HTML part.
    return template(maskNipsIn(model), { helpers });
  } catch (error) {
    // Handlebars reports "Parse error on line N" or "… - line:column": keep it, and name the template.
    throw new Error(`Templat ${name} gagal dirender: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** templates/ sits at the package root, above both functions/ (sources) and dist/functions/ (build). */
function findTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'office-report.hbs'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('Folder templates/ tidak ditemukan di atas modul laporan; pasang ulang paket monev.');
    dir = parent;
  }
}
