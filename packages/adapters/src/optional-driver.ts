/**
 * Loads a database driver that is an optional peer dependency of `@gongwen/adapters`, so an
 * embedder installs only the one they use. A missing driver fails with an error that names
 * the package to install and the entry point that needs it.
 */
export async function importDriver<T>(
  name: '@electric-sql/pglite' | 'pg',
  entry: string,
  load: () => Promise<T>,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (
      (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
      String((error as Error).message).includes(`'${name}'`)
    ) {
      throw new Error(
        `${entry} needs the driver package "${name}", which is not installed: npm install ${name}`,
        { cause: error },
      );
    }
    throw error;
  }
}
