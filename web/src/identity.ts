/** The platform's resident-ID check (GB 11643), shared with the server (pure). */
export { checkResidentId } from '../../src/core/identity.ts';
export { maskResidentId } from '../../src/core/identity.ts';
