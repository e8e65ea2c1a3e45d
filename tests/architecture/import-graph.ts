import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The runtime import graph of the project's own TypeScript, read with the compiler's
 * parser and resolver: `import type` and type-only specifiers are left out (they do not
 * ship), dynamic `import()` with a literal is kept (the lazily loaded card UI is code the
 * content script runs too).
 */
export interface ImportGraph {
  /** Repo-relative files reachable from the entries, the entries included. */
  readonly files: readonly string[];
  /** Bare package specifiers imported by a reachable file, with one importer each. */
  readonly packages: ReadonlyMap<string, string>;
}

const COMPILER_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  jsx: ts.JsxEmit.ReactJSX,
};

const ASSET = /\.(css|svg|png|json|html)(\?.*)?$/;

function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

export function importGraph(root: string, entries: readonly string[]): ImportGraph {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const pending = entries.map((entry) => resolve(root, entry));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`import graph: ${relative(root, file)} does not exist`);
    seen.add(file);
    for (const specifier of runtimeSpecifiers(file)) {
      const local = specifier.startsWith('.') || specifier.startsWith('@/');
      // Stylesheets and other assets are data, not code that could import anything.
      if (local && ASSET.test(specifier)) continue;
      if (!local) {
        const parts = specifier.split('/');
        const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? '');
        if (!packages.has(name)) packages.set(name, relative(root, file));
        continue;
      }
      const resolved = ts.resolveModuleName(
        specifier.startsWith('@/') ? resolve(root, specifier.slice(2)) : specifier,
        file,
        COMPILER_OPTIONS,
        ts.sys,
      ).resolvedModule;
      if (resolved === undefined) {
        throw new Error(`import graph: cannot resolve '${specifier}' from ${relative(root, file)}`);
      }
      if (!resolved.isExternalLibraryImport) pending.push(resolved.resolvedFileName);
    }
  }
  return {
    files: [...seen].map((file) => relative(root, file)).sort(),
    packages,
  };
}

export const PROJECT_ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
