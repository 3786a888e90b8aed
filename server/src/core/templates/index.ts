export * from './model';
export { parseTemplate } from './parse';
export { checkTemplate, templateFit, bodyLength, type TemplateFinding, type TemplateCode } from './check';
export { findTemplate, recognizeTemplate } from './registry';
export { renumberMarker } from './insert';
export { normalizeTitle, similarity, sectionNames, sectionNamesOfAll } from './titles';
export { compileSafe, regexError } from './regex';
export { deriveTemplate, maskNumbers } from './derive';
