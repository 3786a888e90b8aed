/** The Word export (GB/T 9704 layout). Pure; not re-exported by core/index.ts so the editor's bundle never carries it. */
export { exportDocx, STYLE_IDS, type DocxOptions, type DocxResult, type DocxWarning, type LoadedImage } from './docx';
export { resolveLayout, sizeInPoints, GBT9704_LAYOUT, CHINESE_SIZES, type Layout, type LayoutOverrides } from './style';
export { imageInfo, type ImageInfo } from './image';
