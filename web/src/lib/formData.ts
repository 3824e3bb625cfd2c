/** A FormData entry as a string ('' when missing). */
export function str(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
