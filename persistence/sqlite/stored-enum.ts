/**
 * `value` read from a column as one of `values`: a row holding anything else is corrupt, and
 * reading it throws, naming the column, rather than passing an unknown value on.
 */
export function storedEnum<T extends string>(values: readonly T[], value: string, what: string): T {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new Error(`stored ${what} ${JSON.stringify(value)} is unknown`);
  return found;
}
