export * from './areas.js';
export * from './choices.js';
export * from './columns.js';
export * from './offices.js';
export * from './office-workbook.js';
export * from './rekap-workbook.js';
export * from './guide.js';
