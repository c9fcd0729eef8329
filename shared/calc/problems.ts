/**
 * Why a calculated field cannot be used, as a code with parameters (turned into words by describeCalcProblem):
 * from our own rules (names, the formula's text, the plan's shape) or from the engine's error, read here.
 */
import { toDbError } from '../db';
import type { MessageKey, Translate } from '../i18n';

export type CalcProblemCode =
  | 'empty'
  | 'too-long'
  | 'semicolon'
  | 'control'
  | 'name-invalid'
  | 'name-taken'
  | 'syntax'
  | 'incomplete'
  | 'no-column'
  | 'complex-column'
  | 'table-ref'
  | 'no-function'
  | 'types'
  | 'conversion'
  | 'not-one-value'
  | 'aggregate'
  | 'window'
  | 'subquery'
  | 'unnest'
  | 'not-scalar'
  | 'nested-result'
  | 'writes'
  | 'yoy-year-type'
  | 'yoy-value-type'
  | 'other';

export interface CalcProblem {
  code: CalcProblemCode;
  params?: Record<string, string>;
  /** The engine's own message (first line, without its type prefix), when the engine refused. */
  detail?: string;
}

/** duckdb-wasm's browser build reports some errors as JSON ({"exception_type": "Binder", "exception_message": …}). */
function engineText(e: unknown): string {
  const message = toDbError(e).message;
  if (!message.trimStart().startsWith('{')) return message;
  try {
    const j = JSON.parse(message) as { exception_type?: unknown; exception_message?: unknown };
    return `${String(j.exception_type ?? '')} Error: ${String(j.exception_message ?? '')}`;
  } catch {
    return message;
  }
}

/** The first line of the engine's message without its "Binder Error:" prefix. */
function firstLine(text: string): string {
  return text.replace(/^[A-Za-z ]*Error:\s*/, '').split('\n')[0].trim();
}

/** Engine type names in a function signature ("+(VARCHAR, INTEGER_LITERAL)") → the kinds of value they hold. */
export function typeKind(type: string): 'text' | 'number' | 'date' | 'time' | 'boolean' | 'interval' | 'list' | 'other' {
  const t = type.trim().toUpperCase();
  if (/\[\]$|^LIST/.test(t)) return 'list';
  if (/^(VARCHAR|STRING_LITERAL|TEXT|CHAR|BPCHAR|STRING)/.test(t)) return 'text';
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|U?INT(8|16|32|64|128)\b|FLOAT|DOUBLE|REAL|DECIMAL|NUMERIC)/.test(t)) return 'number';
  if (/^DATE$/.test(t)) return 'date';
  if (/^(TIMESTAMP|TIME)/.test(t)) return 'time';
  if (/^BOOL/.test(t)) return 'boolean';
  if (/^INTERVAL/.test(t)) return 'interval';
  return 'other';
}

function signature(fn: string, args: string): Record<string, string> {
  const kinds = args
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .map(typeKind);
  return { function: fn, types: kinds.join(',') };
}

/** Reads an engine error about a formula into a problem; `complex` names the columns left out of the sandbox, with their types. */
export function problemFromEngine(e: unknown, complex: ReadonlyMap<string, string> = new Map()): CalcProblem {
  const text = engineText(e);
  const detail = firstLine(text);
  const m = (re: RegExp) => re.exec(text);
  let r: RegExpExecArray | null;
  if (/TransactionContext|read-only mode/i.test(text)) return { code: 'writes', detail };
  if ((r = m(/^Parser Error: syntax error at end of input/i)) || /__postfix/.test(text)) return { code: 'incomplete', detail };
  if ((r = m(/^Parser Error: syntax error at or near "(.*?)"/i))) return { code: 'syntax', params: { near: r[1] }, detail };
  if ((r = m(/^Parser Error/i))) return { code: 'syntax', params: { near: '' }, detail };
  if ((r = m(/Referenced column "(.+?)" not found/i))) {
    const type = complex.get(r[1]) ?? [...complex].find(([name]) => name.toLowerCase() === r![1].toLowerCase())?.[1];
    if (type) return { code: 'complex-column', params: { column: r[1], type }, detail };
    const candidates = /Candidate bindings: (.*)/.exec(text)?.[1]?.replace(/"/g, '') ?? '';
    return { code: 'no-column', params: { column: r[1], candidates }, detail };
  }
  if (/is a table function but it was used as a scalar/i.test(text)) return { code: 'subquery', detail };
  if ((r = m(/Referenced table "(.+?)" not found/i))) return { code: 'table-ref', params: { table: r[1] }, detail };
  if ((r = m(/Function with name "?([^\s"!]+)"? does not exist/i))) {
    const suggestion = /Did you mean "(.+?)"/.exec(text)?.[1] ?? '';
    return { code: 'no-function', params: { function: r[1], suggestion }, detail };
  }
  if ((r = m(/argument types '([^(']+)\((.*?)\)'/i)) || (r = m(/function call "([^("]+)\((.*?)\)"/i))) return { code: 'types', params: signature(r[1], r[2]), detail };
  if ((r = m(/Cannot (?:compare|mix) values of type (\S+) and(?: type)? (\S+?)[\s.-]/i))) return { code: 'types', params: signature('', `${r[1]}, ${r[2]}`), detail };
  if ((r = m(/^(?:Conversion|Invalid Input) Error: Could not convert (?:string )?'(.*?)' to (\S+)/i))) return { code: 'conversion', params: { value: r[1], type: typeKind(r[2]) }, detail };
  if (/^(?:Conversion|Invalid Input|Out of Range) Error/i.test(text)) return { code: 'conversion', params: { value: '', type: 'other' }, detail };
  if (/aggregate function/i.test(text)) return { code: 'aggregate', detail };
  if (/window function/i.test(text)) return { code: 'window', detail };
  return { code: 'other', detail };
}

/** The problem in words, in the UI language; the engine's detail is kept apart for a "details" line. */
export function describeCalcProblem(p: CalcProblem, t: Translate): { message: string; detail?: string } {
  const params: Record<string, string> = { ...p.params };
  if (p.code === 'types') {
    params.types = (p.params?.types ?? '')
      .split(',')
      .filter(Boolean)
      .map((k) => t(`calc.type.${k}` as MessageKey))
      .join(t('calc.listSep'));
  }
  if (p.code === 'conversion') params.type = t(`calc.type.${p.params?.type ?? 'other'}` as MessageKey);
  let message = t(`calc.problem.${p.code}` as MessageKey, params);
  if (p.code === 'no-function' && p.params?.suggestion) message += t('calc.problem.suggestion', { suggestion: p.params.suggestion });
  if (p.code === 'no-column' && p.params?.candidates) message += t('calc.problem.candidates', { candidates: p.params.candidates });
  return { message, ...(p.detail ? { detail: p.detail } : {}) };
}
