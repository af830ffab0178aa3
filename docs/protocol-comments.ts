import { join } from 'node:path';
import ts from 'typescript';

/**
 * The doc comments the protocol's sources already hold, read with the TypeScript compiler, so the
 * AsyncAPI document says what the code says: for each command the comment of its payload schema
 * (`protocol/commands.ts` → the schema's declaration) and of its result (`CommandResults`), for each
 * server event the comment of its payload type (`ServerToClientEvents`).
 */
export interface ProtocolComments {
  readonly commands: ReadonlyMap<string, { readonly payload: string; readonly result: string }>;
  readonly events: ReadonlyMap<string, string>;
  /** `HANDSHAKE_REFUSALS`: the reason code and its comment. */
  readonly refusals: ReadonlyMap<string, string>;
}

const PROTOCOL = join(import.meta.dirname, '../protocol');

function text(symbol: ts.Symbol | undefined, checker: ts.TypeChecker): string {
  if (!symbol) return '';
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return ts.displayPartsToString(target.getDocumentationComment(checker)).replace(/\s+/g, ' ').trim();
}

function propertiesOf(file: ts.SourceFile, name: string): readonly ts.ObjectLiteralElementLike[] | readonly ts.TypeElement[] {
  let found: readonly ts.ObjectLiteralElementLike[] | readonly ts.TypeElement[] = [];
  file.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === name) found = node.members;
    if (ts.isVariableStatement(node)) {
      for (const d of node.declarationList.declarations) {
        if (!ts.isIdentifier(d.name) || d.name.text !== name || !d.initializer) continue;
        let init: ts.Expression = d.initializer;
        while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init)) init = init.expression;
        if (ts.isObjectLiteralExpression(init)) found = init.properties;
      }
    }
  });
  return found;
}

const keyOf = (name: ts.PropertyName | undefined): string => (name && (ts.isStringLiteral(name) || ts.isIdentifier(name)) ? name.text : '');

/** Reads the comments (about a second: one TypeScript program over `protocol/`). */
export function readProtocolComments(): ProtocolComments {
  const files = ['commands.ts', 'command-map.ts', 'server-events.ts', 'errors.ts'].map((f) => join(PROTOCOL, f));
  const program = ts.createProgram(files, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const source = (f: string) => {
    const file = program.getSourceFile(join(PROTOCOL, f));
    if (!file) throw new Error(`protocol/${f} is not in the program`);
    return file;
  };
  const results = new Map<string, string>();
  for (const member of propertiesOf(source('command-map.ts'), 'CommandResults')) {
    if (ts.isPropertySignature(member)) results.set(keyOf(member.name), text(checker.getSymbolAtLocation(member.name), checker) || text(member.type && checker.getTypeAtLocation(member.type).aliasSymbol, checker) || text(member.type && checker.getTypeAtLocation(member.type).getSymbol(), checker));
  }
  const commands = new Map<string, { payload: string; result: string }>();
  for (const property of propertiesOf(source('commands.ts'), 'COMMAND_SCHEMAS')) {
    if (!ts.isPropertyAssignment(property)) continue;
    const name = keyOf(property.name);
    commands.set(name, { payload: text(checker.getSymbolAtLocation(property.initializer), checker), result: results.get(name) ?? '' });
  }
  const events = new Map<string, string>();
  for (const member of propertiesOf(source('server-events.ts'), 'ServerToClientEvents')) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isFunctionTypeNode(member.type)) continue;
    const parameter = member.type.parameters[0]?.type;
    const type = parameter ? checker.getTypeAtLocation(parameter) : undefined;
    const own = text(checker.getSymbolAtLocation(member.name), checker);
    const reference = parameter && ts.isTypeReferenceNode(parameter) ? text(checker.getSymbolAtLocation(parameter.typeName), checker) : '';
    events.set(keyOf(member.name), own || reference || text(type?.aliasSymbol, checker) || text(type?.getSymbol(), checker));
  }
  const refusals = new Map<string, string>();
  for (const property of propertiesOf(source('errors.ts'), 'HANDSHAKE_REFUSALS')) {
    if (ts.isPropertyAssignment(property) && ts.isStringLiteral(property.initializer)) refusals.set(property.initializer.text, text(checker.getSymbolAtLocation(property.name), checker));
  }
  return { commands, events, refusals };
}
