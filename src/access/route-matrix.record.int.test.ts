import { describeMatrix } from '../../test/route-matrix.ts';
import { matrixParts } from '../../test/route-matrix-parts.ts';

describeMatrix('record', matrixParts.record);
