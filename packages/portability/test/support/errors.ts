import { expect } from 'vitest';
import { ImportError } from '../../src/import-error';

/** The ImportError that `run` throws (sync or async); fails the test when it throws none. */
export async function importErrorOf(run: () => unknown): Promise<ImportError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError, but the import succeeded');
}
