/**
 * A value built on first use and kept: tables the worker does not need on
 * every wake (a catalog's index, a validated model) are then built only when a
 * wake needs them, instead of each time the background script is evaluated.
 */
export function memoise<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
