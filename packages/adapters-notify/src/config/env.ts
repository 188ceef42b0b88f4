export type Env = Readonly<Record<string, string | undefined>>;

/** An environment variable's value; blank counts as unset (an empty line in a .env file). */
export function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function anySet(env: Env, names: readonly string[]): string[] {
  return names.filter((name) => read(env, name) !== undefined);
}
