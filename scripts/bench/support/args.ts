/** Flag values, checked: a typo stops the run before anything is built. */
export function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${flag} must be a positive integer, got ${JSON.stringify(text)}`);
  return value;
}

export function positiveIntegerList(flag: string, text: string): number[] {
  return text.split(",").map((item) => positiveInteger(flag, item.trim()));
}
