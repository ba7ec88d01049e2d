/** The ModelError a promise rejects with (the tests of the model engine). */
import { expect } from 'vitest';
import { ModelError } from '../../src/core/model/errors';

export async function failure(p: Promise<unknown>): Promise<ModelError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    return e as ModelError;
  }
  throw new Error('expected a ModelError');
}
