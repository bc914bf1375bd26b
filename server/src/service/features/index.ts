// The editor features of the language service: pure functions of a TemplateProject, a URI and a
// position or range, returning LSP values. server/src/featureHandlers.ts wires them to a connection.
export { codeActions } from './codeActions';
export { autoFix, FIXABLE_CODES, type AutoFix } from './quickFixes';
export { completion } from './completion';
export { definition, toLocations } from './definition';
export { documentHighlight } from './documentHighlight';
export { documentSymbols } from './documentSymbols';
export { hover, variableMarkdown, type HoverContext } from './hover';
export { references } from './references';
export { isRefusal, prepareRename, rename, type Refusal } from './rename';
