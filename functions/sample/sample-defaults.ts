/** The sample province `monev sample` and `monev start` make unless told otherwise (no imports: the CLI's help names them). */
export const SAMPLE_DEFAULTS = { offices: 38, seed: 2025, period: '2025-TW3' } as const;
