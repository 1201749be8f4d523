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

/**
 * A value built from an object on first use and kept while that object lives:
 * an index of a table that is handed over at run time rather than imported.
 */
export function memoiseOn<K extends object, T>(build: (key: K) => T): (key: K) => T {
  const built = new WeakMap<K, T>();
  return (key) => {
    if (built.has(key)) return built.get(key) as T;
    const value = build(key);
    built.set(key, value);
    return value;
  };
}
