/** `true` when `A` and `B` accept the same values (each assignable to the other), else `false`. */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Compiles only when `A` and `B` have the same shape: how a zod schema is pinned to the zod-free
 * type the SDK publishes (`protocol/types/`), so neither can drift. Does nothing at run time.
 *
 * @example
 * ```ts
 * assertSameShape<z.infer<typeof deviceStatusSchema>, DeviceStatus>(true);
 * ```
 */
export function assertSameShape<A, B>(proof: SameShape<A, B>): void {
  void proof;
}
