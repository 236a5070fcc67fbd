import { ACTION_PLAN_TAB, STAGES_TAB } from '../../sheets-schema/index.js';
import { columnOf, findTable, type OfficeContent, type SampleTable } from './content.js';

/**
 * Evidence with a story (docs/SPEC.md §8), put into a few offices of the sample: a file not shared with
 * monev, one in the trash, an empty file and an empty folder, a document two offices both cite, and one
 * an office pastes under three activities. The files' states live in Drive, not in the workbook: the
 * fake Google API of the tests creates them from SAMPLE_DRIVE_FILES. Offline, the shared and reused
 * ones are found all the same; the others stay unverified.
 *
 * Fixed offices and IDs keep the sample deterministic; with the default seed none of these offices
 * carries a planned mistake.
 */
export type DriveFileState = 'ok' | 'empty' | 'trashed' | 'unshared';

const id = (name: string) => `1Sample${name}`.padEnd(33, '0');

export const SAMPLE_EVIDENCE_IDS = {
  unshared: id('Unshared'),
  trashed: id('Trashed'),
  emptyFile: id('EmptyFile'),
  emptyFolder: id('EmptyFolder'),
  fullFolder: id('FullFolder'),
  shared: id('Shared'),
  reused: id('Reused'),
} as const;

/** The Drive files behind the story links, for a fake Drive; every other Drive link of the sample is a plain, shared file. */
export const SAMPLE_DRIVE_FILES: readonly { id: string; state: DriveFileState; folder: boolean }[] = [
  { id: SAMPLE_EVIDENCE_IDS.unshared, state: 'unshared', folder: false },
  { id: SAMPLE_EVIDENCE_IDS.trashed, state: 'trashed', folder: false },
  { id: SAMPLE_EVIDENCE_IDS.emptyFile, state: 'empty', folder: false },
  { id: SAMPLE_EVIDENCE_IDS.emptyFolder, state: 'empty', folder: true },
  { id: SAMPLE_EVIDENCE_IDS.fullFolder, state: 'ok', folder: true },
  { id: SAMPLE_EVIDENCE_IDS.shared, state: 'ok', folder: false },
  { id: SAMPLE_EVIDENCE_IDS.reused, state: 'ok', folder: false },
];

const fileLink = (fileId: string) => `https://drive.google.com/file/d/${fileId}/view?usp=sharing`;
const folderLink = (folderId: string) => `https://drive.google.com/drive/folders/${folderId}`;
const docLink = (docId: string) => `https://docs.google.com/document/d/${docId}/edit?usp=sharing`;

/** Office code → the Bukti Dukung links its first realized Rencana Aksi rows get, and its first finished step. */
const STORIES: Readonly<Record<string, { actions: readonly string[]; stage?: string }>> = {
  // Kabupaten Pacitan: one file never shared with monev, one step's evidence in the trash.
  '3501': { actions: [fileLink(SAMPLE_EVIDENCE_IDS.unshared)], stage: fileLink(SAMPLE_EVIDENCE_IDS.trashed) },
  // Kabupaten Ponorogo: an empty upload, an empty folder, and a folder that does hold the evidence.
  '3502': {
    actions: [
      fileLink(SAMPLE_EVIDENCE_IDS.emptyFile),
      folderLink(SAMPLE_EVIDENCE_IDS.emptyFolder),
      folderLink(SAMPLE_EVIDENCE_IDS.fullFolder),
    ],
  },
  // Kabupaten Trenggalek and Tulungagung cite the same document.
  '3503': { actions: [docLink(SAMPLE_EVIDENCE_IDS.shared)] },
  '3504': { actions: [docLink(SAMPLE_EVIDENCE_IDS.shared)] },
  // Kabupaten Kediri pastes one document under three activities.
  '3506': {
    actions: [
      fileLink(SAMPLE_EVIDENCE_IDS.reused),
      fileLink(SAMPLE_EVIDENCE_IDS.reused),
      fileLink(SAMPLE_EVIDENCE_IDS.reused),
    ],
  },
};

/** Offices whose evidence tells one of the stories above: their only findings are evidence-* warnings. */
export const EVIDENCE_STORY_OFFICES: readonly string[] = Object.keys(STORIES);

/**
 * Kabupaten Malang pastes Drive links that Google Sheets turns into smart chips: in live mode its
 * Bukti Dukung cells show file names and carry the links in `chipRuns`. An .xlsx file cannot hold a
 * chip, so the workbook keeps the links as text and the fake Google API serves them as chips.
 */
export const SAMPLE_CHIP_OFFICE = '3507';

export function applyEvidenceStory(content: OfficeContent): void {
  const story = STORIES[content.office.code];
  if (!story) return;
  const actions = findTable(content, ACTION_PLAN_TAB.name);
  const evidence = actions.headers.indexOf('Bukti Dukung');
  if (evidence >= 0) {
    const realized = actions.rows.filter((row) => row[evidence] !== null && row[evidence] !== undefined);
    story.actions.forEach((link, i) => {
      const row = realized[i];
      if (row) row[evidence] = link;
    });
  }
  if (story.stage) replaceFirstFinished(findTable(content, STAGES_TAB.name), story.stage);
}

function replaceFirstFinished(table: SampleTable, link: string): void {
  const status = columnOf(table, 'Status');
  const evidence = columnOf(table, 'Bukti Dukung');
  const row = table.rows.find((cells) => cells[status] === 'Selesai');
  if (row) row[evidence] = link;
}
