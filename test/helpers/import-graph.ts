import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Source files (paths relative to the repository) and the project files each one imports. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/**
 * The import graph of the TypeScript files under `roots`, as the compiler's pre-processor sees it: static
 * imports, `import type`, `export … from` and `import()` alike, since a type-only cycle still ties two
 * modules together for a reader. Only relative specifiers are edges; packages are not part of the project.
 */
export function importGraph(repository: string, roots: readonly string[]): ImportGraph {
  const graph = new Map<string, string[]>();
  for (const file of roots.flatMap((root) => typeScriptFiles(join(repository, root)))) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((imported) => imported.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => relative(repository, resolveSpecifier(dirname(file), specifier)));
    graph.set(relative(repository, file), [...new Set(targets)]);
  }
  return graph;
}

/**
 * Every import cycle, one per strongly connected component (Tarjan), as the files of that component in
 * import order starting from its first file by name: ["a.ts", "b.ts"] reads "a.ts imports … b.ts imports
 * … a.ts". A file that imports itself is a cycle of one.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;

  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file)!, index.get(target)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(inImportOrder(graph, component));
  };

  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return cycles;
}

/** A walk through a component along its imports, so that a failure shows who imports whom. */
function inImportOrder(graph: ImportGraph, component: readonly string[]): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  const order = [start];
  const seen = new Set(order);
  let current = start;
  for (;;) {
    const next = (graph.get(current) ?? []).find((target) => members.has(target) && !seen.has(target));
    if (next === undefined) break;
    order.push(next);
    seen.add(next);
    current = next;
  }
  // A component may branch; its files the walk did not reach still belong to the cycle.
  return [...order, ...component.filter((file) => !seen.has(file)).sort()];
}

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return typeScriptFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** ESM specifiers name the emitted file ("./cells.js"); the source is its .ts twin, or a folder's index.ts. */
function resolveSpecifier(from: string, specifier: string): string {
  const path = resolve(from, specifier);
  if (path.endsWith('.js')) return `${path.slice(0, -3)}.ts`;
  if (path.endsWith('.ts')) return path;
  return join(path, 'index.ts');
}

/** What loading a module loads with it: project files (relative paths) and packages, by name. */
export interface LoadedAtImport {
  readonly files: readonly string[];
  readonly packages: readonly string[];
}

/**
 * Everything `import`ing `entry` loads before any of its code runs, as Node loads the emitted JavaScript:
 * static imports and re-exports, followed file by file. `import type` and `export type` are left out (the
 * compiler drops them), and so are `import()` calls (they load at first use, which is their point). With
 * verbatimModuleSyntax an import whose names are all inline types still loads its module, and so counts.
 */
export function loadedAtImport(repository: string, entry: string): LoadedAtImport {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const path = join(repository, file);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2023);
    for (const statement of source.statements) {
      const specifier =
        ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly
          ? statement.moduleSpecifier
          : ts.isExportDeclaration(statement) && !statement.isTypeOnly
            ? statement.moduleSpecifier
            : undefined;
      if (!specifier || !ts.isStringLiteral(specifier)) continue;
      const name = specifier.text;
      if (name.startsWith('.')) visit(relative(repository, resolveSpecifier(dirname(path), name)));
      else if (!name.startsWith('node:')) packages.add(packageName(name));
    }
  };
  visit(entry);
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/** "@scope/name/sub" → "@scope/name"; "name/sub" → "name". */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
