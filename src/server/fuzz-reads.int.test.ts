import { fuzzSuite } from '../../test/fuzz-suite.ts';

// Every GET of the OpenAPI document, fuzzed (test/fuzz.ts); the other methods are in fuzz-writes.
fuzzSuite('fuzzing the reads', (operation) => operation.method === 'GET');
