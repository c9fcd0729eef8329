import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * SQL text lives in shared/sql only (identifiers through ident()). This walks every string literal,
 * template literal and JSX text of the app's sources with the TypeScript parser and fails on SQL
 * outside shared/sql. Comments and regular expressions are not literals, so they may mention SQL.
 */
const root = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['renderer', 'shared', 'electron'];

/**
 * Files that still hold SQL because another part of the team is rewriting them in parallel; each entry
 * says who moves it. The test fails when an entry no longer holds SQL, so the list can only shrink.
 */
const NOT_YET_MOVED: Record<string, string> = {
  'shared/i18n/features/cli.ts': 'not SQL to run: the CLI usage example `sgw query "SELECT 1"` in a message',
};

// Upper-case keywords as this code base writes SQL; each pattern needs the shape of a statement.
const SQL_PATTERNS = [
  /\bSELECT\b[\s\S]*\bFROM\b/,
  /\bSELECT\s+(DISTINCT\s+)?[\w"*]/,
  /\bINSERT\s+INTO\b/,
  /\bUPDATE\s+\S+\s+SET\b/,
  /\bDELETE\s+FROM\b/,
  /\b(CREATE|DROP|ALTER)\s+(OR\s+REPLACE\s+)?(TEMP(ORARY)?\s+)?(TABLE|VIEW|SCHEMA|MACRO|SEQUENCE|INDEX|TYPE)\b/,
  /\bWITH\s+\w+\s+AS\s*\(/,
  /^\s*(BEGIN(\s+TRANSACTION)?|COMMIT|ROLLBACK)\s*;?\s*$/,
];

export function looksLikeSql(text: string): boolean {
  return SQL_PATTERNS.some((p) => p.test(text));
}

/** The literal texts of a source file that look like SQL, with their line numbers. */
export function sqlLiterals(fileName: string, source: string): { line: number; text: string }[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { line: number; text: string }[] = [];
  const check = (node: ts.Node, text: string) => {
    if (looksLikeSql(text)) found.push({ line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.slice(0, 80) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isJsxText(node)) check(node, node.text);
    else if (ts.isTemplateExpression(node)) check(node, [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ${} '));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return rel === 'shared/sql' ? [] : sources(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

describe('SQL text only in shared/sql', () => {
  it('recognises SQL in strings, templates and JSX, and not in comments or regular expressions', () => {
    const code = [
      "const a = 'SELECT * FROM t';",
      'const b = `SELECT DISTINCT ${col} AS v FROM ${table}`;',
      'const c = `-- 示例\\nSELECT year\\nFROM sh_social_org`;',
      'const d = <pre>DELETE FROM t WHERE x = 1</pre>;',
      "const e = `DROP TABLE IF EXISTS ${ident(t)}`;",
      "const f = 'COMMIT';",
      '// SELECT * FROM comment',
      'const g = /CREATE\\s+VIEW/;',
      "const h = '请选择要导入的文件 from the list';",
      "const i = t('sql.run');",
    ].join('\n');
    expect(sqlLiterals('x.tsx', code).map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('finds no SQL outside shared/sql (but in the files still being moved)', () => {
    const offenders = SCANNED.flatMap(sources)
      .filter((f) => !(f in NOT_YET_MOVED))
      .flatMap((f) => sqlLiterals(f, readFileSync(path.join(root, f), 'utf8')).map((s) => `${f}:${s.line}: ${s.text}`));
    expect(offenders).toEqual([]);
  });

  it('keeps the list of files still to move honest', () => {
    const stale = Object.keys(NOT_YET_MOVED).filter((f) => {
      try {
        return sqlLiterals(f, readFileSync(path.join(root, f), 'utf8')).length === 0;
      } catch {
        return true;
      }
    });
    expect(stale, 'these no longer hold SQL: remove them from NOT_YET_MOVED').toEqual([]);
  });
});
