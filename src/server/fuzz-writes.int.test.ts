import { fuzzSuite } from '../../test/fuzz-suite.ts';

// Every POST, PUT, PATCH and DELETE of the OpenAPI document, fuzzed (test/fuzz.ts); reads are in fuzz-reads.
fuzzSuite('fuzzing the writes', (operation) => operation.method !== 'GET');
