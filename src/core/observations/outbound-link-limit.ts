/**
 * Links leaving the site one reading of a page takes; the rest are counted as
 * a loss. A module of its own: the content script in every frame reads it, and
 * must not load the classifiers link-decoration.ts needs (the public suffix
 * list alone is 160 kB of script, compiled in each frame).
 */
export const MAX_OUTBOUND_LINKS = 200;
