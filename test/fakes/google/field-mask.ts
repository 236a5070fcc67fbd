import { invalidArgument } from './api-error.js';

/**
 * Google's partial-response field masks (`fields=sheets(properties(sheetId,title),data.rowData)`),
 * parsed into a tree and applied to a JSON value. Sub-selections nest with parentheses, paths use
 * `.` or `/`, and `*` selects everything. Arrays are filtered element by element, as Google does.
 */
export type MaskTree = Map<string, MaskTree | null>;

export function parseFieldMask(mask: string): MaskTree {
  const parser = new MaskParser(mask.replace(/\s+/g, ''));
  const tree = parser.list();
  if (!parser.done()) throw invalidArgument(`Invalid field selection ${mask}`);
  return tree;
}

class MaskParser {
  private at = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  list(): MaskTree {
    const tree: MaskTree = new Map();
    for (;;) {
      this.item(tree);
      if (this.text[this.at] !== ',') return tree;
      this.at++;
    }
  }

  private item(into: MaskTree): void {
    const path: string[] = [this.name()];
    while (this.text[this.at] === '.' || this.text[this.at] === '/') {
      this.at++;
      path.push(this.name());
    }
    let sub: MaskTree | null = null;
    if (this.text[this.at] === '(') {
      this.at++;
      sub = this.list();
      if (this.text[this.at] !== ')') throw invalidArgument(`Invalid field selection: expected ")" at ${this.at}`);
      this.at++;
    }
    insert(into, path, sub);
  }

  private name(): string {
    const match = /^[A-Za-z0-9_*@]+/.exec(this.text.slice(this.at));
    if (!match) throw invalidArgument(`Invalid field selection: expected a field name at ${this.at}`);
    this.at += match[0].length;
    return match[0];
  }
}

function insert(tree: MaskTree, path: readonly string[], sub: MaskTree | null): void {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    const existing = tree.get(head);
    if (existing === null || sub === null) tree.set(head, null);
    else tree.set(head, merge(existing ?? new Map(), sub));
    return;
  }
  const existing = tree.get(head);
  if (existing === null) return;
  const child = existing ?? new Map<string, MaskTree | null>();
  tree.set(head, child);
  insert(child, rest, sub);
}

function merge(a: MaskTree, b: MaskTree): MaskTree {
  for (const [key, sub] of b) insert(a, [key], sub);
  return a;
}

/** The parts of `value` the mask selects; `null` (no mask) keeps everything. */
export function applyFieldMask<T>(value: T, tree: MaskTree | null): T {
  if (tree === null || tree.has('*')) return value;
  if (Array.isArray(value)) return value.map((item) => applyFieldMask(item, tree)) as T;
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) result[key] = applyFieldMask(field, sub);
  }
  return result as T;
}

/** The sub-tree under a dotted path, for masks written relative to a field (updateCells `fields`). */
export function maskAt(tree: MaskTree | null, path: readonly string[]): MaskTree | null | undefined {
  let node: MaskTree | null | undefined = tree;
  for (const key of path) {
    if (node === null) return null;
    if (node === undefined) return undefined;
    if (node.has('*')) return null;
    node = node.get(key);
  }
  return node;
}
