/** Every word the Word export writes or reports, English as the key (l10n/bundle.l10n.zh-cn.json). */
import * as l10n from '@vscode/l10n';

export const exportMessages = {
  imageRemote: (src: string) => l10n.t('The image {0} is on the web; it is not fetched, its description is kept instead.', src),
  imageMissing: (src: string, reason: string) => l10n.t('The image {0} could not be read ({1}); its description is kept instead.', src, reason),
  imageFormat: (src: string) => l10n.t('The image {0} is not a PNG, JPEG, GIF or BMP file; its description is kept instead.', src),
  imageText: (alt: string) => (alt ? l10n.t('[Image: {0}]', alt) : l10n.t('[Image]')),
};
