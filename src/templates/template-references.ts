import path from 'node:path';
import nunjucks from 'nunjucks';
import { TEMPLATE_SYNTAX } from './template-syntax.js';

/** The part of a Nunjucks parse tree read here (the parser has no published types). */
interface TreeNode {
  readonly typename: string;
  readonly value?: unknown;
  readonly children?: readonly TreeNode[];
  readonly template?: TreeNode;
  readonly body?: TreeNode;
  readonly else_?: TreeNode | null;
  findAll(type: unknown): TreeNode[];
}

const { parser, nodes } = nunjucks as unknown as {
  parser: { parse(src: string, extensions: unknown[], options: object): TreeNode };
  nodes: Record<'Extends' | 'Include' | 'Import' | 'FromImport', unknown>;
};

/** The tags that name another template: `{% extends %}`, `{% include %}`, `{% import %}`, `{% from %}`. */
const NAMING = [nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport];

/**
 * The templates that the template `name` extends, includes or imports, read from its parse tree (so
 * a name inside a comment or a `{% raw %}` block is none); `undefined` when that cannot be known: a
 * name made by an expression (`"notice-" + site.language + ".njk"`, a variable, a filter), or a
 * template that does not parse. Whoever uses it must then assume it may use any template.
 */
export function templateReferences(name: string, text: string): string[] | undefined {
  let tree: TreeNode;
  try {
    tree = parser.parse(text, [], TEMPLATE_SYNTAX);
  } catch {
    // Its error is reported when it is compiled.
    return undefined;
  }
  const found = new Set<string>();
  for (const type of NAMING) {
    for (const tag of tree.findAll(type)) {
      const named = tag.template && literalNames(tag.template);
      if (!named) return undefined;
      for (const n of named) found.add(resolveName(name, n));
    }
  }
  return [...found].sort();
}

/**
 * The names an expression can give when they are all written out: a string, or either branch of
 * `"a.njk" if x else "b.njk"`. Anything else could give any name.
 */
function literalNames(expr: TreeNode): string[] | undefined {
  switch (expr.typename) {
    case 'Literal':
      return typeof expr.value === 'string' ? [expr.value] : undefined;
    case 'Group':
      return expr.children?.length === 1 && expr.children[0] ? literalNames(expr.children[0]) : undefined;
    case 'InlineIf': {
      // Without an else, the name is empty when the condition fails: Nunjucks refuses that itself.
      const body = expr.body && literalNames(expr.body);
      const otherwise = expr.else_ ? literalNames(expr.else_) : [];
      return body && otherwise && [...body, ...otherwise];
    }
    default:
      return undefined;
  }
}

/** As Nunjucks' file loader does: `./x.njk` and `../x.njk` are relative to the template naming them. */
const resolveName = (from: string, to: string): string =>
  to.startsWith('./') || to.startsWith('../') ? path.posix.join(path.posix.dirname(from), to) : to;
