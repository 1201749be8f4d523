/**
 * A Map that forgets everything when it reaches its size cap: lookups of
 * repeated keys (the same few cookie names and hosts recur all the time) are
 * one hash probe, and memory stays bounded whatever the input.
 */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): void {
    if (this.map.size >= this.capacity) this.map.clear();
    this.map.set(key, value);
  }
}

/**
 * A BoundedCache keyed by two strings. Nesting the maps instead of joining the
 * strings matters for speed: a string that is already a property of an
 * observation keeps its hash, while a freshly joined key must be hashed anew
 * on every lookup. Nesting also keeps keys unambiguous, whatever characters
 * the strings hold.
 */
export class BoundedPairCache<V> {
  private readonly outer = new Map<string, Map<string, V>>();
  private size = 0;
  private chars = 0;

  /**
   * @param capacity entries kept before everything is forgotten
   * @param maxChars key characters kept before everything is forgotten: the
   *   keys are held, so long keys (a 16 KB cookie value) must not pile up
   */
  constructor(
    private readonly capacity: number,
    private readonly maxChars = Number.POSITIVE_INFINITY,
  ) {}

  get(first: string, second: string): V | undefined {
    return this.outer.get(first)?.get(second);
  }

  set(first: string, second: string, value: V): void {
    if (this.size >= this.capacity || this.chars >= this.maxChars) {
      this.outer.clear();
      this.size = 0;
      this.chars = 0;
    }
    let inner = this.outer.get(first);
    if (!inner) {
      inner = new Map();
      this.outer.set(first, inner);
      this.chars += first.length;
    }
    if (!inner.has(second)) {
      this.size++;
      this.chars += second.length;
    }
    inner.set(second, value);
  }
}
