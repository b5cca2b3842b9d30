import {
  describeDirectoryConformance,
  SAMPLE_DELEGATIONS,
} from '../testing/directory-conformance.ts';
import { SAMPLE_ORG } from '../testing/sample-org.ts';
import { createStaticDirectory } from './static-directory.ts';

describeDirectoryConformance('static', async () =>
  createStaticDirectory({ ...SAMPLE_ORG, delegations: SAMPLE_DELEGATIONS }),
);
