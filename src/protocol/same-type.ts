/**
 * `true` only when A and B describe the same values (each is assignable to the
 * other): a schema's output checked against the type it stands for, so the two
 * cannot drift apart.
 */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
