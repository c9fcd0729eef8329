import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The module graph of the project's TypeScript sources, read with TypeScript's own parser and resolver
 * (moduleResolution Bundler, as tsconfig.base.json), so an import counts exactly when the compiler would
 * follow it. Every kind of edge counts: static imports, `import type`, re-exports and `import()` — a cycle
 * of types still ties two rooms together, and a lazy import that leads back is a cycle once loaded.
 */
export interface ImportEdge {
  from: string;
  to: string;
  line: number;
  kind: 'static' | 'type' | 'dynamic';
}

const OPTIONS: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, resolveJsonModule: true, allowImportingTsExtensions: true };

/** Every .ts/.tsx file under `dirs` (relative to `root`), skipping declaration files and node_modules. */
export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  const walk = (rel: string): string[] =>
    readdirSync(path.join(root, rel), { withFileTypes: true }).flatMap((e) => {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(child);
      return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [child] : [];
    });
  return dirs.flatMap(walk).sort();
}

/** The module specifiers a file imports, with their kind and line. */
export function importsOf(fileName: string, source: string): { specifier: string; line: number; kind: ImportEdge['kind'] }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { specifier: string; line: number; kind: ImportEdge['kind'] }[] = [];
  const add = (node: ts.Node, spec: ts.Expression | undefined, kind: ImportEdge['kind']) => {
    if (spec && ts.isStringLiteralLike(spec)) found.push({ specifier: spec.text, line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, kind });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier, typeOnly ? 'type' : 'static');
    } else if (ts.isExportDeclaration(node)) add(node, node.moduleSpecifier, node.isTypeOnly ? 'type' : 'static');
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node, node.arguments[0], 'dynamic');
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node, node.argument.literal, 'type');
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node, node.moduleReference.expression, 'static');
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The edges between `files` (paths relative to `root`); imports of packages and assets are left out. */
export function moduleGraph(root: string, files: readonly string[]): ImportEdge[] {
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  const cache = ts.createModuleResolutionCache(root, (f) => f, OPTIONS);
  for (const from of files) {
    const abs = path.join(root, from);
    for (const imp of importsOf(from, readFileSync(abs, 'utf8'))) {
      // No tsconfig has `paths` or `baseUrl`: only a relative specifier can name one of our files.
      if (!imp.specifier.startsWith('.')) continue;
      const resolved = ts.resolveModuleName(imp.specifier, abs, OPTIONS, ts.sys, cache).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const to = path.relative(root, resolved.resolvedFileName).split(path.sep).join('/');
      if (known.has(to)) edges.push({ from, to, line: imp.line, kind: imp.kind });
    }
  }
  return edges;
}

/**
 * The cycles of a directed graph: each strongly connected component of more than one node (or a node that
 * imports itself), reported as one closed path through it so the message shows the way round.
 */
export function cycles(edges: readonly { from: string; to: string }[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  // Tarjan's strongly connected components, iterative so a deep graph cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const top = work[work.length - 1];
      const succ = next.get(top.node) ?? [];
      if (top.i < succ.length) {
        const w = succ[top.i++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) low.set(work[work.length - 1].node, Math.min(low.get(work[work.length - 1].node)!, low.get(top.node)!));
      if (low.get(top.node) === index.get(top.node)) {
        const comp: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== top.node);
        if (comp.length > 1 || succ.includes(top.node)) components.push(comp);
      }
    }
  }
  return components.map((comp) => pathRound(comp, next));
}

/** A closed walk from the component's first node back to itself (breadth-first, so it is a shortest one). */
function pathRound(comp: string[], next: Map<string, string[]>): string[] {
  const inComp = new Set(comp);
  const start = [...comp].sort()[0];
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const n = queue.shift()!;
    for (const w of next.get(n) ?? []) {
      if (!inComp.has(w)) continue;
      if (w === start) {
        const way = [start];
        for (let at = n; at !== start; at = prev.get(at)!) way.splice(1, 0, at);
        return [...way, start];
      }
      if (!prev.has(w)) {
        prev.set(w, n);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
