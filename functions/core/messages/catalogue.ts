/**
 * The shape every message catalogue shares (the pattern of core/findings.ts): each audience has its
 * codes, each code its parameters and one Indonesian message built from them. The mapped type makes
 * the compiler insist that every code has a message, and a code names a message stably even when its
 * wording changes.
 */
export type Catalogue<Params> = { readonly [C in keyof Params]: (params: Params[C]) => string };

/** The message function of a catalogue: `message(code, params)`. */
export function messagesOf<Params>(catalogue: Catalogue<Params>) {
  return <C extends keyof Params>(code: C, ...params: Params[C] extends Record<string, never> ? [] : [Params[C]]) =>
    catalogue[code]((params[0] ?? {}) as Params[C]);
}

/** Each label in double quotes, as messages name columns: "Kode", "Sumber". */
export function quoted(labels: readonly string[]): string[] {
  return labels.map((label) => `"${label}"`);
}
