/** The input layer's public face: documents from files, directories, feeds, JSONL and stdin. */
export { readInputs, DEFAULT_MAX_BYTES } from './read.js';
export { parsePublished } from './published.js';
export { canonicalUrl, contentIdentity, pathIdentity } from './identity.js';
export type { IdentityOptions, InputFormat, InputItem, RawDoc, ReadOptions } from './types.js';
