// The project's own lint rules (see docs/architecture.md, "Small rooms"); tests/unit/small-rooms.test.ts
// proves each one bites.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The features folder, from this file's place in the repository (not the shell's working directory). */
const FEATURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../renderer/features');

/** `renderer/features/<name>` of a file inside one, else null. */
function featureOf(file) {
  const rel = path.relative(FEATURES, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const [name, ...rest] = rel.split(path.sep);
  return rest.length ? name : null;
}

/**
 * Features import each other only through the other folder's index.ts: `../present` (or `../present/index`),
 * never `../present/useDeck`. So each folder says in one place what others may use, and may rearrange
 * everything else. Applies to every file outside the feature (App.tsx, views.tsx, main.tsx, other features).
 */
const featureIndex = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another feature folder only through its index.ts' },
    schema: [],
    messages: {
      deep: "Import feature '{{feature}}' through its index ('{{index}}'), not '{{source}}': renderer/features/{{feature}}/index.ts says what other parts may use.",
    },
  },
  create(context) {
    const file = context.filename;
    const mine = featureOf(file);
    const check = (source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const rel = path.relative(FEATURES, path.resolve(path.dirname(file), source.value)).split(path.sep);
      const name = rel[0];
      if (!name || name === '..' || path.isAbsolute(name) || name === mine) return;
      const deep = rel.length > 2 || (rel.length === 2 && !/^index(\.tsx?)?$/.test(rel[1]));
      if (!deep) return;
      const index = path.relative(path.dirname(file), path.join(FEATURES, name)).split(path.sep).join('/');
      context.report({ node: source, messageId: 'deep', data: { feature: name, source: source.value, index: index.startsWith('.') ? index : `./${index}` } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source.type === 'Literal' ? node.source : null),
    };
  },
};

const isComponentName = (name) => typeof name === 'string' && /^[A-Z]/.test(name);

/** The function a `const X = …` declares as a component: an arrow/function, also inside memo(…) or forwardRef(…). */
function componentFunction(init) {
  if (!init) return null;
  if (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression') return init;
  if (init.type === 'CallExpression' && init.arguments.length > 0) return componentFunction(init.arguments[0]);
  return null;
}

/**
 * No React function component longer than `max` lines (default 150), counted from its declaration to its
 * closing brace, blank lines included. Components are the PascalCase functions of .tsx files.
 */
const maxComponentLines = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Keep React function components short' },
    schema: [{ type: 'object', properties: { max: { type: 'integer', minimum: 1 } }, additionalProperties: false }],
    messages: { long: "Component '{{name}}' has {{lines}} lines (at most {{max}}): split it into smaller components or hooks." },
  },
  create(context) {
    if (!context.filename.endsWith('.tsx')) return {};
    const max = context.options[0]?.max ?? 150;
    const measure = (node, name, decl) => {
      const lines = decl.loc.end.line - decl.loc.start.line + 1;
      if (lines > max) context.report({ node, messageId: 'long', data: { name, lines, max } });
    };
    return {
      FunctionDeclaration(node) {
        if (node.id && isComponentName(node.id.name)) measure(node.id, node.id.name, node);
      },
      VariableDeclarator(node) {
        if (node.id.type !== 'Identifier' || !isComponentName(node.id.name)) return;
        const fn = componentFunction(node.init);
        if (fn) measure(node.id, node.id.name, node);
      },
    };
  },
};

export default { meta: { name: 'sgw' }, rules: { 'feature-index': featureIndex, 'max-component-lines': maxComponentLines } };
